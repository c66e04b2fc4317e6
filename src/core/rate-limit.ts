// A token bucket per user: a burst of `perMinute` questions, refilled evenly over the minute.

export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes one token for `key`; false when the bucket is empty. A limit of 0 lets everything through. */
  take(key: string): boolean {
    if (this.perMinute <= 0) return true;
    const t = this.now();
    const b = this.buckets.get(key) ?? { tokens: this.perMinute, at: t };
    b.tokens = Math.min(this.perMinute, b.tokens + ((t - b.at) / 60_000) * this.perMinute);
    b.at = t;
    const allowed = b.tokens >= 1;
    if (allowed) b.tokens -= 1;
    this.buckets.set(key, b);
    if (this.buckets.size > 10_000) this.forgetFull(t);
    return allowed;
  }

  /** Seconds until `key` may ask again. */
  waitSeconds(key: string): number {
    const b = this.buckets.get(key);
    return b ? Math.max(1, Math.ceil(((1 - b.tokens) * 60) / this.perMinute)) : 0;
  }

  /** Buckets that have refilled completely carry no state worth keeping. */
  private forgetFull(t: number): void {
    for (const [key, b] of this.buckets) {
      if (b.tokens + ((t - b.at) / 60_000) * this.perMinute >= this.perMinute) this.buckets.delete(key);
    }
  }
}
