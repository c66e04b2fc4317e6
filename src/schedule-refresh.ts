// SCHEDULE_REFRESH_MINUTES: every few minutes the running bot asks each schedule URL whether its schedule changed
// (conditionally: a 304 means no), comparing what the server sends with the URL's last good copy. Only when one
// changed does it reload, through the same Bot.reload as /reload, SIGHUP and KNOWLEDGE_WATCH: audited alike, and a
// reload that fails leaves the old knowledge answering. The reload fetches the URLs itself and keeps the new copies;
// until it has, each check finds the change again and reloads again, so a reload that failed is retried.
import type { Logger } from "pino";
import { redactUrl } from "./core/knowledge/redact-url.js";
import { readCopy } from "./core/knowledge/schedule-copies.js";
import { DEFAULT_FETCH_LIMITS, fetchSchedule, type FetchLimits } from "./core/knowledge/schedule-fetch.js";

export interface ScheduleRefresh {
  urls: readonly string[];
  /** Where the loads keep each URL's last good copy (what "changed" is measured against). */
  copiesDir: string;
  everyMs: number;
  /** Reloads the knowledge; called once per check that found a change, never while the previous call runs. */
  reload: () => Promise<unknown>;
  /** The same time and size limits as every load's fetches. */
  limits?: FetchLimits;
  logger?: Logger;
}

export type ScheduleCheck = { changed: boolean } | { error: string };

/** Whether `url`'s server now sends another text than the copy in `copiesDir` holds (no copy: anything is new). */
export async function checkSchedule(url: string, copiesDir: string, limits: FetchLimits = DEFAULT_FETCH_LIMITS): Promise<ScheduleCheck> {
  const copy = await readCopy(copiesDir, url);
  const fetched = await fetchSchedule(url, limits, copy?.validators);
  if (!fetched.ok) return { error: fetched.error.replaceAll(url, redactUrl(url)) };
  return { changed: !fetched.notModified && fetched.body !== copy?.body };
}

/** Checks the URLs every `everyMs` (the next check is timed from the end of the last); returns a function that stops. */
export function refreshSchedules(options: ScheduleRefresh): () => void {
  const { urls, copiesDir, everyMs, reload, limits, logger } = options;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const check = async () => {
    const checks = await Promise.all(urls.map((url) => checkSchedule(url, copiesDir, limits)));
    checks.forEach((c, i) => "error" in c && logger?.warn({ url: redactUrl(urls[i]), problem: c.error }, "schedule refresh: the URL could not be checked; the knowledge stays as it is"));
    const changed = urls.filter((_, i) => {
      const c = checks[i];
      return "changed" in c && c.changed;
    }).map(redactUrl);
    if (changed.length === 0 || stopped) return;
    logger?.info({ changed }, "schedule refresh: a schedule changed, reloading");
    await reload();
  };
  const next = () => {
    if (stopped) return;
    // Unref'd: a pending check never keeps the process alive.
    timer = setTimeout(() => void check().catch((err: unknown) => logger?.error({ err }, "schedule refresh failed")).finally(next), everyMs).unref();
  };
  next();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
