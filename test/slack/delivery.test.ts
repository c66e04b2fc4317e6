// Delivery when Slack fails: a response_url post is retried a few times, within bounds, and then the answer goes
// out with the Web API instead; a chat.postMessage that keeps failing is given up within seconds and logged.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Adapter } from "../../src/adapters/adapter.js";
import { slackOptionsFrom } from "../../src/adapters/index.js";
import { createSlackAdapter, WEB_API_RETRY } from "../../src/adapters/slack/adapter.js";
import { DELIVERY_RETRY } from "../../src/adapters/kit/retry.js";
import { postToResponseUrl } from "../../src/adapters/slack/response-url.js";
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
  http = await startHttpServer([slack], { port: 0, isReady: () => slack.ready(), host: "127.0.0.1" });
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
  const slowBackoff = { ...DELIVERY_RETRY, backoffMs: 3_600_000, maxWaitMs: 3_600_000 };

  it("retries a 500 and a 429, waiting for their Retry-After instead of backing off", async () => {
    fake.fault = (d) => (d.attempt === 1 ? { status: 500, retryAfterSeconds: 0 } : d.attempt === 2 ? { status: 429, retryAfterSeconds: 0 } : undefined);
    await postToResponseUrl(fake.responseUrl("retried"), { text: "hello" }, slowBackoff);
    expect(responses("retried").map((d) => d.status)).toEqual([500, 429, 200]);
  });

  it("gives up at once when Retry-After asks for longer than a person would wait (600 s)", async () => {
    fake.fault = (d) => (d.attempt === 1 ? { status: 429, retryAfterSeconds: 600 } : undefined);
    await expect(postToResponseUrl(fake.responseUrl("capped"), { text: "hello" })).rejects.toThrow("HTTP 429");
    expect(responses("capped").map((d) => d.status)).toEqual([429]);
  });

  it("gives each attempt a time limit: a response_url that never answers is given up", async () => {
    fake.responseDelayMs = 60_000;
    try {
      await expect(postToResponseUrl(fake.responseUrl("hung"), { text: "hello" }, { ...DELIVERY_RETRY, backoffMs: 1 }, 200)).rejects.toThrow("could not be reached");
      expect(responses("hung")).toHaveLength(DELIVERY_RETRY.attempts);
    } finally {
      fake.responseDelayMs = 0;
    }
  });

  it("gives up after the last attempt, and at once on a status that would fail again", async () => {
    fake.fault = () => ({ status: 500 });
    await expect(postToResponseUrl(fake.responseUrl("down"), { text: "hello" }, { ...DELIVERY_RETRY, backoffMs: 1 })).rejects.toThrow("response_url answered HTTP 500");
    expect(responses("down")).toHaveLength(DELIVERY_RETRY.attempts);
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
    expect(responses("down")).toHaveLength(DELIVERY_RETRY.attempts);
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

describe("the Slack adapter's bounds on every outbound call", () => {
  /** A second adapter on its own server, with a short Web API time limit, stopped (and counted) by the test. */
  async function another(webApiTimeoutMs = 10_000) {
    const own = captureLogs();
    const bot = await Bot.create({ knowledgeDir: "knowledge" });
    const adapter = createSlackAdapter({ ...slackOptionsFrom(loadConfig({ SLACK_BOT_TOKEN: "xoxb-test", SLACK_SIGNING_SECRET, SLACK_API_URL: fake.slackApiUrl }))!, webApiTimeoutMs }, bot, own.logger);
    const server = await startHttpServer([adapter], { port: 0, isReady: () => adapter.ready(), host: "127.0.0.1" });
    await adapter.start();
    const mention = (id: string) => {
      const body = JSON.stringify(eventPayload(id, { type: "app_mention", user: "U1", text: "<@UBOT> 예산", channel: "C1", ts: "1700000000.000901", event_ts: "1700000000.000901" }));
      return send(server.port, { path: "/slack/events", headers: { "content-type": "application/json", ...signedHeaders(SLACK_SIGNING_SECRET, body) }, body });
    };
    const failed = () => vi.waitFor(() => own.lines.find((l) => l.msg === "Slack handler failed") ?? Promise.reject(new Error("not yet")), { timeout: 15_000 });
    return { adapter, server, mention, failed };
  }

  it("gives up a chat.postMessage that never answers, each attempt within its time limit", async () => {
    const { adapter, server, mention, failed } = await another(300);
    fake.webApiDelayMs = 60_000;
    await mention("EvHung");
    await failed();
    expect(await adapter.stop(0)).toBe(0);
    await server.close();
  });

  it("does not wait out a Retry-After of 600 s on chat.postMessage: the answer is given up at once and logged", async () => {
    const { adapter, server, mention, failed } = await another();
    fake.fault = (d) => (d.route === "chat.postMessage" ? { status: 429, retryAfterSeconds: 600 } : undefined);
    await mention("EvLimited");
    await failed();
    expect(fake.deliveries.filter((d) => d.route === "chat.postMessage")).toHaveLength(1);
    await adapter.stop(0);
    await server.close();
  });

  it("on stop, says how many answers were still unfinished when the grace ran out", async () => {
    const { adapter, server } = await another();
    fake.responseDelayMs = 30_000;
    await send(server.port, slackSlashCommand("/budget", "", "U1", fake.responseUrl("unfinished")));
    await fake.waitFor((d) => d.key === "unfinished");
    expect(await adapter.stop(100)).toBe(1);
    await server.close();
  });
});
