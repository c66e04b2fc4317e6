// 👍/👎 under Discord answers end to end: signed interactions to the real HTTP interactions endpoint on loopback, the
// Bot writing to a real store (SQLite and PostgreSQL).
import { InteractionResponseType, InteractionType, MessageFlags } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseSuggestionId } from "../../src/adapters/discord/custom-id.js";
import { DiscordHttpAdapter } from "../../src/adapters/discord/interactions.js";
import type { DiscordMessage } from "../../src/adapters/discord/render.js";
import { DEFER_AFTER_MS } from "../../src/adapters/discord/translate.js";
import { Bot } from "../../src/core/bot.js";
import { startHttpServer, type HttpServer } from "../../src/http.js";
import type { Store } from "../../src/store/index.js";
import { KNOWLEDGE_DIR } from "../core/fixture.js";
import { DISCORD_APPLICATION_ID, discordCommand, discordKeys, send } from "../robustness/signed.js";
import { DATABASES, migratedStoreFor, rowsOf, type TestDatabase } from "../store/databases.js";
import { collectingLogger, expectSendable, startFakeDiscordApi, textOf } from "./support.js";

type Reply = { type: number; data: DiscordMessage };

describe.each(DATABASES)("Discord rating buttons on $kind", ({ create }) => {
  const keys = discordKeys();
  const logs = collectingLogger();
  const database = migratedStoreFor(create);
  let db: TestDatabase;
  let store: Store;
  let api: Awaited<ReturnType<typeof startFakeDiscordApi>>;
  let adapter: DiscordHttpAdapter;
  let http: HttpServer;

  beforeAll(async () => {
    ({ db, store } = database);
    api = await startFakeDiscordApi();
    const bot = await Bot.create({ knowledgeDir: KNOWLEDGE_DIR, logger: logs.logger, store });
    adapter = new DiscordHttpAdapter({ bot, logger: logs.logger, admins: { roleIds: [], userIds: [] }, deferAfterMs: DEFER_AFTER_MS }, { publicKey: keys.publicKeyHex, applicationId: DISCORD_APPLICATION_ID, apiUrl: api.url });
    await adapter.start();
    http = await startHttpServer([adapter], { port: 0, isReady: () => adapter.ready(), host: "127.0.0.1" });
  });

  afterAll(async () => {
    await adapter?.stop();
    await http?.close();
    await api?.close();
  });

  const post = async (payload: unknown): Promise<Reply> => {
    const res = await send(http.port, keys.interaction(payload));
    expect(res.status).toBe(200);
    return (await res.json()) as Reply;
  };
  const click = (customId: string, user: string, id: string) =>
    post({ ...discordCommand(id, "unused", undefined), member: { user: { id: user, username: user }, roles: [], permissions: "0" }, type: InteractionType.MessageComponent, data: { custom_id: customId, component_type: 2 }, message: { id: "m1", flags: 0 } });

  it("puts 👍 and 👎 in a row of their own; a click answers privately and is kept once per user per answer, changeably", async () => {
    const answer = await post({ ...discordCommand("2001", "budget", undefined), channel_id: "C77" });
    expect(answer.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expectSendable(answer.data);
    const lastRow = answer.data.components!.at(-1)!.components;
    expect(lastRow.map((b) => b.emoji?.name)).toEqual(["👍", "👎"]);
    const [up, down] = lastRow.map((b) => b.custom_id);
    const answerId = parseSuggestionId(up)!.args.answer;

    const thanks = await click(up, "42", "2002");
    expect(thanks.data.flags).toBe(MessageFlags.Ephemeral);
    expect(textOf([thanks.data])).toMatch(/Thanks for rating|평가 고맙습니다/);
    expect(thanks.data.components).toBeUndefined();
    expect(textOf([(await click(down, "42", "2003")).data])).toMatch(/changed from 👍|👍에서 바꿈/);
    await click(up, "43", "2004");

    const ratings = await rowsOf(db, `SELECT rating FROM ratings WHERE answer_id = '${answerId}' ORDER BY rating`);
    expect(ratings.map((r) => Number(r.rating))).toEqual([-1, 1]);
    const [question] = await rowsOf(db, `SELECT command, channel, platform, direct FROM questions WHERE id = '${answerId}'`);
    expect(question).toMatchObject({ command: "budget", channel: "C77", platform: "discord" });
    expect(Number(question.direct)).toBe(0);
  });

  it("keeps a DM's question (no guild) without its text", async () => {
    const { guild_id: _guild, member, ...dm } = discordCommand("2005", "speaker", { name: "name", value: "고우찬" });
    const answer = await post({ ...dm, user: member.user, channel_id: "DM1" });
    const answerId = parseSuggestionId(answer.data.components!.at(-1)!.components[0].custom_id)!.args.answer;
    await expect.poll(async () => (await rowsOf(db, `SELECT text, direct FROM questions WHERE id = '${answerId}'`)).map((r) => [r.text, Number(r.direct)])).toEqual([[null, 1]]);
  });
});
