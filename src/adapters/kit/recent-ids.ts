// Platforms re-send what they think failed (Slack's X-Slack-Retry-Num, minutes apart): remember the ids seen lately,
// bounded in count and age, so each event is answered once.

export class RecentIds {
  private readonly seen = new Map<string, number>();

  constructor(private readonly maxEntries = 10_000, private readonly ttlMs = 60 * 60 * 1000) {}

  /** True the first time an id is offered within the TTL, false for a repeat. */
  firstTime(id: string, now = Date.now()): boolean {
    // A Map iterates in insertion order, so the oldest entries are at the front.
    for (const [old, at] of this.seen) {
      if (now - at < this.ttlMs && this.seen.size < this.maxEntries) break;
      this.seen.delete(old);
    }
    if (this.seen.has(id)) return false;
    this.seen.set(id, now);
    return true;
  }
}
