// Fuzz: thousands of hostile inputs (fixed seed) through the core, every command and free text, and each answer
// through every renderer; then hostile Answers straight into the renderers. Nothing may throw, hang, split a
// surrogate pair, break a platform limit or produce a live mention. FUZZ_RUNS raises the count (the bench does).
import { beforeAll, describe, expect, it } from "vitest";
import { renderText } from "../../src/adapters/console/render.js";
import { renderAnswer as renderDiscord } from "../../src/adapters/discord/render.js";
import { renderAnswer as renderSlack } from "../../src/adapters/slack/render.js";
import type { Answer, Request } from "../../src/core/protocol.js";
import { Bot } from "../../src/core/bot.js";
import { consoleProblems, discordLimitProblems, discordMentionProblems, slackLimitProblems, slackMentionProblems } from "./checks.js";
import { startEndpoints } from "./endpoints.js";
import { FUZZ_SEED, fuzzRuns, hostileText, mulberry32, pick, type Random } from "./hostile.js";

/** A hang detector, not a performance figure (the bench measures latency): an answer takes milliseconds, so only a
 * hang comes near this even on a machine busy with other work. */
const HANG_MS = 10_000;
const PLATFORMS = ["console", "slack", "discord"];
const LOCALES = [undefined, "ko", "en-US", "", "xx-\u202e"];

let bot: Bot;
beforeAll(async () => {
  bot = await Bot.create({ knowledgeDir: "knowledge" });
});

function hostileRequest(random: Random): Request {
  const command = pick(random, [...bot.catalogue.map((c) => c.spec.name), "ask", "ask", "no-such-command", hostileText(random)]);
  const option = bot.command(command)?.spec.options[0]?.name ?? "question";
  const text = hostileText(random);
  // An admin reload would re-read the pack on every hit: admins fuzz everything else and `/reload status`.
  const admin = random() < 0.2 && command !== "reload";
  const args = command === "reload" && random() < 0.5 ? { action: "status" } : { [option]: text, ...(random() < 0.1 ? { [hostileText(random)]: text } : {}) };
  return {
    command,
    args,
    user: { id: hostileText(random).slice(0, 40) || "u", platform: pick(random, PLATFORMS), isAdmin: admin },
    locale: pick(random, LOCALES),
  };
}

/** Everything the renderers find wrong with one answer, labelled by renderer; limits only where asked. */
function renderProblems(answer: Answer, limits: boolean): string[] {
  const shared = { command: answer.command, args: { q: answer.title } };
  const slack = [renderSlack(answer), renderSlack(answer, { share: shared })];
  const discord = [...renderDiscord(answer), ...renderDiscord(answer, true)];
  return [
    ...(limits ? consoleProblems(renderText(answer)).map((p) => `console: ${p}`) : []),
    ...slack.flatMap((m) => [...slackMentionProblems(m), ...(limits ? slackLimitProblems(m) : [])]).map((p) => `slack: ${p}`),
    ...discord.flatMap((m) => [...discordMentionProblems(m), ...(limits ? discordLimitProblems(m) : [])]).map((p) => `discord: ${p}`),
  ];
}

