// Slack's response_url, within the delivery retry budget (kit/retry.ts): Bolt's respond() POSTs once and throws on any
// failure, so a single 500, or a 429 asking to come back in a second, would lose the answer. Each attempt has its own
// time limit; a response_url lives 30 minutes, and delivery gives up within about 40 seconds.
import { DELIVERY_RETRY, withRetries, type RetryBudget, type Verdict } from "../kit/retry.js";

/** How long one attempt may take. */
export const RESPONSE_URL_TIMEOUT_MS = 10_000;

class DeliveryError extends Error {
  constructor(message: string, readonly verdict: Verdict, options?: ErrorOptions) {
    super(message, options);
  }
}

/** One POST. The errors name the status, never the URL (it can post to the user). */
async function attempt(url: string, body: string, timeoutMs: number): Promise<void> {
  let response: Response;
  try {
    response = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body, signal: AbortSignal.timeout(timeoutMs) });
  } catch (cause) {
    throw new DeliveryError("response_url could not be reached", { retry: true }, { cause });
  }
  await response.body?.cancel();
  if (response.ok) return;
  const seconds = Number.parseInt(response.headers.get("retry-after") ?? "", 10);
  // Rate limited, or a failure on Slack's side; any other status would fail the same way again.
  const retry = response.status === 429 || response.status >= 500;
  throw new DeliveryError(`response_url answered HTTP ${response.status}`, retry ? { retry, ...(Number.isNaN(seconds) ? {} : { afterMs: seconds * 1000 }) } : { retry });
}

const judge = (error: unknown): Verdict => (error instanceof DeliveryError ? error.verdict : { retry: false });

/** POSTs a message to a response_url, retrying a 429 or 5xx or a network failure; throws the last failure. */
export function postToResponseUrl(url: string, message: object, budget: RetryBudget = DELIVERY_RETRY, timeoutMs = RESPONSE_URL_TIMEOUT_MS): Promise<void> {
  const body = JSON.stringify(message);
  return withRetries(() => attempt(url, body, timeoutMs), judge, budget);
}
