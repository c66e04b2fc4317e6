// A reload worker that dies — out of memory here, under a heap limit its pack cannot fit — fails the reload like
// any other problem: the old knowledge keeps answering, the admin is told, the reload is logged and audited.
import { describe, expect, it } from "vitest";
import { Bot, type ReloadEvent } from "../../src/core/bot.js";
import { captureLogs } from "../slack/harness.js";
import { ask, RELOADS } from "./fixture.js";

const ADMIN = { id: "admin", platform: "console", isAdmin: true, trusted: true };

describe("a reload worker that dies", RELOADS, () => {
  it("fails the reload: reported to the admin, logged, audited, and the old knowledge keeps answering", async () => {
    const logs = captureLogs();
    const events: ReloadEvent[] = [];
    const bot = await Bot.create({ knowledgeDir: "knowledge", workerHeapMb: 1, logger: logs.logger, onReload: (e) => void events.push(e) });
    const before = bot.snapshot.version;

    const reply = await ask(bot, "/reload", { user: ADMIN });
    expect(reply.answered).toBe(false);
    expect(reply.body).toContain("(reload worker)");
    expect(reply.body).toContain(before);

    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ ok: false, versionBefore: before, versionAfter: before });
    expect(events[0].problems[0].file).toBe("(reload worker)");
    expect(logs.lines).toContainEqual(expect.objectContaining({ msg: "reload", ok: false }));

    expect(bot.snapshot.version).toBe(before);
    expect((await ask(bot, "예산 얼마야?")).answered).toBe(true);
  });
});
