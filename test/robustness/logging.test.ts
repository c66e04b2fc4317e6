// Logs: one JSON line per question with a request id (generated when the platform gives none), the command,
// latency and outcome; and no token or secret in any line, at start-up, on a handled question or on a
// configuration error. (The running process's own lines are checked in lifecycle.test.ts.)
import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { Bot } from "../../src/core/bot.js";
import { createLogger } from "../../src/log.js";
import { startMain } from "./child.js";
import { REJECTED_SLACK_TOKEN, startFakePlatforms } from "./fake-platforms.js";
import { SECRETS } from "./signed.js";

function collect(): { lines: Array<Record<string, unknown>>; text: () => string; sink: Writable } {
  let text = "";
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      text += chunk.toString("utf8");
      done();
    },
  });
  return {
    sink,
    text: () => text,
    get lines() {
      return text.split("\n").filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
    },
  };
}

describe("logging", () => {
  it("logs each question as one line with a request id, the command, latency and outcome", async () => {
    const log = collect();
    const bot = await Bot.create({ knowledgeDir: "knowledge", logger: createLogger("info", log.sink) });
    await bot.handle({ command: "budget", args: {}, user: { id: "c", platform: "console", isAdmin: false } });
    await bot.handle({ command: "speaker", args: { name: "고우찬" }, user: { id: "U1", platform: "slack", isAdmin: false }, requestId: "trigger-1" });
    const answered = log.lines.filter((l) => l.msg === "answered");
    expect(answered).toHaveLength(2);
    expect(answered[0]).toMatchObject({ requestId: expect.stringMatching(/^[0-9a-f-]{36}$/), platform: "console", command: "budget", answered: true, ms: expect.any(Number) });
    expect(answered[1]).toMatchObject({ requestId: "trigger-1", platform: "slack", command: "speaker", answered: true });
  });

  it("redacts secrets logged by key", () => {
    const log = collect();
    createLogger("info", log.sink).info({ config: { SLACK_BOT_TOKEN: SECRETS.SLACK_BOT_TOKEN, DISCORD_TOKEN: SECRETS.DISCORD_TOKEN }, token: SECRETS.SLACK_BOT_TOKEN }, "config");
    for (const secret of Object.values(SECRETS)) expect(log.text()).not.toContain(secret);
  });

  it("names the variable, never its value, when the configuration is wrong or a token is rejected", async () => {
    const fake = await startFakePlatforms();
    const runs: Array<{ env: Record<string, string>; names: string; secrets: string[] }> = [
      // HTTP mode without a signing secret; a malformed app token; Slack rejecting the bot token at start-up.
      { env: { SLACK_BOT_TOKEN: SECRETS.SLACK_BOT_TOKEN, DISCORD_TOKEN: SECRETS.DISCORD_TOKEN }, names: "SLACK_SIGNING_SECRET", secrets: [SECRETS.SLACK_BOT_TOKEN, SECRETS.DISCORD_TOKEN] },
      { env: { ...SECRETS, SLACK_APP_TOKEN: "xapq-robustnessSecretAppToken" }, names: "SLACK_APP_TOKEN", secrets: [...Object.values(SECRETS), "robustnessSecretAppToken"] },
      { env: { SLACK_BOT_TOKEN: REJECTED_SLACK_TOKEN, SLACK_SIGNING_SECRET: SECRETS.SLACK_SIGNING_SECRET, SLACK_API_URL: fake.slackApiUrl, PORT: "0" }, names: "SLACK_BOT_TOKEN", secrets: [REJECTED_SLACK_TOKEN, SECRETS.SLACK_SIGNING_SECRET] },
    ];
    try {
      await Promise.all(
        runs.map(async ({ env, names, secrets }) => {
          const main = startMain({ KNOWLEDGE_DIR: "knowledge", LOG_LEVEL: "debug", ...env });
          expect((await main.exit()).code).toBe(1);
          expect(main.stderr()).toContain(names);
          for (const secret of secrets) expect(main.stderr()).not.toContain(secret);
        }),
      );
    } finally {
      await fake.close();
    }
  });
});
