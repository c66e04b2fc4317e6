// The files of a knowledge folder, listed and hashed without reading what they say: what the start-up cache is keyed
// by, cheap enough to run before deciding whether to parse at all (no YAML or schema code is loaded here).
import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { join, relative } from "node:path";

/** Every file below `dir`, at any depth, sorted. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/** A hash of every file below `dir`, names and contents: the same files give the same hash. Undefined when the folder
 * cannot be read. */
export async function filesHash(dir: string): Promise<string | undefined> {
  const paths = await listFiles(dir).catch(() => undefined);
  if (!paths) return undefined;
  const hash = createHash("sha256");
  for (const path of paths) hash.update(relative(dir, path)).update("\0").update(await readFile(path)).update("\0");
  return hash.digest("hex");
}
