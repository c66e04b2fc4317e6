// 👍/👎 under Slack answers end to end: signed slash commands and button clicks to the real Bolt HTTPReceiver, with the
// Bot writing to a real store (SQLite and PostgreSQL), answers read off the fake response_url server.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RATE_ACTION_PREFIX } from "../../src/adapters/slack/render.js";
import { Bot } from "../../src/core/bot.js";
import type { Store } from "../../src/store/index.js";
import { KNOWLEDGE_DIR } from "../core/fixture.js";
import { DATABASES, migratedStoreFor, rowsOf, type TestDatabase } from "../store/databases.js";
import { buttonPayload, slashPayload, startFakeSlack, type FakeSlack, type Posted } from "./fake-slack.js";
import { captureLogs, form, MEMBER, startSlack, type RunningSlack } from "./harness.js";

const FORM = "application/x-www-form-urlencoded";

interface Button {
  action_id?: string;
  value?: string;
  text: { text: string };
}

describe.each(DATABASES)("Slack rating buttons on $kind", ({ create }) => {
  const database = migratedStoreFor(create);
  let db: TestDatabase;
  let store: Store;
  let fake: FakeSlack;
  let slack: RunningSlack;
  const logs = captureLogs();

  beforeAll(async () => {
    ({ db, store } = database);
    fake = await startFakeSlack();
    slack = await startSlack(fake, {}, logs.logger, await Bot.create({ knowledgeDir: KNOWLEDGE_DIR, logger: logs.logger, store }));
  });

  afterAll(async () => {
    await slack?.close();
    await fake?.close();
  });

  const answerAt = (id: string): Promise<Posted["body"]> => fake.waitFor(() => fake.posted.find((p) => p.id === id)?.body, `an answer at response_url ${id}`);
  const buttonsOf = (message: Record<string, unknown>) =>
    (message.blocks as { type: string; elements?: Button[] }[]).flatMap((b) => (b.type === "actions" ? (b.elements ?? []) : []));
  const click = (button: Button, user: string, responseId: string) =>
    slack.post(form({ payload: JSON.stringify(buttonPayload(button.action_id!, button.value!, user, fake.responseUrl(responseId))) }), FORM);

  it("puts 👍 and 👎 under an answer; a click is kept once per user per answer, and a second click changes it", async () => {
    await slack.post(form(slashPayload("/budget", "", MEMBER, fake.responseUrl("rated"))), FORM);
    const rating = buttonsOf(await answerAt("rated")).filter((b) => b.action_id?.startsWith(RATE_ACTION_PREFIX));
    expect(rating.map((b) => [b.action_id, b.text.text])).toEqual([
      [`${RATE_ACTION_PREFIX}up`, "👍"],
      [`${RATE_ACTION_PREFIX}down`, "👎"],
    ]);
    const [up, down] = rating;
    const answerId = JSON.parse(up.value!).args.answer as string;

    expect((await click(up, MEMBER, "thanks-up")).status).toBe(200);
    const thanks = await answerAt("thanks-up");
    expect(thanks.response_type).toBe("ephemeral");
    expect(JSON.stringify(thanks.blocks)).toMatch(/Thanks for rating|평가 고맙습니다/);
    // A rating's own answer offers neither rating nor sharing.
    expect(buttonsOf(thanks)).toEqual([]);

    await click(down, MEMBER, "thanks-down");
    expect(JSON.stringify((await answerAt("thanks-down")).blocks)).toMatch(/changed from 👍|👍에서 바꿈/);
    await click(down, "UOTHER", "thanks-other");
    await answerAt("thanks-other");

    const ratings = await rowsOf(db, `SELECT rating, user_hash FROM ratings WHERE answer_id = '${answerId}'`);
    expect(ratings.map((r) => Number(r.rating))).toEqual([-1, -1]);
    expect(new Set(ratings.map((r) => r.user_hash)).size).toBe(2);
    const [question] = await rowsOf(db, `SELECT command, channel, platform FROM questions WHERE id = '${answerId}'`);
    expect(question).toEqual({ command: "budget", channel: "C1", platform: "slack" });
  });

  it("a slash command in a DM channel is logged without its text", async () => {
    await slack.post(form({ ...slashPayload("/speaker", "고우찬", MEMBER, fake.responseUrl("dm")), channel_id: "D123" }), FORM);
    const answer = await answerAt("dm");
    const id = JSON.parse(buttonsOf(answer).find((b) => b.action_id === `${RATE_ACTION_PREFIX}up`)!.value!).args.answer as string;
    await expect.poll(async () => (await rowsOf(db, `SELECT text, direct FROM questions WHERE id = '${id}'`))[0]).toEqual({ text: null, direct: 1 });
  });
});
