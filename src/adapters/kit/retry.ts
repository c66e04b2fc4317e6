// One retry budget for every delivery to a platform (Slack's response_url and Web API, Discord's REST): a few
// attempts, waits that double, and a Retry-After honoured only while it is short. A person is waiting for the
// answer: one that would arrive minutes late is given up at once (the caller logs it or falls back) instead.
import { setTimeout as sleep } from "node:timers/promises";

export interface RetryBudget {
  attempts: number;
  /** The wait before the first retry, doubled for each one after it, when the platform names none. */
  backoffMs: number;
  /** The longest wait the platform may ask for (Retry-After); asked for longer, the call gives up. */
  maxWaitMs: number;
}

export const DELIVERY_RETRY: RetryBudget = { attempts: 3, backoffMs: 500, maxWaitMs: 10_000 };

/** What a failure says about another attempt: not worth one, or worth one (after the platform's wait, if it named one). */
export type Verdict = { retry: false } | { retry: true; afterMs?: number };

export async function withRetries<T>(attempt: () => Promise<T>, judge: (error: unknown) => Verdict, budget: RetryBudget = DELIVERY_RETRY): Promise<T> {
  for (let n = 1; ; n++) {
    try {
      return await attempt();
    } catch (error) {
      const verdict = judge(error);
      const wait = verdict.retry ? (verdict.afterMs ?? budget.backoffMs * 2 ** (n - 1)) : Infinity;
      if (n >= budget.attempts || wait > budget.maxWaitMs) throw error;
      await sleep(wait);
    }
  }
}
