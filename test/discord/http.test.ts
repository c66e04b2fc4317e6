// The HTTP interactions endpoint end to end: signed requests to the shared HTTP server on loopback.
import { generateKeyPairSync, sign, type KeyObject } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { DELIVERY_RETRY } from "../../src/adapters/kit/retry.js";
import { InteractionResponseType, InteractionType, MessageFlags, PermissionFlagsBits } from "discord.js";
import { Bot } from "../../src/core/bot.js";
import { startHttpServer, type HttpServer } from "../../src/http.js";
import { loadConfig } from "../../src/config.js";
import { createAdapters } from "../../src/adapters/index.js";
import { DiscordGatewayAdapter } from "../../src/adapters/discord/gateway.js";
import { DiscordHttpAdapter } from "../../src/adapters/discord/interactions.js";
import { suggestionId } from "../../src/adapters/discord/custom-id.js";
import { DEFER_AFTER_MS, type DiscordContext } from "../../src/adapters/discord/translate.js";
import type { DiscordMessage } from "../../src/adapters/discord/render.js";
import { collectingLogger, expectSendable, startFakeDiscordApi, textOf } from "./support.js";
import { RELOADS } from "../core/fixture.js";

const APP_ID = "111";
const SAMPLE_ARGS: Record<string, string> = { name: "고우찬", query: "AI", area: "모니터링", question: "예산 얼마야?", action: "status" };

