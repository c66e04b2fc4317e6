import { describe, expect, it } from "vitest";
import { Bot } from "../../src/core/bot.js";
import { RateLimiter } from "../../src/core/rate-limit.js";
import { MAX_ARG_LENGTH } from "../../src/core/sanitize.js";
import { ask } from "./fixture.js";

describe("rate limit", () => {
  it("lets a burst through, refuses the next, and refills over the minute", () => {
    let now = 0;
    const limiter = new RateLimiter(3, () => now);
    expect([1, 2, 3, 4].map(() => limiter.take("u"))).toEqual([true, true, true, false]);
    expect(limiter.waitSeconds("u")).toBe(20);
    expect(limiter.take("other")).toBe(true);
    now += 20_000;
    expect(limiter.take("u")).toBe(true);
    expect(limiter.take("u")).toBe(false);
    expect(new RateLimiter(0).take("u")).toBe(true);
  });

  it("answers a flooding Slack or Discord user with a friendly slow-down, privately; the console is not limited", async () => {
    const bot = await Bot.create({ knowledgeDir: "knowledge", rateLimitPerMinute: 2 });
    const slack = { id: "U1", platform: "slack", isAdmin: false } as const;
    const answers = [];
    for (let i = 0; i < 3; i++) answers.push(await ask(bot, "예산", { user: slack }));
    expect(answers.map((a) => a.answered)).toEqual([true, true, false]);
    expect(answers[2]).toMatchObject({ private: true, title: "조금 천천히 물어봐 주세요" });
    expect(answers[2].body).toMatch(/\d+초 뒤에 다시/);
    expect((await ask(bot, "예산", { user: { id: "U2", platform: "slack", isAdmin: false } })).answered).toBe(true);
    // Trust is the user's, as the console adapter marks its operator: never limited.
    for (let i = 0; i < 5; i++) expect((await ask(bot, "예산", { user: { id: "c", platform: "console", isAdmin: true, trusted: true } })).answered).toBe(true);
  });
});

describe("hostile and overlong text", () => {
  it("reads only the first characters of an overlong question, and says so", async () => {
    const bot = await Bot.create({ knowledgeDir: "knowledge" });
    const a = await ask(bot, "예산 " + "가".repeat(100_000));
    expect(a.body.startsWith(`(질문이 길어 앞의 ${MAX_ARG_LENGTH}자만 읽었습니다.)`)).toBe(true);
  });

  it("drops bidi overrides, control characters and lone surrogates before anything reads them", async () => {
    const bot = await Bot.create({ knowledgeDir: "knowledge" });
    const a = await ask(bot, "/speaker \u202e고우찬\u0000\ud800");
    // A person's title carries their handle when it is not their name.
    expect(a.title).toBe("고우찬 (Ko Woo-chan) (gilbert.c)");
    expect(a.body).toBe((await ask(bot, "/speaker 고우찬")).body);
    const b = await ask(bot, "/speaker \u202eevil\ud800name");
    expect(b.body).toContain("evilname");
    expect(b.body).not.toMatch(/[\u202e\ud800]/);
  });
});
