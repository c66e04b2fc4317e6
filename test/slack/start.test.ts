// Starting the adapter: tokens Slack rejects become messages naming the variable (no stack trace), the HTTP route
// waits for the token check, and SLACK_COMMAND_PREFIX names the commands.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { slackOptionsFrom } from "../../src/adapters/index.js";
import { createSlackAdapter } from "../../src/adapters/slack/adapter.js";
import { Bot } from "../../src/core/bot.js";
import { ConfigError, loadConfig } from "../../src/config.js";
import { startHttpServer } from "../../src/http.js";
import { startFakePlatforms } from "../robustness/fake-platforms.js";
import { REJECTED_APP_TOKEN, REJECTED_BOT_TOKEN, signedHeaders, slashPayload, startFakeSlack, type FakeSlack } from "./fake-slack.js";
import { captureLogs, form, MEMBER, SIGNING_SECRET, startSlack } from "./harness.js";

let fake: FakeSlack;
let bot: Bot;
const { logger } = captureLogs();

beforeAll(async () => {
  fake = await startFakeSlack();
  bot = await Bot.create({ knowledgeDir: "knowledge" });
});

afterAll(async () => {
  await fake?.close();
});

const adapterWith = (env: Record<string, string>) =>
  createSlackAdapter(slackOptionsFrom(loadConfig({ SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: fake.apiUrl, ...env }))!, bot, logger);

async function startFailure(env: Record<string, string>): Promise<Error> {
  const adapter = adapterWith(env);
  const error = await adapter.start().then(() => undefined, (e: unknown) => e as Error);
  await adapter.stop();
  if (!error) throw new Error("start() should have failed");
  return error;
}

describe("Slack adapter start-up", () => {
  it("a bot token Slack rejects ends with a message naming SLACK_BOT_TOKEN and where to find it", async () => {
    const error = await startFailure({ SLACK_BOT_TOKEN: REJECTED_BOT_TOKEN });
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.message).toContain("SLACK_BOT_TOKEN: Slack rejected it (invalid_auth)");
    expect(error.message).toContain("OAuth & Permissions");
    expect(error.message).not.toMatch(/\n\s+at /);
  });

  it("an app token Slack rejects ends with a message naming SLACK_APP_TOKEN and where to find it", async () => {
    const error = await startFailure({ SLACK_BOT_TOKEN: "xoxb-test", SLACK_APP_TOKEN: REJECTED_APP_TOKEN });
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.message).toContain("SLACK_APP_TOKEN: Slack rejected it (invalid_auth)");
    expect(error.message).toContain("App-Level Tokens");
  });

  it("an auth.test that never answers ends within the Web API's time limit, naming SLACK_BOT_TOKEN, to be tried again", async () => {
    const platforms = await startFakePlatforms();
    platforms.webApiDelayMs = 60_000;
    try {
      const options = slackOptionsFrom(loadConfig({ SLACK_BOT_TOKEN: "xoxb-test", SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: platforms.slackApiUrl }))!;
      const adapter = createSlackAdapter({ ...options, webApiTimeoutMs: 200 }, bot, logger);
      const error = await adapter.start().then(() => undefined, (e: unknown) => e as Error);
      expect(error).toBeInstanceOf(Error);
      expect(error).not.toBeInstanceOf(ConfigError);
      expect(error!.message).toMatch(/^SLACK_API_URL .* could not be reached to check SLACK_BOT_TOKEN: /);
      expect(adapter.ready()).toBe(false);
      await adapter.stop();
    } finally {
      await platforms.close();
    }
  });

  it("answers 503 on /slack/events until the token is verified, then serves Slack", async () => {
    const adapter = adapterWith({ SLACK_BOT_TOKEN: "xoxb-test" });
    const http = await startHttpServer([adapter], { port: 0, isReady: () => adapter.ready(), host: "127.0.0.1" });
    try {
      const body = form(slashPayload("/budget", "", MEMBER, fake.responseUrl("early")));
      const post = () => fetch(`http://127.0.0.1:${http.port}/slack/events`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", ...signedHeaders(SIGNING_SECRET, body) }, body });
      expect((await post()).status).toBe(503);
      expect((await fetch(`http://127.0.0.1:${http.port}/readyz`)).status).toBe(503);
      await adapter.start();
      expect((await post()).status).toBe(200);
      expect((await fetch(`http://127.0.0.1:${http.port}/slack/events`)).status).toBe(405);
      expect((await fetch(`http://127.0.0.1:${http.port}/readyz`)).status).toBe(200);
    } finally {
      await adapter.stop();
      await http.close();
    }
  });

  it("registers the commands with SLACK_COMMAND_PREFIX: /kk-speaker", async () => {
    const slack = await startSlack(fake, { SLACK_COMMAND_PREFIX: "kk-" }, logger, bot);
    try {
      await slack.post(form(slashPayload("/kk-speaker", "고우찬", MEMBER, fake.responseUrl("prefixed"))), "application/x-www-form-urlencoded");
      const answer = await fake.waitFor(() => fake.posted.find((p) => p.id === "prefixed")?.body, "the answer to /kk-speaker");
      expect(JSON.stringify(answer.blocks)).toContain("고우찬");
    } finally {
      await slack.close();
    }
  });
});
