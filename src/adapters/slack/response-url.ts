// Slack's response_url, with a few bounded retries: Bolt's respond() POSTs once and throws on any failure, so a
// single 500, or a 429 asking to come back in a second, would lose the answer. A response_url lives 30 minutes;
// with these settings delivery gives up within a minute (3 attempts of at most 10 s, 2 waits of at most 10 s).
import { setTimeout as sleep } from "node:timers/promises";

export interface RetryPolicy {
  attempts: number;
  /** The wait before the first retry, doubled for each one after it, when Slack gives no Retry-After. */
  backoffMs: number;
  /** The longest wait between attempts, a Retry-After included. */
  maxWaitMs: number;
  /** How long one attempt may take. */
  timeoutMs: number;
}

export const RESPONSE_URL_RETRY: RetryPolicy = { attempts: 3, backoffMs: 500, maxWaitMs: 10_000, timeoutMs: 10_000 };

interface Failure {
  error: Error;
  retryable: boolean;
  retryAfterMs?: number;
}

/** One POST: undefined when Slack took it. The errors name the status, never the URL (it can post to the user). */
async function attempt(url: string, body: string, timeoutMs: number): Promise<Failure | undefined> {
  let response: Response;
  try {
    response = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body, signal: AbortSignal.timeout(timeoutMs) });
  } catch (cause) {
    return { error: new Error("response_url could not be reached", { cause }), retryable: true };
  }
  await response.body?.cancel();
  if (response.ok) return undefined;
  const seconds = Number.parseInt(response.headers.get("retry-after") ?? "", 10);
  return {
    error: new Error(`response_url answered HTTP ${response.status}`),
    // Rate limited, or a failure on Slack's side; any other status would fail the same way again.
    retryable: response.status === 429 || response.status >= 500,
    ...(Number.isNaN(seconds) ? {} : { retryAfterMs: seconds * 1000 }),
  };
}

/** POSTs a message to a response_url, retrying a 429 or 5xx or a network failure; throws the last failure. */
export async function postToResponseUrl(url: string, message: object, policy: RetryPolicy = RESPONSE_URL_RETRY): Promise<void> {
  const body = JSON.stringify(message);
  for (let n = 1; ; n++) {
    const failed = await attempt(url, body, policy.timeoutMs);
    if (!failed) return;
    if (!failed.retryable || n >= policy.attempts) throw failed.error;
    await sleep(Math.min(failed.retryAfterMs ?? policy.backoffMs * 2 ** (n - 1), policy.maxWaitMs));
  }
}
