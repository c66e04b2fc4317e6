// The start-up cache: a prepared snapshot (the knowledge, the index's buffers, the tables) kept on disk and keyed by
// the knowledge files' names and contents and by the build of the code, so that a start on unchanged files skips
// parsing, validating and indexing (about a third of a second of a cold start). Only the compiled bot uses it (every
// build that changes a file of dist/ rewrites dist/.tsbuildinfo, which is the key's code stamp); reloads never do;
// schedule URLs, whose contents are unknown until fetched, turn it off. A cache that cannot be read or written costs
// only that time.
import { createHash, randomBytes } from "node:crypto";
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { deserialize, serialize } from "node:v8";
import { filesHash } from "../knowledge/files.js";
import type { Prepared } from "./snapshot.js";

const COMPILED = !import.meta.url.endsWith(".ts");
/** dist/.tsbuildinfo, beside dist/core/snapshot/cache.js. */
const BUILD_INFO = new URL("../../.tsbuildinfo", import.meta.url);
/** How many entries are kept (a few knowledge folders, or a few versions of one): older ones are removed. */
const KEPT = 4;

/** What an entry says it is: a file that does not say so (garbage, another program's) is not read. */
const FORMAT = "eventdesk-snapshot-1";

const isEntry = (value: unknown): value is { format: string; prepared: Prepared } => {
  const entry = value as { format?: unknown; prepared?: Partial<Prepared> } | null;
  return entry?.format === FORMAT && entry.prepared?.knowledge?.sessions instanceof Map && entry.prepared.index !== undefined && entry.prepared.tables !== undefined;
};

export interface SnapshotCache {
  read(): Promise<Prepared | undefined>;
  write(prepared: Prepared): Promise<void>;
}

/** The cache entry for the knowledge in `dir`, kept in `cacheDir`; undefined where no cache applies. */
export async function snapshotCache(cacheDir: string, dir: string): Promise<SnapshotCache | undefined> {
  if (!COMPILED) return undefined;
  const files = await filesHash(dir);
  if (!files) return undefined;
  // The build's own record (tsc's incremental build info), rewritten whenever any file of the code is.
  const code = await stat(BUILD_INFO).then((s) => String(s.mtimeMs), () => undefined);
  if (!code) return undefined;
  const key = createHash("sha256").update(files).update("\0").update(code).update("\0").update(process.version).digest("hex").slice(0, 16);
  const file = join(cacheDir, `${key}.snapshot`);
  return {
    async read() {
      const entry = await readFile(file).then(deserialize, () => undefined).catch(() => undefined);
      return isEntry(entry) ? entry.prepared : undefined;
    },
    async write(prepared) {
      // Written beside and renamed: a reader never sees half a file, and two starts at once never mix theirs.
      const temporary = `${file}.${process.pid}.${randomBytes(4).toString("hex")}`;
      try {
        await mkdir(cacheDir, { recursive: true });
        await writeFile(temporary, serialize({ format: FORMAT, prepared }));
        await rename(temporary, file);
        await keepNewest(cacheDir, KEPT);
      } catch {
        await rm(temporary, { force: true }).catch(() => undefined);
      }
    },
  };
}

/** Removes all but the `kept` newest entries: every edit of the knowledge makes a new one. */
async function keepNewest(cacheDir: string, kept: number): Promise<void> {
  const names = (await readdir(cacheDir)).filter((name) => name.endsWith(".snapshot"));
  const dated = await Promise.all(names.map(async (name) => ({ name, at: (await stat(join(cacheDir, name)).catch(() => undefined))?.mtimeMs ?? 0 })));
  const old = dated.sort((a, b) => b.at - a.at).slice(kept);
  await Promise.all(old.map(({ name }) => rm(join(cacheDir, name), { force: true })));
}
