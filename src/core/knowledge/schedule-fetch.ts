// Fetches a schedule from a URL (SCHEDULE_URLS) with a time limit and a size cap, so that a slow or
// huge answer cannot stall a reload or fill the memory. Failures come back as one sentence, never thrown.
// With the validators of a copy kept from before, the request is conditional: a 304 costs no body.

export interface FetchLimits {
  timeoutMs: number;
  maxBytes: number;
}

export const DEFAULT_FETCH_LIMITS: FetchLimits = { timeoutMs: 10_000, maxBytes: 5 * 1024 * 1024 };

/** What the server said about the text it sent (ETag, Last-Modified), sent back to ask "only if it changed". */
export interface Validators {
  etag?: string;
  lastModified?: string;
}

export type Fetched =
  | { ok: true; notModified: false; body: string; validators: Validators }
  | { ok: true; notModified: true }
  | { ok: false; error: string };

const conditionalHeaders = (v: Validators): Record<string, string> => ({
  ...(v.etag ? { "if-none-match": v.etag } : {}),
  ...(v.lastModified ? { "if-modified-since": v.lastModified } : {}),
});

const validatorsOf = (headers: Headers): Validators => ({
  ...(headers.get("etag") ? { etag: headers.get("etag")! } : {}),
  ...(headers.get("last-modified") ? { lastModified: headers.get("last-modified")! } : {}),
});

const megabytes = (n: number) => `${+(n / 1024 / 1024).toFixed(2)} MB`;

export async function fetchSchedule(url: string, limits: FetchLimits = DEFAULT_FETCH_LIMITS, validators: Validators = {}): Promise<Fetched> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, error: "not a URL" };
  }
  const { protocol } = parsed;
  if (protocol !== "http:" && protocol !== "https:") return { ok: false, error: `only http and https schedule URLs are read, not ${protocol}` };
  const tooLarge = { ok: false, error: `the schedule is larger than the ${megabytes(limits.maxBytes)} limit` } as const;
  try {
    // fetch refuses a URL with credentials in it: they go in an Authorization header (basic auth), as a browser sends them.
    const auth: Record<string, string> = parsed.username || parsed.password ? { authorization: `Basic ${Buffer.from(`${decodeURIComponent(parsed.username)}:${decodeURIComponent(parsed.password)}`).toString("base64")}` } : {};
    parsed.username = parsed.password = "";
    const response = await fetch(parsed, { signal: AbortSignal.timeout(limits.timeoutMs), headers: { accept: "application/json", ...auth, ...conditionalHeaders(validators) } });
    if (response.status === 304) {
      await response.body?.cancel();
      return { ok: true, notModified: true };
    }
    if (!response.ok) {
      await response.body?.cancel();
      return { ok: false, error: `the server answered HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ""}` };
    }
    if (Number(response.headers.get("content-length") ?? 0) > limits.maxBytes) {
      await response.body?.cancel();
      return tooLarge;
    }
    const chunks: Uint8Array[] = [];
    let size = 0;
    // A missing or false content-length must not get past the cap: count while reading.
    for await (const chunk of response.body ?? []) {
      size += chunk.byteLength;
      if (size > limits.maxBytes) return tooLarge;
      chunks.push(chunk);
    }
    return { ok: true, notModified: false, body: Buffer.concat(chunks).toString("utf8"), validators: validatorsOf(response.headers) };
  } catch (e) {
    if ((e as Error).name === "TimeoutError") return { ok: false, error: `no complete answer within ${limits.timeoutMs / 1000} s` };
    const cause = (e as { cause?: { code?: string; message?: string } }).cause;
    return { ok: false, error: `unreachable (${cause?.code ?? cause?.message ?? (e as Error).message})` };
  }
}
