// Discord's REST client within bounds: each call has a time limit, a 5xx or a dropped connection is retried twice,
// and a 429 is not waited out inside the client (it would retry without end): it fails at once, and the caller's
// retry budget (kit/retry.ts) decides whether a short wait is worth it.
import { RateLimitError, type RESTOptions } from "discord.js";
import type { Verdict } from "../kit/retry.js";

export const REST_LIMITS = { timeout: 10_000, retries: 2, rejectOnRateLimit: () => true } satisfies Partial<RESTOptions>;

export const rateLimited = (error: unknown): Verdict =>
  error instanceof RateLimitError ? { retry: true, afterMs: error.retryAfter } : { retry: false };
