// The reload audit log, written by a real Bot's reloads: one JSON line per attempt, and `/reload status`.
import { readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { AUDIT_FILE, reloadAuditLog, type AuditLine } from "../src/audit.js";
import { Bot } from "../src/core/bot.js";
import { ask, RELOADS } from "./core/fixture.js";
import { copyDefaultPack, type TempPack } from "./core/pack.js";
import { SHARED_SCHEDULE, event, tempFolder, tinySchedule } from "./knowledge/schedule-fixtures.js";

const SLACK_ADMIN = { id: "U123", platform: "slack", isAdmin: true, name: "jane" } as const;
const DISCORD_ADMIN = { id: "4567", platform: "discord", isAdmin: true, name: "joe" } as const;

let cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups) await c();
  cleanups = [];
});

/** The default pack (which holds the shared schedule), or with `withoutSchedule` only its YAML files. */
async function setUp({ withoutSchedule = false } = {}): Promise<{ pack: TempPack; dataDir: string; bot: Bot }> {
  const pack = await copyDefaultPack();
  const data = await tempFolder();
  cleanups.push(pack.remove, data.remove);
  if (withoutSchedule) await rm(join(pack.dir, "ifkakao-2022", "schedule.json"));
  // A folder that does not exist yet: the log creates it.
  const dataDir = join(data.dir, "data", "audit");
  const bot = await Bot.create({ knowledgeDir: pack.dir, onReload: reloadAuditLog(dataDir) });
  return { pack, dataDir, bot };
}

const readLog = async (dataDir: string): Promise<AuditLine[]> =>
  (await readFile(join(dataDir, AUDIT_FILE), "utf8")).trim().split("\n").map((line) => JSON.parse(line) as AuditLine);

describe("the reload audit log", RELOADS, () => {
  it("appends one JSON line per reload: when, who and from where, the versions, the changes by name or every problem", async () => {
    // The schedule is dropped in as an admin would: the pack starts without it.
    const { pack, dataDir, bot } = await setUp({ withoutSchedule: true });
    const v0 = bot.snapshot.version;
    expect(bot.snapshot.knowledge.sessions.size).toBe(9);
    const started = Date.now();
    await pack.write("schedule.json", await readFile(SHARED_SCHEDULE, "utf8"));
    await ask(bot, "/reload", { user: { ...SLACK_ADMIN } });
    const v1 = bot.snapshot.version;
    expect(bot.snapshot.knowledge.sessions.size).toBe(125);
    // A bad field is only a warning now; a file that is not JSON fails the reload.
    await pack.write("schedule.json", tinySchedule([event(1, "A")]).replace('"title": "A"', '"title": "A",,'));
    await ask(bot, "/reload", { user: { ...DISCORD_ADMIN } });

    const [imported, failed, ...rest] = await readLog(dataDir);
    expect(rest).toEqual([]);
    expect(Date.parse(imported.at)).toBeGreaterThanOrEqual(started - 1);
    expect(imported).toMatchObject({ by: { id: "U123", name: "jane", platform: "slack" }, ok: true, versionBefore: v0, versionAfter: v1, problems: [] });
    expect(v1).not.toBe(v0);
    const sessions = imported.changes.find((c) => c.section === "sessions")!;
    // The log keeps every name, where the admin's reply names the first twenty.
    expect(sessions.added).toHaveLength(116);
    expect(sessions.added).toContain("Day2 Keynote (114)");
    expect(sessions.changed).toContain("Our Social Mission (110)");

    expect(failed).toMatchObject({ by: { id: "4567", name: "joe", platform: "discord" }, ok: false, versionBefore: v1, versionAfter: v1, changes: [] });
    expect(failed.problems).toEqual([
      {
        file: "ifkakao-2022/schedule.json",
        line: expect.any(Number),
        field: "schedule.conference.days[0].rooms.Online[0].title",
        message: expect.stringMatching(/^not JSON: /),
        value: expect.stringContaining('"title": "A",,'),
      },
    ]);
  });

  it("/reload status shows the current version, when and by whom it was loaded", async () => {
    const { pack, bot } = await setUp();
    await pack.write("schedule.json", tinySchedule([event(1, "A")]));
    await ask(bot, "/reload", { user: { ...SLACK_ADMIN } });
    const a = await ask(bot, "/reload status", { user: { ...DISCORD_ADMIN }, lang: "en" });
    expect(a.private).toBe(true);
    expect(a.body).toContain(`Version ${a.version}, loaded at ${bot.snapshot.loadedAt.toISOString()} by jane (slack:U123)`);
    expect(a.body).toContain("10 file(s)"); // 9 YAML files (the glossary among them) and the schedule
    expect(bot.snapshot.files).toHaveLength(10);
  });

  it("cannot undo or hide a reload when it cannot be written", async () => {
    const data = await tempFolder();
    const pack = await copyDefaultPack();
    cleanups.push(pack.remove, data.remove);
    const blocked = join(data.dir, "not-a-folder");
    await writeFile(blocked, "");
    const bot = await Bot.create({ knowledgeDir: pack.dir, onReload: reloadAuditLog(blocked) });
    await pack.write("schedule.json", tinySchedule([event(1, "A")]));
    const reply = await ask(bot, "/reload", { user: { ...SLACK_ADMIN }, lang: "en" });
    expect(reply.answered).toBe(true);
    // Knowledge items are keyed `${event}/${id}`: the tiny schedule's event is its acronym.
    expect(bot.snapshot.knowledge.sessions.has("tiny2022/1")).toBe(true);
    expect(reply.body).toContain("sessions +1: A (1)");
    // The admin learns that the record is missing, and why.
    expect(reply.body).toMatch(/The reload audit log could not be written: .*(ENOTDIR|EEXIST)/);
  });
});
