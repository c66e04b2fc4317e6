// The start-up cache: the last snapshot a start-up built, kept as its messages (stream.ts) in one file and used
// while nothing it was built from has changed. A cold start then reads one file instead of loading the YAML parser,
// parsing and validating every file and building the index: most of `npm start`'s and `npm run ask`'s time. Only
// start-ups use it (a reload exists to read the files again), never with SCHEDULE_URLS (a URL's content can change
// without a sign), and any failure to read or write it only means the knowledge is built as usual.
import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, rename, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { deserialize, serialize } from "node:v8";
import type { LoadOptions } from "../knowledge/load.js";
import { Assembler, messagesOf, type Assembled, type Prepared, type SnapshotMessage } from "./stream.js";

// Serialized as the worker's messages are (the structured clone format), so Maps and whatever else the knowledge
// holds come back as they were.
const FILE = "snapshot.v8";

/** The code that builds a snapshot (the core: loader, documents, index), whose change must not meet an old cache. */
const CODE = fileURLToPath(new URL("..", import.meta.url));

interface CacheFile {
  key: string;
  messages: SnapshotMessage[];
}

/** What the snapshot was built from: every file below the knowledge folder and the core's code, by name, size and time. */
async function keyOf(dir: string, options: LoadOptions): Promise<string | undefined> {
  if (options.scheduleUrls?.length) return undefined;
  const hash = createHash("sha256");
  for (const root of [dir, CODE]) {
    const entries = await readdir(root, { withFileTypes: true, recursive: true });
    const files = entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name)).sort();
    for (const file of files) {
      const { size, mtimeMs } = await stat(file);
      hash.update(`${file}\0${size}\0${mtimeMs}\0`);
    }
  }
  return hash.digest("hex");
}

/** The snapshot kept for exactly these inputs, if there is one. */
export async function cachedSnapshot(cacheDir: string, dir: string, options: LoadOptions): Promise<Assembled | undefined> {
  try {
    const key = await keyOf(dir, options);
    if (!key) return undefined;
    const cached = deserialize(await readFile(join(cacheDir, FILE))) as CacheFile;
    if (cached.key !== key) return undefined;
    const assembler = new Assembler();
    for (const message of cached.messages) {
      if (message.kind === "failed") return undefined;
      const assembled = assembler.take(message);
      if (assembled) return await assembled;
    }
    return undefined;
  } catch {
    return undefined;
  }
}

/** Keeps a start-up's snapshot for the next one (written whole, then renamed: a reader never sees half a file). */
export async function saveToCache(cacheDir: string, dir: string, options: LoadOptions, prepared: Prepared): Promise<void> {
  try {
    const key = await keyOf(dir, options);
    if (!key) return;
    await mkdir(cacheDir, { recursive: true });
    const partial = join(cacheDir, `${FILE}.${process.pid}`);
    await writeFile(partial, serialize({ key, messages: [...messagesOf(prepared)] } satisfies CacheFile));
    await rename(partial, join(cacheDir, FILE));
  } catch {
    // A read-only or full disk: the next start-up builds the knowledge again.
  }
}
