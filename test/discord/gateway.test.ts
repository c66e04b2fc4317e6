// The gateway handlers driven with objects shaped like discord.js's interactions and messages.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MessageFlags, PermissionFlagsBits } from "discord.js";
import { Bot } from "../../src/core/bot.js";
import { suggestionId } from "../../src/adapters/discord/custom-id.js";
import { DiscordGatewayAdapter } from "../../src/adapters/discord/gateway.js";
import {
  handleInteraction,
  handleMessage,
  type AutocompleteInteractionLike,
  type ButtonInteractionLike,
  type CommandInteractionLike,
  type EditOptions,
  type InteractionLike,
  type MessageLike,
  type ReplyOptions,
} from "../../src/adapters/discord/gateway-handlers.js";
import { DEFER_AFTER_MS, type DiscordContext } from "../../src/adapters/discord/translate.js";
import { collectingLogger, expectSendable, startFakeDiscordApi, textOf } from "./support.js";
import { RELOADS } from "../core/fixture.js";

type Call = [method: string, options: ReplyOptions | EditOptions | { flags?: number } | { name: string; value: string }[]];

interface FakeSetup {
  kind: "command" | "autocomplete" | "button";
  name?: string;
  strings?: Record<string, string>;
  private?: boolean;
  locale?: string;
  manageGuild?: boolean;
  roles?: string[];
  customId?: string;
  ephemeralMessage?: boolean;
  focused?: { name: string; value: string };
  failReading?: boolean;
}

/** An interaction as discord.js hands it to the handler, recording what the handler answers. */
class FakeInteraction implements CommandInteractionLike, AutocompleteInteractionLike, ButtonInteractionLike, InteractionLike {
  readonly calls: Call[] = [];
  readonly id = "9001";
  readonly user = { id: "42", username: "alice" };
  replied = false;
  deferred = false;
  readonly locale: string;
  readonly commandName: string;
  readonly customId: string;
  readonly memberPermissions;
  readonly member;
  readonly message;
  readonly options;

  constructor(private readonly setup: FakeSetup) {
    this.locale = setup.locale ?? "ko";
    this.commandName = setup.name ?? "";
    this.customId = setup.customId ?? "";
    this.memberPermissions = { has: (p: bigint) => Boolean(setup.manageGuild) && p === PermissionFlagsBits.ManageGuild };
    this.member = { roles: { cache: new Map((setup.roles ?? []).map((r) => [r, {}])) } };
    this.message = { flags: { has: (f: number) => Boolean(setup.ephemeralMessage) && f === MessageFlags.Ephemeral } };
    this.options = {
      getString: (name: string) => {
        if (setup.failReading) throw new Error("option resolver broke");
        return setup.strings?.[name] ?? null;
      },
      getBoolean: (name: string) => (name === "private" ? (setup.private ?? null) : null),
      getFocused: () => setup.focused ?? { name: "", value: "" },
    };
  }

  isChatInputCommand(): this is CommandInteractionLike {
    return this.setup.kind === "command";
  }
  isAutocomplete(): this is AutocompleteInteractionLike {
    return this.setup.kind === "autocomplete";
  }
  isButton(): this is ButtonInteractionLike {
    return this.setup.kind === "button";
  }
  async reply(options: ReplyOptions) {
    this.calls.push(["reply", options]);
    this.replied = true;
  }
  async deferReply(options: { flags?: MessageFlags.Ephemeral }) {
    this.calls.push(["deferReply", options]);
    this.deferred = true;
  }
  async editReply(options: EditOptions) {
    this.calls.push(["editReply", options]);
  }
  async followUp(options: ReplyOptions) {
    this.calls.push(["followUp", options]);
  }
  async respond(choices: { name: string; value: string }[]) {
    this.calls.push(["respond", choices]);
  }
}

function replyOf(i: FakeInteraction, method = "reply"): ReplyOptions {
  const call = i.calls.find(([m]) => m === method);
  expect(call, `${method} was called`).toBeDefined();
  const options = call![1] as ReplyOptions;
  expect(options.allowedMentions).toEqual({ parse: [], repliedUser: false });
  expectSendable({ ...options, allowed_mentions: { parse: [] } });
  return options;
}

