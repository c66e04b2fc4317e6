// One schedule URL for a load: the server's text when it sends a schedule (kept as the URL's new copy), the copy when
// the server answers 304, and the copy with a notice when the server fails or sends something that is no schedule
// (a maintenance page served with 200). Without a copy, a failure is a problem naming the URL, as before.
import { redactUrl } from "./redact-url.js";
import { ageOf, readCopy, touchCopy, writeCopy, type ScheduleCopy } from "./schedule-copies.js";
import { fetchSchedule, type FetchLimits } from "./schedule-fetch.js";
import { parseSchedule, type ScheduleResult } from "./schedule.js";

/** What a URL's copy did in a load, for the caller to warn about (the URL is redacted): read instead of the server's
 * answer (`problem` says why, `savedAt` when the server last confirmed the copy), or not kept (a full or read-only
 * DATA_DIR: the next failure finds an older copy, or none). */
export type CopyNotice = { kind: "read"; url: string; problem: string; savedAt: Date } | { kind: "not-kept"; url: string; problem: string };

export interface UrlSchedule {
  /** The text used (the server's or the copy's), for the knowledge's version; empty when there is none. */
  body: string;
  read: ScheduleResult;
  notice?: CopyNotice;
}

/** Fetches `url` (conditionally, when `copiesDir` holds a copy of it) and reads it as a schedule. Never throws. */
export async function readScheduleUrl(url: string, limits: FetchLimits, copiesDir?: string): Promise<UrlSchedule> {
  const shown = redactUrl(url);
  const copy = copiesDir ? await readCopy(copiesDir, url) : undefined;
  const fetched = await fetchSchedule(url, limits, copy?.validators);
  const fallBack = (problem: string): UrlSchedule =>
    copy ? fromCopy(shown, copy, { kind: "read", url: shown, problem, savedAt: copy.savedAt }) : { body: "", read: { problems: [{ file: shown, message: problem }], warnings: [] } };
  if (!fetched.ok) return fallBack(`cannot read the schedule: ${fetched.error.replaceAll(url, shown)}`);
  if (fetched.notModified) {
    if (!copy) return fallBack("cannot read the schedule: the server answered 304 Not Modified to a request that was not conditional");
    // A copy that cannot be touched only looks older than it is.
    await touchCopy(copiesDir!, url).catch(() => undefined);
    return fromCopy(shown, copy);
  }
  const read = parseSchedule(shown, fetched.body);
  if (!read.schedule) return copy ? fallBack(read.problems.map((p) => p.message).join("; ")) : { body: fetched.body, read };
  const notKept = copiesDir
    ? await writeCopy(copiesDir, url, fetched.body, fetched.validators).then(
        () => undefined,
        (error: unknown): CopyNotice => ({ kind: "not-kept", url: shown, problem: `the last good copy could not be kept: ${error instanceof Error ? error.message : String(error)}` }),
      )
    : undefined;
  return { body: fetched.body, read, ...(notKept ? { notice: notKept } : {}) };
}

const fromCopy = (shown: string, copy: ScheduleCopy, notice?: CopyNotice): UrlSchedule => ({
  body: copy.body,
  read: parseSchedule(shown, copy.body),
  ...(notice ? { notice } : {}),
});

/** The warning: "https://host/schedule.json: cannot read the schedule: …: using the copy from 3 h ago". */
export const copyWarning = (n: CopyNotice, now: Date = new Date()): string =>
  n.kind === "read" ? `${n.url}: ${n.problem}: using the copy from ${ageOf(n.savedAt, now)} ago` : `${n.url}: ${n.problem}`;
