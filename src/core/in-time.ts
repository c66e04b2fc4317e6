// A store's answer within a deadline: a database that hangs costs a question that long at most, and the caller then
// goes on without it (see each caller's fallback).

/** How long a question waits for the store before going on without it. */
export const STORE_WAIT_MS = 2_000;

/** `work`, or a rejection once `ms` have passed without its answer. */
export function inTime<T>(work: Promise<T>, ms = STORE_WAIT_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the store did not answer within ${ms} ms`)), ms);
    timer.unref();
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}
