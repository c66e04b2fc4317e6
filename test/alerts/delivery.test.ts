// Alerts end to end through the real adapters: a Slack slash command subscribes channel C1 and `/eventdesk remind`
// asks for a DM; one scheduler tick, five minutes before the keynote, posts "Starting in 5 minutes" with
// chat.postMessage to the channel and to the user, and with Discord's REST API (HTTP mode with DISCORD_TOKEN) to a
// channel and to a DM channel it opens — all against local fakes on 127.0.0.1.
import { generateKeyPairSync } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDiscordAdapter } from "../../src/adapters/discord/index.js";
import type { Adapter } from "../../src/adapters/adapter.js";
import { AlertScheduler } from "../../src/alerts.js";
import { Bot } from "../../src/core/bot.js";
import { openStore, type Store } from "../../src/store/index.js";
import { startFakeDiscordApi, textOf } from "../discord/support.js";
import { startFakeSlack, slashPayload, type FakeSlack } from "../slack/fake-slack.js";
import { captureLogs, form, MEMBER, startSlack, type RunningSlack } from "../slack/harness.js";
import { sqliteDatabase, type TestDatabase } from "../store/databases.js";

const KEYNOTE = "ifkakao-2022/110";
const MIN = 60_000;
const publicKey = generateKeyPairSync("ed25519").publicKey.export({ format: "der", type: "spki" }).subarray(-32).toString("hex");

describe("alerts through the real Slack and Discord adapters", () => {
  const logs = captureLogs();
  let db: TestDatabase;
  let store: Store;
  let bot: Bot;
  let fake: FakeSlack;
  let slack: RunningSlack;
  let discordApi: Awaited<ReturnType<typeof startFakeDiscordApi>>;
  let discord: Adapter;
  let tokenless: Adapter;

  beforeAll(async () => {
    db = sqliteDatabase();
    store = openStore(db.env);
    bot = await Bot.create({ knowledgeDir: "knowledge", store, defaultLang: "en", logger: logs.logger });
    fake = await startFakeSlack();
    slack = await startSlack(fake, {}, logs.logger, bot);
    discordApi = await startFakeDiscordApi((r) => ({ status: 200, body: r.url.endsWith("/users/@me/channels") ? { id: "555", type: 1 } : { id: "1", channel_id: "x" } }));
    const discordOptions = { mode: "http", publicKey, applicationId: "1", apiUrl: discordApi.url, adminRoleIds: [], adminUserIds: [] } as const;
    discord = createDiscordAdapter({ ...discordOptions, token: "discord-bot-token" }, bot, logs.logger);
    tokenless = createDiscordAdapter(discordOptions, bot, logs.logger);
  });

  afterAll(async () => {
    await slack?.close();
    await fake?.close();
    await discordApi?.close();
    await store?.close();
    await db?.drop();
  });

  const slash = async (command: string, text: string, id: string) => {
    const response = await slack.post(form(slashPayload(command, text, MEMBER, fake.responseUrl(id))), "application/x-www-form-urlencoded");
    expect(response.status).toBe(200);
    return (await fake.waitFor(() => fake.posted.find((p) => p.id === id), `the answer to ${command}`)).body;
  };

  it("posts 'Starting in 5 minutes' to a subscribed Slack channel, a Slack DM, a Discord channel and a Discord DM", async () => {
    expect(JSON.stringify(await slash("/subscribe", "110", "subscribed"))).toContain("This channel will now get an alert");
    // Slack keeps /remind for itself: the umbrella command reaches ours.
    expect(JSON.stringify(await slash("/eventdesk", "remind 110", "reminded"))).toContain("You will get a direct message");
    await store.subscribe({ platform: "discord", channel: "900", filter: { kind: "track", key: "ifkakao-2022/1015-retrospective" }, label: "1015", lang: "en", at: new Date() });
    await store.subscribe({ platform: "discord", channel: "900", filter: { kind: "all" }, label: "every session", lang: "en", at: new Date() });
    await store.remind({ platform: "discord", user: "42", session: KEYNOTE, lang: "en", at: new Date() });

    const start = Date.parse(bot.snapshot.knowledge.sessions.get(KEYNOTE)!.start!);
    const scheduler = new AlertScheduler({ knowledge: bot, clock: () => new Date(start - 5 * MIN), store, adapters: [slack.adapter, discord], minutes: 5, logger: logs.logger });
    const report = await scheduler.tick();
    expect(report.failed).toBe(0);

    const slackPosts = fake.calls.filter((c) => c.method === "chat.postMessage");
    expect(slackPosts.map((c) => c.args.channel)).toEqual(["C1", MEMBER]);
    for (const post of slackPosts) {
      expect(post.token).toBe("xoxb-test");
      expect(JSON.stringify(post.args.blocks)).toContain("Starting in 5 minutes: Our Social Mission");
    }

    // Every keynote at 11:00 goes to the Discord channel subscribed to every session, once whatever its other
    // subscriptions; the reminder opens a DM channel and posts there.
    const keynotes = [...bot.snapshot.knowledge.sessions.values()].filter((s) => s.start === bot.snapshot.knowledge.sessions.get(KEYNOTE)!.start);
    const messages = discordApi.requests.filter((r) => r.method === "POST" && /\/channels\/\d+\/messages$/.test(r.url));
    expect(messages.filter((r) => r.url.endsWith("/channels/900/messages"))).toHaveLength(keynotes.length);
    const opened = discordApi.requests.filter((r) => r.url.endsWith("/users/@me/channels"));
    expect(opened.map((r) => r.body)).toEqual([{ recipient_id: "42" }]);
    const dm = messages.filter((r) => r.url.endsWith("/channels/555/messages"));
    expect(textOf(dm.map((r) => r.body as object))).toContain("Starting in 5 minutes: Our Social Mission");
    for (const r of [...messages, ...opened]) expect(r.headers.authorization).toBe("Bot discord-bot-token");
    expect(report.posted).toBe(slackPosts.length + keynotes.length + 1);

    // The next tick finds every alert claimed.
    expect(await scheduler.tick(new Date(start - 4 * MIN))).toMatchObject({ posted: 0, failed: 0 });
    expect(fake.calls.filter((c) => c.method === "chat.postMessage")).toHaveLength(2);
  });

  it("Discord in HTTP mode without DISCORD_TOKEN cannot post: the alert is logged as not posted, nothing crashes", async () => {
    await store.subscribe({ platform: "discord", channel: "901", filter: { kind: "session", key: KEYNOTE }, label: "110", lang: "en", at: new Date() });
    const start = Date.parse(bot.snapshot.knowledge.sessions.get(KEYNOTE)!.start!);
    const report = await new AlertScheduler({ knowledge: bot, clock: () => new Date(start - 3 * MIN), store, adapters: [tokenless], minutes: 5, logger: logs.logger }).tick();
    expect(report).toMatchObject({ posted: 0, failed: 1 });
    expect(logs.lines.find((l) => l.msg === "alert not posted" && l.channel === "901")).toMatchObject({ err: { message: expect.stringContaining("DISCORD_TOKEN") } });
  });
});
