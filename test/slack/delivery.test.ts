// Delivery when Slack fails: a response_url post is retried a few times, within bounds, and then the answer goes
// out with the Web API instead; a chat.postMessage that keeps failing is given up within seconds and logged.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Adapter } from "../../src/adapters/adapter.js";
import { slackOptionsFrom } from "../../src/adapters/index.js";
import { createSlackAdapter, WEB_API_RETRY } from "../../src/adapters/slack/adapter.js";
import { postToResponseUrl, RESPONSE_URL_RETRY } from "../../src/adapters/slack/response-url.js";
import { Bot } from "../../src/core/bot.js";
import { loadConfig } from "../../src/config.js";
import { startHttpServer, type HttpServer } from "../../src/http.js";
import { startFakePlatforms, type FakePlatforms } from "../robustness/fake-platforms.js";
import { send, SLACK_SIGNING_SECRET, slackSlashCommand } from "../robustness/signed.js";
import { eventPayload, signedHeaders } from "./fake-slack.js";
import { captureLogs } from "./harness.js";

let fake: FakePlatforms;
let slack: Adapter;
let http: HttpServer;
const logs = captureLogs();

beforeAll(async () => {
  fake = await startFakePlatforms();
  const bot = await Bot.create({ knowledgeDir: "knowledge" });
  slack = createSlackAdapter(slackOptionsFrom(loadConfig({ SLACK_BOT_TOKEN: "xoxb-test", SLACK_SIGNING_SECRET, SLACK_API_URL: fake.slackApiUrl }))!, bot, logs.logger);
  http = await startHttpServer([slack], 0, () => slack.ready(), "127.0.0.1");
  await slack.start();
});

afterAll(async () => {
  // Nothing may still be retrying: stop() waits for the answers in flight.
  await slack?.stop();
  await http?.close();
  await fake?.close();
});

beforeEach(() => fake.reset());

const responses = (id: string) => fake.deliveries.filter((d) => d.route === "response" && d.key === id);
const logged = (msg: string) => vi.waitFor(() => logs.lines.find((l) => l.msg === msg) ?? Promise.reject(new Error(`no "${msg}" logged yet`)), { timeout: 15_000 });

describe("postToResponseUrl", () => {
  // Backoff long enough that the test could only finish by taking Retry-After (capped) instead.
  const slowBackoff = { ...RESPONSE_URL_RETRY, backoffMs: 3_600_000, maxWaitMs: 3_600_000 };

  it("retries a 500 and a 429, waiting for their Retry-After instead of backing off", async () => {
    fake.fault = (d) => (d.attempt === 1 ? { status: 500, retryAfterSeconds: 0 } : d.attempt === 2 ? { status: 429, retryAfterSeconds: 0 } : undefined);
    await postToResponseUrl(fake.responseUrl("retried"), { text: "hello" }, slowBackoff);
    expect(responses("retried").map((d) => d.status)).toEqual([500, 429, 200]);
  });

  it("caps a long Retry-After", async () => {
    fake.fault = (d) => (d.attempt === 1 ? { status: 429, retryAfterSeconds: 3600 } : undefined);
    await postToResponseUrl(fake.responseUrl("capped"), { text: "hello" }, { ...slowBackoff, maxWaitMs: 1 });
    expect(responses("capped").map((d) => d.status)).toEqual([429, 200]);
  });

  it("gives up after the last attempt, and at once on a status that would fail again", async () => {
    fake.fault = () => ({ status: 500 });
    await expect(postToResponseUrl(fake.responseUrl("down"), { text: "hello" }, { ...RESPONSE_URL_RETRY, backoffMs: 1 })).rejects.toThrow("response_url answered HTTP 500");
    expect(responses("down")).toHaveLength(RESPONSE_URL_RETRY.attempts);
    fake.fault = () => ({ status: 404 });
    await expect(postToResponseUrl(fake.responseUrl("expired"), { text: "hello" })).rejects.toThrow("HTTP 404");
    expect(responses("expired")).toHaveLength(1);
  });
});

describe("the Slack adapter when Slack fails", () => {
  it("answers a slash command on the response_url's second attempt after a 500", async () => {
    fake.fault = (d) => (d.route === "response" && d.attempt === 1 ? { status: 500 } : undefined);
    expect((await send(http.port, slackSlashCommand("/budget", "", "U1", fake.responseUrl("once")))).status).toBe(200);
    const delivered = await fake.waitFor((d) => d.key === "once" && d.status === 200);
    expect(JSON.stringify(delivered.body)).toContain("4,600억");
    expect(responses("once")).toHaveLength(2);
  });

  it("answers with chat.postEphemeral in the channel when the response_url keeps failing, and logs it", async () => {
    fake.fault = (d) => (d.route === "response" ? { status: 500 } : undefined);
    await send(http.port, slackSlashCommand("/budget", "", "U1", fake.responseUrl("down")));
    const ephemeral = await fake.waitFor((d) => d.route === "chat.postEphemeral", 15_000);
    expect(ephemeral.body).toMatchObject({ channel: "C1", user: "U1" });
    expect(String(ephemeral.body.blocks)).toContain("4,600억");
    expect(responses("down")).toHaveLength(RESPONSE_URL_RETRY.attempts);
    expect(await logged("response_url failed: answering with the Web API instead")).toMatchObject({ user: "U1", channel: "C1", err: { message: "response_url answered HTTP 500" } });
  });

  it("gives up a chat.postMessage that keeps failing after a few retries, and logs the failure", async () => {
    fake.fault = (d) => (d.route === "chat.postMessage" ? { status: 500 } : undefined);
    const body = JSON.stringify(eventPayload("EvDown", { type: "app_mention", user: "U1", text: "<@UBOT> 예산", channel: "C1", ts: "1700000000.000900", event_ts: "1700000000.000900" }));
    await send(http.port, { path: "/slack/events", headers: { "content-type": "application/json", ...signedHeaders(SLACK_SIGNING_SECRET, body) }, body });
    await logged("Slack handler failed");
    const attempts = fake.deliveries.filter((d) => d.route === "chat.postMessage");
    expect(attempts).toHaveLength(1 + WEB_API_RETRY.retries);
  });
});
