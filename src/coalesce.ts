// SIGHUP and KNOWLEDGE_WATCH ask for "the knowledge as it is now", not for one reload per signal: a storm of them
// becomes one reload running and at most one queued behind it (which reads whatever the storm left).

/** `task` wrapped so that at most one run is in progress and at most one more is waiting; extra calls join the waiting one. */
export function coalesce(task: () => Promise<unknown>): () => Promise<void> {
  let running: Promise<void> | undefined;
  let queued: Promise<void> | undefined;
  const run = (): Promise<void> => {
    running = task().then(
      () => undefined,
      () => undefined,
    ).finally(() => (running = undefined));
    return running;
  };
  return () => {
    if (!running) return run();
    queued ??= running.then(() => {
      queued = undefined;
      return run();
    });
    return queued;
  };
}