describe("fuzzing the core and every renderer with hostile text", () => {
  it(`answers ${fuzzRuns(2_000)} hostile requests, every command and free text, safely on every platform`, async () => {
    const random = mulberry32(FUZZ_SEED);
    const version = bot.snapshot.version;
    let slowest = 0;
    for (let run = 0; run < fuzzRuns(2_000); run++) {
      const request = hostileRequest(random);
      const started = performance.now();
      const answer = await bot.handle(request).catch((error: unknown) => expect.fail(`run ${run} threw ${String(error)} on ${JSON.stringify(request).slice(0, 300)}`));
      slowest = Math.max(slowest, performance.now() - started);
      const problems = [...renderProblems(answer, true), ...(answer.version === version ? [] : [`version ${answer.version}`])];
      if (problems.length) expect.fail(`run ${run}: ${problems.join("; ")} for ${JSON.stringify(request).slice(0, 300)}`);
    }
    expect(slowest).toBeLessThan(HANG_MS);
    // The whole run gets what thousands of answers take on a machine busy with other work; a hang is caught above.
  }, 300_000);

  // Limits are checked on the core's answers above: a knowledge pack's own 100 KB source title is another matter.
  it(`renders ${fuzzRuns(500)} hostile answers (every field hostile) without a live mention`, () => {
    const random = mulberry32(FUZZ_SEED + 1);
    const text = () => hostileText(random);
    let slowest = 0;
    const some = <T>(max: number, make: () => T): T[] => Array.from({ length: Math.floor(random() * max) }, make);
    for (let run = 0; run < fuzzRuns(500); run++) {
      const answer: Answer = {
        answered: random() < 0.7,
        lang: random() < 0.5 ? "ko" : "en",
        title: text(),
        body: text(),
        fields: some(8, () => ({ name: text(), value: text(), inline: random() < 0.5 })),
        citations: some(5, () => ({ source: "s", title: text(), quote: text(), ...(random() < 0.5 ? { url: `https://x.example/${text()}` } : {}) })),
        suggestions: some(6, () => ({ label: text(), command: pick(random, ["speaker", "ask", text()]), args: { name: text() } })),
        private: random() < 0.3,
        command: "ask",
        args: {},
        version: "0123456789",
      };
      const started = performance.now();
      const problems = renderProblems(answer, false);
      slowest = Math.max(slowest, performance.now() - started);
      if (problems.length) expect.fail(`run ${run}: ${problems.join("; ")} for ${JSON.stringify(answer).slice(0, 400)}`);
    }
    expect(slowest).toBeLessThan(HANG_MS);
  });
});

// The field names the handlers read, so that random structures reach deep into them rather than failing at the top.
const KEYS = [
  "type", "id", "token", "data", "name", "options", "value", "focused", "custom_id", "message", "flags", "member", "user", "roles",
  "permissions", "locale", "event", "event_id", "text", "channel", "ts", "thread_ts", "subtype", "channel_type", "bot_id",
  "actions", "action_id", "response_url", "command", "user_id", "payload", "challenge", "__proto__", "constructor",
];

/** A random JSON value: structures of the handlers' own field names, with numbers, strings and nulls in odd places. */
function randomJson(random: Random, depth = 0): unknown {
  const roll = random();
  if (depth > 4 || roll < 0.25) {
    return pick(random, [null, true, 0, -1, 2, 3, 4, 1e308, "", "0", "abc", "https://127.0.0.1:1/x", "/budget", "block_actions", "event_callback", "app_mention"]);
  }
  if (roll < 0.35) return hostileText(random).slice(0, 200);
  if (roll < 0.5) return Array.from({ length: Math.floor(random() * 4) }, () => randomJson(random, depth + 1));
  const fields = Array.from({ length: 1 + Math.floor(random() * 6) }, () => [pick(random, KEYS), randomJson(random, depth + 1)]);
  return Object.fromEntries(fields);
}

describe("fuzzing the endpoints with signed payloads of random shape", () => {
  it(`answers ${fuzzRuns(300)} random Discord and Slack bodies with 2xx or 4xx, and keeps serving`, async () => {
    const endpoints = await startEndpoints();
    const random = mulberry32(FUZZ_SEED + 2);
    try {
      for (let run = 0; run < fuzzRuns(300); run++) {
        const value = randomJson(random);
        const json = JSON.stringify(value) ?? "null";
        const request = pick(random, [
          () => endpoints.discord(json),
          () => endpoints.slack(json),
          () => endpoints.slack(`payload=${encodeURIComponent(json)}`, "application/x-www-form-urlencoded"),
          () => endpoints.slack(new URLSearchParams(Object.entries(typeof value === "object" && value ? value : { command: json }).map(([k, v]) => [k, String(v)])).toString(), "application/x-www-form-urlencoded"),
        ])();
        const status = await endpoints.send(request);
        if (status >= 500) expect.fail(`run ${run}: HTTP ${status} for ${request.body.slice(0, 300)}`);
      }
      expect(await endpoints.healthy()).toBe(true);
    } finally {
      await endpoints.close();
    }
  });
});
