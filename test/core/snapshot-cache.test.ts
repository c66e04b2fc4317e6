// The start-up cache, as the compiled bot uses it (`npm run ask`, in child processes): a start on unchanged files
// reads the prepared snapshot kept in DATA_DIR/cache and answers exactly as a fresh build does; a changed file is
// never answered from the old one; a cache file that is garbage costs nothing but the time.
import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { run } from "../console/run.js";
import { copyDefaultPack, type TempPack } from "./pack.js";

let pack: TempPack | undefined;
let dataDir: string | undefined;
afterEach(async () => {
  await pack?.remove();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
  pack = dataDir = undefined;
});

const ask = (question: string, env: Record<string, string>) => run("dist/adapters/console/ask.js", ["--json", question], "", env);
const cached = async (dir: string) => (await readdir(join(dir, "cache")).catch(() => [])).filter((f) => f.endsWith(".snapshot"));

describe("the start-up cache", () => {
  it("is written by a start and read by the next, which answers the same", async () => {
    pack = await copyDefaultPack();
    dataDir = await mkdtemp(join(tmpdir(), "eventdesk-cache-"));
    const env = { KNOWLEDGE_DIR: pack.dir, DATA_DIR: dataDir };
    const fresh = await ask("이채영 키노트 언제야", env);
    expect(fresh.code).toBe(0);
    expect(await cached(dataDir)).toHaveLength(1);
    const again = await ask("이채영 키노트 언제야", env);
    expect(again.stdout).toBe(fresh.stdout);
    expect(JSON.parse(again.stdout).text).toContain("12월 7일");
  });

  it("never answers a changed file from the old knowledge", async () => {
    pack = await copyDefaultPack();
    dataDir = await mkdtemp(join(tmpdir(), "eventdesk-cache-"));
    const env = { KNOWLEDGE_DIR: pack.dir, DATA_DIR: dataDir };
    expect(JSON.parse((await ask("연사 몇 명이야?", env)).stdout).text).toContain("120");
    await pack.edit("event.yaml", "speakers: 120", "speakers: 121");
    expect(JSON.parse((await ask("연사 몇 명이야?", env)).stdout).text).toContain("121");
    expect(await cached(dataDir)).toHaveLength(2);
    // Every edit makes an entry; only the newest four are kept.
    for (const speakers of [122, 123, 124]) {
      await pack.edit("event.yaml", `speakers: ${speakers - 1}`, `speakers: ${speakers}`);
      expect(JSON.parse((await ask("연사 몇 명이야?", env)).stdout).text).toContain(String(speakers));
    }
    expect(await cached(dataDir)).toHaveLength(4);
  });

  it("costs nothing but time when its file is garbage", async () => {
    pack = await copyDefaultPack();
    dataDir = await mkdtemp(join(tmpdir(), "eventdesk-cache-"));
    const env = { KNOWLEDGE_DIR: pack.dir, DATA_DIR: dataDir };
    const fresh = await ask("예산 얼마야?", env);
    const [file] = await cached(dataDir);
    await writeFile(join(dataDir, "cache", file), "not a snapshot");
    const answer = await ask("예산 얼마야?", env);
    expect(answer.code).toBe(0);
    expect(answer.stdout).toBe(fresh.stdout);
  });
});
