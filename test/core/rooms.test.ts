// "What's on in room 2?": a room the knowledge names is answered with its sessions; one it does not name is not
// taken for "where" (which the event would answer with its format) but refused.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Bot } from "../../src/core/bot.js";
import { ask } from "./fixture.js";
import { event, tempFolder, tinySchedule } from "../knowledge/schedule-fixtures.js";

let folder: Awaited<ReturnType<typeof tempFolder>>;
let bot: Bot;
beforeAll(async () => {
  folder = await tempFolder();
  await folder.write("tiny.json", tinySchedule([event(1, "Lockpicking for beginners"), event(2, "Soldering")]).replace('"Online":', '"Room 2":'));
  bot = await Bot.create({ knowledgeDir: folder.dir });
});
afterAll(() => folder?.remove());

describe("rooms by their name", () => {
  it("answers what is in a room the schedule names", async () => {
    const a = await ask(bot, "what's on in room 2?", { lang: "en" });
    expect(a.answered).toBe(true);
    expect(a.body).toContain("Lockpicking for beginners");
    expect(a.body).toContain("Soldering");
  });

  it("refuses a room the schedule does not name", async () => {
    for (const question of ["what's on in room 3?", "what's on after lunch in room B?"]) {
      const a = await ask(bot, question, { lang: "en" });
      expect(a.answered).toBe(false);
      expect(a.body).not.toContain("Soldering");
    }
  });
});
