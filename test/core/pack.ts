// Temporary copies of the default pack, for tests that break or change it.
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface TempPack {
  dir: string;
  /** Replaces `from` with `to` in one file of the pack (relative to ifkakao-2022/). */
  edit(file: string, from: string, to: string): Promise<void>;
  write(file: string, text: string): Promise<void>;
  remove(): Promise<void>;
}

export async function copyDefaultPack(): Promise<TempPack> {
  const dir = await mkdtemp(join(tmpdir(), "eventdesk-pack-"));
  await cp("knowledge", dir, { recursive: true });
  const path = (file: string) => join(dir, "ifkakao-2022", file);
  return {
    dir,
    async edit(file, from, to) {
      const text = await readFile(path(file), "utf8");
      if (!text.includes(from)) throw new Error(`${file} has no "${from}"`);
      await writeFile(path(file), text.replace(from, to));
    },
    write: (file, text) => writeFile(path(file), text),
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}