describe("Discord HTTP interactions endpoint", () => {
  let privateKey: KeyObject;
  let http: HttpServer;
  let api: Awaited<ReturnType<typeof startFakeDiscordApi>>;
  let ctx: DiscordContext;
  let adapter: DiscordHttpAdapter;
  const logs = collectingLogger();
  /** What the fake REST API answers: Discord's own "Unknown Webhook" when set, as for an expired interaction token. */
  let webhookGone = false;
  /** Every REST call answered 429, as when Discord rate-limits the bot. */
  let limited = false;

  beforeAll(async () => {
    const pair = generateKeyPairSync("ed25519");
    privateKey = pair.privateKey;
    const publicKeyHex = pair.publicKey.export({ format: "der", type: "spki" }).subarray(-32).toString("hex");
    api = await startFakeDiscordApi(() =>
      limited
        ? { status: 429, body: { message: "You are being rate limited.", retry_after: 0.01, global: false } }
        : webhookGone
          ? { status: 404, body: { message: "Unknown Webhook", code: 10015 } }
          : { status: 200, body: {} },
    );
    ctx = { bot: await Bot.create({ knowledgeDir: "knowledge", logger: logs.logger }), logger: logs.logger, admins: { roleIds: ["777"], userIds: [] }, deferAfterMs: DEFER_AFTER_MS };
    adapter = new DiscordHttpAdapter(ctx, { publicKey: publicKeyHex, applicationId: APP_ID, apiUrl: api.url });
    await adapter.start();
    http = await startHttpServer([adapter], { port: 0, isReady: () => adapter.ready(), host: "127.0.0.1" });
  });

  afterAll(async () => {
    await adapter.stop();
    await http.close();
    await api.close();
  });

  async function post(payload: unknown, options: { timestamp?: number; tamper?: boolean } = {}) {
    const body = JSON.stringify(payload);
    const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000));
    const signature = sign(null, Buffer.from(timestamp + body), privateKey).toString("hex");
    const response = await fetch(`http://127.0.0.1:${http.port}/interactions`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-signature-ed25519": signature, "x-signature-timestamp": timestamp },
      body: options.tamper ? body.replace("budget", "budgex") : body,
    });
    return { status: response.status, body: (await response.json()) as { type: number; data?: DiscordMessage & { choices?: { name: string; value: string }[] } } };
  }

  function member(permissions = 0n, roles: string[] = []) {
    return { user: { id: "42", username: "alice" }, roles, permissions: permissions.toString() };
  }

  function command(name: string, options: { name: string; type: number; value: unknown; focused?: boolean }[] = [], extra: Record<string, unknown> = {}) {
    return { id: "9001", application_id: APP_ID, type: InteractionType.ApplicationCommand, token: "tok", version: 1, locale: "ko", guild_id: "5", member: member(), data: { id: "1", name, type: 1, options }, ...extra };
  }

  it("answers PING with PONG", async () => {
    expect(await post({ id: "1", application_id: APP_ID, type: InteractionType.Ping, token: "t", version: 1 })).toEqual({ status: 200, body: { type: 1 } });
  });

  it("answers budget with an embed holding 4,600억, in Korean for a Korean client", async () => {
    const { status, body } = await post(command("budget"));
    expect(status).toBe(200);
    expect(body.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expectSendable(body.data!);
    expect(body.data!.embeds![0].title).toContain("4,600억");
    expect(body.data!.flags).toBeUndefined();
  });

  it("answers every command in the catalogue with a sendable message", async () => {
    for (const module of ctx.bot.catalogue) {
      const options = module.spec.options.map((o) => ({ name: o.name, type: 3, value: SAMPLE_ARGS[o.name] }));
      const { status, body } = await post(command(module.spec.name, options, { member: member(PermissionFlagsBits.ManageGuild) }));
      expect(status, module.spec.name).toBe(200);
      expect(body.type, module.spec.name).toBe(InteractionResponseType.ChannelMessageWithSource);
      expectSendable(body.data!);
    }
  });

  it("answers ephemerally when asked privately", async () => {
    const { body } = await post(command("event", [{ name: "private", type: 5, value: true }]));
    expect(body.data!.flags).toBe(MessageFlags.Ephemeral);
  });

  it("offers at most 25 autocomplete choices", async () => {
    const { body } = await post({ ...command("speaker", [{ name: "name", type: 3, value: "", focused: true }]), type: InteractionType.ApplicationCommandAutocomplete });
    expect(body.type).toBe(InteractionResponseType.ApplicationCommandAutocompleteResult);
    expect(body.data!.choices!.length).toBeGreaterThan(0);
    expect(body.data!.choices!.length).toBeLessThanOrEqual(25);
    const typed = await post({ ...command("speaker", [{ name: "name", type: 3, value: "고우", focused: true }]), type: InteractionType.ApplicationCommandAutocomplete });
    expect(typed.body.data!.choices!.map((c) => c.name).join(" ")).toContain("고우찬");
  });

  it("runs a suggestion's command when its button is clicked, keeping an ephemeral answer ephemeral", async () => {
    const click = { ...command("unused"), type: InteractionType.MessageComponent, data: { custom_id: suggestionId({ command: "speaker", args: { name: "고우찬" } }), component_type: 2 } };
    const { body } = await post({ ...click, message: { id: "m", flags: MessageFlags.Ephemeral } });
    expect(body.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(textOf([body.data!])).toContain("고우찬");
    expect(body.data!.flags).toBe(MessageFlags.Ephemeral);
  });

  it("refuses a bad signature and a stale timestamp with 401", async () => {
    expect((await post(command("budget"), { tamper: true })).status).toBe(401);
    expect((await post(command("budget"), { timestamp: Math.floor(Date.now() / 1000) - 301 })).status).toBe(401);
    const unsigned = await fetch(`http://127.0.0.1:${http.port}/interactions`, { method: "POST", body: "{}" });
    expect(unsigned.status).toBe(401);
  });

  it("refuses reload to a member without Manage Server (ephemeral, logged) and runs it for an admin role", RELOADS, async () => {
    const refused = await post(command("reload"));
    expect(refused.body.data!.flags).toBe(MessageFlags.Ephemeral);
    expect(textOf([refused.body.data!])).toContain("관리자");
    expect(logs.lines).toContainEqual(expect.objectContaining({ msg: "admin command refused", command: "reload", user: "42" }));
    // A reload takes about 1.5 s, and longer beside other test files on a small machine: past DEFER_AFTER_MS it
    // would be deferred, which is not what this test is about.
    ctx.deferAfterMs = 60_000;
    try {
      const allowed = await post(command("reload", [], { member: member(0n, ["777"]) }));
      expect(allowed.body.data!.flags).toBe(MessageFlags.Ephemeral);
      expect(allowed.body.data!.embeds![0].title).toBe("다시 불러옴");
    } finally {
      ctx.deferAfterMs = DEFER_AFTER_MS;
    }
  });

  it("defers an admin command privately even without the private option: the reload summary never reaches the channel", RELOADS, async () => {
    ctx.deferAfterMs = 0;
    try {
      const before = api.requests.length;
      const { body } = await post(command("reload", [], { member: member(0n, ["777"]) }));
      expect(body).toEqual({ type: InteractionResponseType.DeferredChannelMessageWithSource, data: { flags: MessageFlags.Ephemeral } });
      const edit = (await api.received(before + 1))[before];
      expect(textOf([edit.body as DiscordMessage])).toContain("다시 불러");
    } finally {
      ctx.deferAfterMs = DEFER_AFTER_MS;
    }
  });

  it("defers with type 5 when the answer is slow, then edits the original through the REST API", async () => {
    ctx.deferAfterMs = 0;
    try {
      const before = api.requests.length;
      const { body } = await post(command("budget", [{ name: "private", type: 5, value: true }]));
      expect(body).toEqual({ type: InteractionResponseType.DeferredChannelMessageWithSource, data: { flags: MessageFlags.Ephemeral } });
      const edit = (await api.received(before + 1))[before];
      expect(edit.method).toBe("PATCH");
      expect(edit.url).toBe(`/v10/webhooks/${APP_ID}/tok/messages/@original`);
      expect(edit.headers.authorization).toBeUndefined();
      const message = edit.body as DiscordMessage;
      expectSendable(message);
      expect(textOf([message])).toContain("4,600억");
    } finally {
      ctx.deferAfterMs = DEFER_AFTER_MS;
    }
  });

  it("logs a failed edit of the deferred reply without the interaction token in the webhook URL", async () => {
    const token = "interaction-token-that-must-not-be-logged";
    ctx.deferAfterMs = 0;
    webhookGone = true;
    try {
      const before = api.requests.length;
      await post(command("budget", [], { token }));
      // The edit, then the apology as a follow-up: the failure is logged between the two.
      const [edit] = (await api.received(before + 2)).slice(before);
      expect(edit.url).toContain(token);
      const failed = logs.lines.find((l) => l.msg === "discord follow-up failed");
      expect(failed).toMatchObject({ err: { url: expect.stringContaining(`/webhooks/${APP_ID}/[redacted]/messages/@original`) } });
      expect(JSON.stringify(logs.lines)).not.toContain(token);
    } finally {
      ctx.deferAfterMs = DEFER_AFTER_MS;
      webhookGone = false;
    }
  });

  it("gives up a deferred edit that keeps getting 429 after a bounded number of attempts, and logs it", async () => {
    ctx.deferAfterMs = 0;
    limited = true;
    try {
      const before = api.requests.length;
      await post(command("budget", [], { token: "limited" }));
      await vi.waitFor(() => expect(logs.lines.some((l) => l.msg === "discord follow-up failed")).toBe(true), { timeout: 10_000 });
      await new Promise((resolve) => setTimeout(resolve, 300));
      const calls = api.requests.slice(before);
      expect(calls.filter((r) => r.method === "PATCH")).toHaveLength(DELIVERY_RETRY.attempts);
      expect(calls.filter((r) => r.method === "POST").length).toBeLessThanOrEqual(DELIVERY_RETRY.attempts);
    } finally {
      ctx.deferAfterMs = DEFER_AFTER_MS;
      limited = false;
    }
  });

  it("is what the configuration turns on: the endpoint in http mode, the client in gateway mode", async () => {
    const key = "ab".repeat(32);
    const [http] = await createAdapters(loadConfig({ DISCORD_MODE: "http", DISCORD_PUBLIC_KEY: key, DISCORD_APPLICATION_ID: APP_ID }), ctx.bot, logs.logger);
    expect(http).toBeInstanceOf(DiscordHttpAdapter);
    expect(Object.keys(http.routes!)).toEqual(["/interactions"]);
    const [gateway] = await createAdapters(loadConfig({ DISCORD_TOKEN: "token" }), ctx.bot, logs.logger);
    expect(gateway).toBeInstanceOf(DiscordGatewayAdapter);
    await gateway.stop();
  });

  it("never lets a question ping anyone", async () => {
    const { body } = await post(command("ask", [{ name: "question", type: 3, value: "@everyone <@123> <@&456> @here 누구야?" }]));
    expectSendable(body.data!);
  });
});
