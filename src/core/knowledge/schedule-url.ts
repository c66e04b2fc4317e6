// One schedule URL for a load: the server's text when it sends a schedule (kept as the URL's new copy), the copy when
// the server answers 304, and the copy with a fallback notice when the server fails or sends something that is no
// schedule (a maintenance page served with 200). Without a copy, a failure is a problem naming the URL, as before.
import { redactUrl } from "./redact-url.js";
import { ageOf, readCopy, touchCopy, writeCopy, type ScheduleCopy } from "./schedule-copies.js";
import { fetchSchedule, type FetchLimits } from "./schedule-fetch.js";
import { parseSchedule, type ScheduleResult } from "./schedule.js";

/** A schedule URL answered from its last good copy, for the caller to warn about. */
export interface ScheduleFallback {
  /** The redacted URL. */
  url: string;
  /** Why the server's answer was not used ("cannot read the schedule: the server answered HTTP 500 …"). */
  problem: string;
  /** When the server last confirmed the copy. */
  savedAt: Date;
}

export interface UrlSchedule {
  /** The text used (the server's or the copy's), for the knowledge's version; empty when there is none. */
  body: string;
  read: ScheduleResult;
  fallback?: ScheduleFallback;
}

/** Fetches `url` (conditionally, when `copiesDir` holds a copy of it) and reads it as a schedule. Never throws. */
export async function readScheduleUrl(url: string, limits: FetchLimits, copiesDir?: string): Promise<UrlSchedule> {
  const shown = redactUrl(url);
  const copy = copiesDir ? await readCopy(copiesDir, url) : undefined;
  const fetched = await fetchSchedule(url, limits, copy?.validators);
  const fallBack = (problem: string): UrlSchedule =>
    copy ? fromCopy(shown, copy, { url: shown, problem, savedAt: copy.savedAt }) : { body: "", read: { problems: [{ file: shown, message: problem }], warnings: [] } };
  if (!fetched.ok) return fallBack(`cannot read the schedule: ${fetched.error.replaceAll(url, shown)}`);
  if (fetched.notModified) {
    if (!copy) return fallBack("cannot read the schedule: the server answered 304 Not Modified to a request that was not conditional");
    // A copy that cannot be touched only looks older than it is.
    await touchCopy(copiesDir!, url).catch(() => undefined);
    return fromCopy(shown, copy);
  }
  const read = parseSchedule(shown, fetched.body);
  if (!read.schedule) return copy ? fallBack(read.problems.map((p) => p.message).join("; ")) : { body: fetched.body, read };
  if (copiesDir) {
    await writeCopy(copiesDir, url, fetched.body, fetched.validators).catch((error: unknown) => {
      read.warnings.push({ file: shown, message: `the last good copy could not be kept: ${error instanceof Error ? error.message : String(error)}` });
    });
  }
  return { body: fetched.body, read };
}

const fromCopy = (shown: string, copy: ScheduleCopy, fallback?: ScheduleFallback): UrlSchedule => ({
  body: copy.body,
  read: parseSchedule(shown, copy.body),
  ...(fallback ? { fallback } : {}),
});

/** The warning for a URL read from its copy: "https://host/schedule.json: cannot read the schedule: …: using the copy from 3 h ago". */
export const fallbackNotice = (f: ScheduleFallback, now: Date = new Date()): string => `${f.url}: ${f.problem}: using the copy from ${ageOf(f.savedAt, now)} ago`;
