// Answers being worked on: an adapter tracks each, so that stopping can let them finish and say what it dropped.

export class InFlight {
  private readonly work = new Set<Promise<unknown>>();

  /** Tracks `work` until it settles; returns it unchanged. */
  track<T>(work: Promise<T>): Promise<T> {
    this.work.add(work);
    const forget = () => void this.work.delete(work);
    work.then(forget, forget);
    return work;
  }

  get size(): number {
    return this.work.size;
  }

  /** Waits for what is in flight, at most `ms`; resolves with how many had not finished by then. */
  async drain(ms = Infinity): Promise<number> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<void>((resolve) => {
      if (Number.isFinite(ms)) timer = setTimeout(resolve, ms);
    });
    await Promise.race([Promise.allSettled([...this.work]), late]);
    clearTimeout(timer);
    return this.work.size;
  }
}
