import { afterEach, describe, expect, it } from "vitest";
import { Bot, KnowledgeError, type ReloadEvent } from "../../src/core/bot.js";
import { ask, RELOADS } from "./fixture.js";
import { copyDefaultPack, type TempPack } from "./pack.js";

const ADMIN = { id: "admin", platform: "console", isAdmin: true, name: "admin" } as const;

let pack: TempPack | undefined;
afterEach(async () => {
  await pack?.remove();
  pack = undefined;
});

describe("reload", RELOADS, () => {
  it("swaps in the edited knowledge and reports the new version and what changed, by name", async () => {
    pack = await copyDefaultPack();
    const events: ReloadEvent[] = [];
    const bot = await Bot.create({ knowledgeDir: pack.dir, onReload: (e) => void events.push(e) });
    const before = bot.snapshot.version;
    await pack.edit("tracks.yaml", "name: { ko: \"데브옵스\", en: \"DevOps\" }", "name: { ko: \"데브옵스\", en: \"DevOps and SRE\" }");
    await pack.edit("people.yaml", "  - { id: tonny.yi,", "  - { id: tonny.lee,");
    await pack.edit("sessions.yaml", "speakers: [tonny.yi]", "speakers: [tonny.lee]");

    const a = await ask(bot, "/reload", { user: { ...ADMIN } });
    expect(a.answered).toBe(true);
    expect(a.private).toBe(true);
    expect(a.body).toContain(`${before} → ${bot.snapshot.version}`);
    // The footer names the version now live, not the one the request started on.
    expect(a.version).toBe(bot.snapshot.version);
    expect(a.version).not.toBe(before);
    expect(a.body).toMatch(/people \+1: tonny\.yi \(tonny\.lee\)/);
    expect(a.body).toMatch(/sessions ~1: 3\. 데이터 레이어 다중화 \(107\)/);
    expect(a.body).toMatch(/people −1: tonny\.yi/);
    expect(a.body).toMatch(/tracks ~1: 데브옵스 \(devops\)/);
    expect((await ask(bot, "/track devops")).title).toContain("DevOps and SRE");
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ ok: true, versionBefore: before, by: { id: "admin" } });
  });

  it("keeps answering from the old knowledge when the new one is broken, and lists every problem", async () => {
    pack = await copyDefaultPack();
    const bot = await Bot.create({ knowledgeDir: pack.dir });
    const before = bot.snapshot.version;
    await pack.edit("budget.yaml", "total: 460000000000", "total: lots");
    await pack.edit("sessions.yaml", "speakers: [lee-hwak-young]", "speakers: [nobody]");

    const a = await ask(bot, "/reload", { user: { ...ADMIN }, lang: "en" });
    expect(a.answered).toBe(false);
    expect(a.body).toMatch(/budget\.yaml:\d+ \(budget\.total\)/);
    expect(a.body).toContain(`The previous knowledge (version ${before}) keeps answering.`);
    expect(bot.snapshot.version).toBe(before);
    const budget = await ask(bot, "/budget");
    expect(budget.title).toContain("4,600억 원");
    expect(budget.version).toBe(before);
  });

  it("reports nothing changed when nothing did", async () => {
    const bot = await Bot.create({ knowledgeDir: "knowledge" });
    const a = await ask(bot, "/reload", { user: { ...ADMIN }, lang: "en" });
    expect(a.body).toContain("No items changed");
  });

  it("/reload status shows the version, when and by whom it was loaded", async () => {
    const bot = await Bot.create({ knowledgeDir: "knowledge" });
    const a = await ask(bot, "/reload status", { user: { ...ADMIN }, lang: "en" });
    expect(a.body).toContain(`Version ${bot.snapshot.version}`);
    expect(a.body).toContain("by start-up");
  });

  it("/reload foo reloads nothing and says which actions there are, on every path a value can arrive by", async () => {
    const events: ReloadEvent[] = [];
    const bot = await Bot.create({ knowledgeDir: "knowledge", onReload: (e) => void events.push(e) });
    const answers = [
      await ask(bot, "/reload foo", { user: { ...ADMIN }, lang: "en" }),
      await bot.handle({ command: "reload", args: { action: "foo" }, user: { ...ADMIN }, lang: "en" }),
      await bot.handle({ text: "reload foo", bareCommands: true, user: { ...ADMIN }, lang: "en" }),
    ];
    for (const a of answers) {
      expect(a).toMatchObject({ answered: false, private: true, command: "reload" });
      expect(a.body).toBe("“foo” is not a valid action for /reload. It takes `status`, or nothing. Nothing was run.");
      expect(a.suggestions).toEqual([{ label: "/reload status", command: "reload", args: { action: "status" } }]);
    }
    expect(events).toEqual([]);
    expect((await ask(bot, "/reload  STATUS ", { user: { ...ADMIN }, lang: "en" })).title).toBe("Knowledge status");
  });

  it("refuses to start on a broken pack, with every problem in the message", async () => {
    pack = await copyDefaultPack();
    await pack.edit("event.yaml", "sessions: 106", "sessions: -1");
    const error = await Bot.create({ knowledgeDir: pack.dir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KnowledgeError);
    expect((error as KnowledgeError).message).toMatch(/event\.yaml:\d+ \(event\.sessions\)/);
  });
});
