// The start-up cache: a second start-up on unchanged knowledge is served from the snapshot the first one kept, and
// answers, reloads and diffs exactly as a built one; any change to the files, a schedule URL or a broken cache file
// means the knowledge is built as usual.
import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { Bot } from "../../src/core/bot.js";
import { event, serve, tinySchedule } from "../knowledge/schedule-fixtures.js";
import { ask, RELOADS } from "./fixture.js";
import { copyDefaultPack } from "./pack.js";

let cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups) await c();
  cleanups = [];
});

async function setUp() {
  const pack = await copyDefaultPack();
  const cacheDir = await mkdtemp(join(tmpdir(), "eventdesk-cache-"));
  cleanups.push(pack.remove, () => rm(cacheDir, { recursive: true, force: true }));
  return { pack, cacheDir };
}

const ADMIN = { id: "U1", platform: "slack", isAdmin: true } as const;

describe("the start-up cache", RELOADS, () => {
  it("serves an unchanged pack from the kept snapshot, which answers, reloads and diffs like a built one", async () => {
    const { pack, cacheDir } = await setUp();
    const built = await Bot.create({ knowledgeDir: pack.dir, cacheDir });
    expect(await readdir(cacheDir)).toEqual(["snapshot.v8"]);
    const cached = await Bot.create({ knowledgeDir: pack.dir, cacheDir });
    expect(cached.snapshot.version).toBe(built.snapshot.version);
    expect(cached.snapshot.files).toEqual(built.snapshot.files);
    for (const question of ["/budget", "고우찬이 발표한 키노트는?", "who presented the technical improvements?"]) {
      const [a, b] = [await ask(built, question), await ask(cached, question)];
      expect(b).toEqual(a);
    }
    await pack.edit("event.yaml", "speakers: 120", "speakers: 121");
    const reply = await ask(cached, "/reload", { user: { ...ADMIN }, lang: "en" });
    expect(reply.body).toMatch(/^- event ~1/m);
  });

  it("is not used once a file changes, nor with schedule URLs, nor when it is broken", async () => {
    const { pack, cacheDir } = await setUp();
    const first = await Bot.create({ knowledgeDir: pack.dir, cacheDir });
    await pack.edit("event.yaml", "speakers: 120", "speakers: 121");
    const edited = await Bot.create({ knowledgeDir: pack.dir, cacheDir });
    expect(edited.snapshot.version).not.toBe(first.snapshot.version);
    expect(edited.snapshot.knowledge.event?.speakers).toBe(121);
    await writeFile(join(cacheDir, "snapshot.v8"), "not a snapshot");
    expect((await Bot.create({ knowledgeDir: pack.dir, cacheDir })).snapshot.version).toBe(edited.snapshot.version);
    const other = await mkdtemp(join(tmpdir(), "eventdesk-cache-"));
    cleanups.push(() => rm(other, { recursive: true, force: true }));
    const server = await serve((_req, res) => res.end(tinySchedule([event(901, "Served")])));
    cleanups.push(server.close);
    const withUrl = await Bot.create({ knowledgeDir: pack.dir, cacheDir: other, scheduleUrls: [`${server.url}/schedule.json`] });
    expect(withUrl.snapshot.knowledge.sessions.has("901")).toBe(true);
    expect(await readdir(other)).toEqual([]);
  });
});
