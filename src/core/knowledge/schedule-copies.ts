// The last good copy of each schedule URL, kept in DATA_DIR: what a load uses when the URL's server has a bad day,
// and the validators (ETag, Last-Modified) that make the next request conditional. One file per URL, named by a
// hash of the redacted URL (no credential reaches the disk, not even hashed); written to a temporary file and
// renamed, so a reader never sees half a copy. The file's modification time is when the server last vouched for
// the text (a 200 writes the file, a 304 touches it): the copy's age in warnings.
import { createHash, randomUUID } from "node:crypto";
import { mkdir, readFile, rename, rm, stat, utimes, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { redactUrl } from "./redact-url.js";
import type { Validators } from "./schedule-fetch.js";

export interface ScheduleCopy {
  /** The redacted URL, so that a person looking in the folder can tell the files apart. */
  url: string;
  validators: Validators;
  body: string;
  /** When the server last confirmed this text. */
  savedAt: Date;
}

/** The file holding `url`'s copy in `dir`. */
export const copyFile = (dir: string, url: string): string =>
  join(dir, `${createHash("sha256").update(redactUrl(url)).digest("hex").slice(0, 16)}.json`);

/** `url`'s copy, or undefined when there is none (or it cannot be read: then it is no copy). */
export async function readCopy(dir: string, url: string): Promise<ScheduleCopy | undefined> {
  const file = copyFile(dir, url);
  try {
    const [text, { mtime }] = await Promise.all([readFile(file, "utf8"), stat(file)]);
    const stored = JSON.parse(text) as Omit<ScheduleCopy, "savedAt">;
    return typeof stored.body === "string" ? { url: stored.url, validators: stored.validators ?? {}, body: stored.body, savedAt: mtime } : undefined;
  } catch {
    return undefined;
  }
}

/** Replaces `url`'s copy whole: a temporary file beside it, then a rename (atomic within one folder). */
export async function writeCopy(dir: string, url: string, body: string, validators: Validators): Promise<void> {
  const file = copyFile(dir, url);
  const temporary = `${file}.${randomUUID()}.tmp`;
  await mkdir(dir, { recursive: true });
  try {
    await writeFile(temporary, JSON.stringify({ url: redactUrl(url), validators, body }), "utf8");
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/** The server answered 304: the copy is current as of now. */
export async function touchCopy(dir: string, url: string): Promise<void> {
  const now = new Date();
  await utimes(copyFile(dir, url), now, now);
}

/** "3 h", "12 min", "2 d": how long ago `since` was, roughly, for a warning. */
export function ageOf(since: Date, now: Date = new Date()): string {
  const minutes = Math.max(0, Math.round((now.getTime() - since.getTime()) / 60_000));
  if (minutes < 1) return "less than a minute";
  if (minutes < 90) return `${minutes} min`;
  const hours = Math.round(minutes / 60);
  return hours < 48 ? `${hours} h` : `${Math.round(hours / 24)} d`;
}