describe("Discord gateway handlers", () => {
  let ctx: DiscordContext;
  const logs = collectingLogger();

  beforeAll(async () => {
    ctx = { bot: await Bot.create({ knowledgeDir: "knowledge", logger: logs.logger }), logger: logs.logger, admins: { roleIds: ["777"], userIds: [] }, deferAfterMs: DEFER_AFTER_MS };
  });

  it("answers budget in Korean for a ko client, publicly, with suggestion buttons", async () => {
    const i = new FakeInteraction({ kind: "command", name: "budget", locale: "ko" });
    await handleInteraction(ctx, i);
    const reply = replyOf(i);
    expect(reply.embeds![0].title).toContain("4,600억");
    expect(reply.flags).toBeUndefined();
    expect(reply.components![0].components.length).toBeGreaterThan(0);
  });

  it("answers in English for an en-US client, and ephemerally when asked privately", async () => {
    const i = new FakeInteraction({ kind: "command", name: "budget", locale: "en-US", private: true });
    await handleInteraction(ctx, i);
    const reply = replyOf(i);
    expect(reply.embeds![0].title).toMatch(/^Budget/);
    expect(reply.flags).toBe(MessageFlags.Ephemeral);
  });

  it("lets the question's own language win over the client locale", async () => {
    const i = new FakeInteraction({ kind: "command", name: "ask", locale: "en-US", strings: { question: "예산 얼마야?" } });
    await handleInteraction(ctx, i);
    expect(textOf([replyOf(i)])).toContain("4,600억");
  });

  it("refuses reload to a member without Manage Server, and runs it with Manage Server", RELOADS, async () => {
    const refused = new FakeInteraction({ kind: "command", name: "reload" });
    await handleInteraction(ctx, refused);
    expect(replyOf(refused).flags).toBe(MessageFlags.Ephemeral);
    expect(textOf([replyOf(refused)])).toContain("관리자");
    expect(logs.lines).toContainEqual(expect.objectContaining({ msg: "admin command refused", user: "42", requestId: "9001" }));
    const allowed = new FakeInteraction({ kind: "command", name: "reload", manageGuild: true, strings: { action: "status" } });
    await handleInteraction(ctx, allowed);
    // "status" is a fixed keyword, not words of a question: the user's locale decides the language.
    expect(replyOf(allowed).embeds![0].title).toBe("지식 상태");
  });

  it("responds to autocomplete with at most 25 choices", async () => {
    const i = new FakeInteraction({ kind: "autocomplete", name: "speaker", focused: { name: "name", value: "고우" } });
    await handleInteraction(ctx, i);
    const [[method, choices]] = i.calls as [string, { name: string; value: string }[]][];
    expect(method).toBe("respond");
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.length).toBeLessThanOrEqual(25);
    expect(choices.map((c) => c.name).join(" ")).toContain("고우찬");
  });

  it("runs a suggestion button's command, ephemeral when the clicked message was", async () => {
    const i = new FakeInteraction({ kind: "button", customId: suggestionId({ command: "speaker", args: { name: "고우찬" } }), ephemeralMessage: true });
    await handleInteraction(ctx, i);
    const reply = replyOf(i);
    expect(textOf([reply])).toContain("고우찬");
    expect(reply.flags).toBe(MessageFlags.Ephemeral);
  });

  it("defers and edits the reply when the answer is slow", async () => {
    const i = new FakeInteraction({ kind: "command", name: "budget", private: true });
    await handleInteraction({ ...ctx, deferAfterMs: 0 }, i);
    expect(i.calls.map(([m]) => m)).toEqual(["deferReply", "editReply"]);
    expect(i.calls[0][1]).toEqual({ flags: MessageFlags.Ephemeral });
    const edit = i.calls[1][1] as ReplyOptions;
    expect(edit.flags).toBeUndefined();
    expect(textOf([edit])).toContain("4,600억");
  });

  it("turns a failure into an ephemeral apology and a log line", async () => {
    const i = new FakeInteraction({ kind: "command", name: "speaker", locale: "ko", failReading: true });
    await handleInteraction(ctx, i);
    const reply = replyOf(i);
    expect(reply.flags).toBe(MessageFlags.Ephemeral);
    expect(reply.content).toContain("죄송합니다");
    expect(logs.lines).toContainEqual(expect.objectContaining({ msg: "discord interaction failed", level: 50 }));
  });

  function message(content: string, extra: Partial<MessageLike> = {}, dmsClosed = false) {
    const replies: EditOptions[] = [];
    const dms: EditOptions[] = [];
    const m: MessageLike = {
      id: "m1",
      content,
      guildId: "5",
      author: {
        id: "42",
        username: "alice",
        bot: false,
        send: async (o: EditOptions) => {
          if (dmsClosed) throw Object.assign(new Error("Cannot send messages to this user"), { code: 50007 });
          dms.push(o);
        },
      },
      mentions: { users: { has: (id: string) => new RegExp(`<@!?${id}>`).test(content) } },
      member: { permissions: { has: () => false }, roles: [] },
      reply: async (o: EditOptions) => void replies.push(o),
      ...extra,
    };
    return { m, replies, dms };
  }

  describe("a private answer to a mention (an admin's reload summary, a refusal, a slow-down)", () => {
    const admin = { permissions: { has: (p: bigint) => p === PermissionFlagsBits.ManageGuild }, roles: [] };

    it("goes to the asker's DMs, with a short public pointer that holds none of it", async () => {
      const { m, replies, dms } = message("<@999> /reload status", { member: admin });
      await handleMessage(ctx, m, "999");
      expect(textOf(dms)).toMatch(/버전|Version/);
      expect(replies).toHaveLength(1);
      expect(textOf(replies)).not.toMatch(/버전|Version|knowledge/);
      expect(textOf(replies)).toMatch(/DM/);
    });

    it("for a refusal too", async () => {
      const { m, replies, dms } = message("<@999> /reload");
      await handleMessage(ctx, m, "999");
      expect(textOf(dms)).toMatch(/관리자|admin/i);
      expect(textOf(replies)).not.toMatch(/관리자|admin/i);
    });

    it("says publicly that it could not DM the asker, without the answer, when their DMs are closed", async () => {
      const { m, replies, dms } = message("<@999> /reload status", { member: admin }, true);
      await handleMessage(ctx, m, "999");
      expect(dms).toEqual([]);
      expect(replies).toHaveLength(1);
      expect(textOf(replies)).not.toMatch(/버전 |Version /);
      expect(textOf(replies)).toMatch(/DM/);
    });

    it("is answered in place in a DM, which is already private", async () => {
      const { m, replies, dms } = message("/reload status", { member: admin, guildId: null });
      await handleMessage(ctx, m, "999");
      expect(dms).toEqual([]);
      expect(textOf(replies)).toMatch(/버전|Version/);
    });
  });

  it("answers a message that mentions the bot in reply, pinging no one", async () => {
    const { m, replies } = message("<@999> 예산 얼마야?");
    await handleMessage(ctx, m, "999");
    expect(replies).toHaveLength(1);
    expect(textOf(replies)).toContain("4,600억");
    const hostile = message("<@!999> @everyone <@123> <@&456> @here 누구?");
    await handleMessage(ctx, hostile.m, "999");
    expect(hostile.replies).toHaveLength(1);
    for (const reply of [...replies, ...hostile.replies]) {
      expect(reply.allowedMentions).toEqual({ parse: [], repliedUser: false });
      expectSendable({ ...reply, allowed_mentions: { parse: [] } });
    }
  });

  it("ignores messages that do not mention the bot, and other bots", async () => {
    const plain = message("예산 얼마야?");
    await handleMessage(ctx, plain.m, "999");
    const fromBot = message("<@999> 예산", { author: { id: "1", username: "other", bot: true, send: async () => undefined } });
    await handleMessage(ctx, fromBot.m, "999");
    expect([...plain.replies, ...fromBot.replies]).toEqual([]);
  });
});

describe("Discord gateway login", () => {
  let api: Awaited<ReturnType<typeof startFakeDiscordApi>>;
  let bot: Bot;
  beforeAll(async () => {
    api = await startFakeDiscordApi(() => ({ status: 401, body: { message: "401: Unauthorized", code: 0 } }));
    bot = await Bot.create({ knowledgeDir: "knowledge" });
  });
  afterAll(() => api.close());

  it("rejects start() naming DISCORD_TOKEN and where to get it when Discord refuses the token", async () => {
    const ctx = { bot, admins: { roleIds: [], userIds: [] }, deferAfterMs: DEFER_AFTER_MS };
    for (const token of ["not-a-real-token", undefined]) {
      const adapter = new DiscordGatewayAdapter(ctx, token, api.url);
      await expect(adapter.start()).rejects.toThrow(/DISCORD_TOKEN: Discord rejected the bot token \(find it in Discord Developer Portal → your application → Bot → Reset Token\)/);
      expect(adapter.ready()).toBe(false);
      await adapter.stop();
    }
    expect(api.requests.map((r) => r.url)).toEqual(["/v10/gateway/bot"]);
  });
});
