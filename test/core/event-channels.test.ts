// EVENT_CHANNELS: a channel bound to one event answers about that event only; other channels see every event.
import { cp } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Bot } from "../../src/core/bot.js";
import { loadConfig } from "../../src/config.js";
import { ask } from "./fixture.js";
import { event, tempFolder, tinySchedule } from "../knowledge/schedule-fixtures.js";

let folder: Awaited<ReturnType<typeof tempFolder>>;
let bot: Bot;
beforeAll(async () => {
  folder = await tempFolder();
  await cp("knowledge", folder.dir, { recursive: true });
  await folder.write("tiny.json", tinySchedule([event(1, "Lockpicking for beginners"), event(2, "Soldering")]));
  bot = await Bot.create({ knowledgeDir: folder.dir, eventChannels: new Map([["C-TINY", "tiny2022"], ["C-GONE", "no-such-event"]]) });
});
afterAll(() => folder?.remove());

describe("a channel bound to an event", () => {
  it("answers about that event only", async () => {
    const a = await ask(bot, "how many sessions are there?", { channel: "C-TINY", lang: "en" });
    expect(a.answered).toBe(true);
    expect(a.body).toMatch(/\b2 sessions\b|\b2 talks\b/);
    expect(a.body).not.toMatch(/kakao/i);
    const kakao = await ask(bot, "이채영 키노트 언제야?", { channel: "C-TINY" });
    expect(kakao.body).not.toContain("12월 7일");
  });

  it("leaves other channels, and a binding to an event not loaded, with every event", async () => {
    for (const channel of ["C-OTHER", "C-GONE"]) {
      const a = await ask(bot, "이채영 키노트 언제야?", { channel });
      expect(a.answered).toBe(true);
      expect(a.body).toContain("12월 7일");
    }
  });

  it("is read from EVENT_CHANNELS, and a malformed entry says what is expected", () => {
    expect(loadConfig({ EVENT_CHANNELS: " C0123=froscon2018, 98765=jev22 " }).EVENT_CHANNELS).toEqual(["C0123=froscon2018", "98765=jev22"]);
    expect(() => loadConfig({ EVENT_CHANNELS: "C0123:froscon2018" })).toThrow(/EVENT_CHANNELS.*channel id=event id/s);
  });
});
