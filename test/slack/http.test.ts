// HTTP mode end to end: Slack's signed requests to the real Bolt HTTPReceiver on our shared HTTP server, answers
// recorded by the fake Web API and response_url server.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { LIMITS, SHARE_ACTION_ID, SUGGEST_ACTION_PREFIX } from "../../src/adapters/slack/render.js";
import { BOT_USER_ID, buttonPayload, eventPayload, signedHeaders, slashPayload, startFakeSlack, type FakeSlack, type Posted } from "./fake-slack.js";
import { ADMIN, captureLogs, form, MEMBER, SIGNING_SECRET, startSlack, type RunningSlack } from "./harness.js";
import { RELOADS } from "../core/fixture.js";

const FORM = "application/x-www-form-urlencoded";
const JSON_TYPE = "application/json";
const FORBIDDEN = ["<!channel", "<!here", "<!everyone", "<@U", "<#C", "<!subteam"];

interface Block {
  type: string;
  text?: { text: string };
  elements?: Array<{ action_id?: string; value?: string; text: { text: string } | string }>;
}

let fake: FakeSlack;
let slack: RunningSlack;
const logs = captureLogs();

beforeAll(async () => {
  fake = await startFakeSlack();
  slack = await startSlack(fake, {}, logs.logger);
});

afterAll(async () => {
  await slack?.close();
  await fake?.close();
});

const slash = (command: string, text: string, user: string, responseId: string) =>
  slack.post(form(slashPayload(command, text, user, fake.responseUrl(responseId))), FORM);
const click = (actionId: string, value: string, user: string, responseId: string) =>
  slack.post(form({ payload: JSON.stringify(buttonPayload(actionId, value, user, fake.responseUrl(responseId))) }), FORM);
const answerAt = (id: string): Promise<Posted["body"]> => fake.waitFor(() => fake.posted.find((p) => p.id === id)?.body, `an answer at response_url ${id}`);
const blocksOf = (message: Record<string, unknown>) => message.blocks as Block[];
const buttons = (message: Record<string, unknown>) => blocksOf(message).flatMap((b) => (b.type === "actions" ? b.elements ?? [] : []));

describe("Slack HTTP mode: slash commands", () => {
  it("answers a signed /budget with the fact, privately, after an empty ack", async () => {
    const res = await slash("/budget", "", MEMBER, "budget");
    expect(res.status).toBe(200);
    expect(await res.text()).toBe("");
    const message = await answerAt("budget");
    expect(message.response_type).toBe("ephemeral");
    expect(JSON.stringify(message.blocks)).toContain("4,600억");
    expect(message.text).toContain("4,600억");
    expect(buttons(message).map((b) => b.action_id)).toContain(SHARE_ACTION_ID);
  });

  it("keeps the answer's blocks within Slack's limits", async () => {
    await slash("/remediation", "", MEMBER, "limits");
    const blocks = blocksOf(await answerAt("limits"));
    expect(blocks.length).toBeLessThanOrEqual(LIMITS.blocks);
    for (const b of blocks.filter((b) => b.type === "section" && b.text)) expect(b.text!.text.length).toBeLessThanOrEqual(LIMITS.sectionText);
    expect(blocks[0].type).toBe("header");
    expect(blocks.some((b) => b.type === "context")).toBe(true);
  });

  it("rejects a bad signature and a timestamp older than 5 minutes with 401, answering nothing", async () => {
    const body = form(slashPayload("/budget", "", MEMBER, fake.responseUrl("forged")));
    const forged = await slack.post(body, FORM, signedHeaders("not-the-secret", body));
    expect(forged.status).toBe(401);
    const stale = await slack.post(body, FORM, signedHeaders(SIGNING_SECRET, body, Math.floor(Date.now() / 1000) - 6 * 60));
    expect(stale.status).toBe(401);
    const unsigned = await slack.post(body, FORM, {});
    expect(unsigned.status).toBe(401);
    expect(fake.posted.some((p) => p.id === "forged")).toBe(false);
  });

  it("rejects a timestamp more than 5 minutes in the future with 401", async () => {
    const body = form(slashPayload("/budget", "", MEMBER, fake.responseUrl("future")));
    const future = await slack.post(body, FORM, signedHeaders(SIGNING_SECRET, body, Math.floor(Date.now() / 1000) + 10 * 60));
    expect(future.status).toBe(401);
    expect(fake.posted.some((p) => p.id === "future")).toBe(false);
  });

  it("answers a replay of the same signed request (within the 5 minutes) once", async () => {
    const body = form(slashPayload("/budget", "", MEMBER, fake.responseUrl("replayed")));
    const headers = signedHeaders(SIGNING_SECRET, body);
    expect((await slack.post(body, FORM, headers)).status).toBe(200);
    expect((await slack.post(body, FORM, headers)).status).toBe(200);
    await answerAt("replayed");
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(fake.posted.filter((p) => p.id === "replayed")).toHaveLength(1);
  });

  it("never logs a trigger_id (it opens dialogs in the user's name): the request id is generated", async () => {
    const payload = { ...slashPayload("/budget", "", MEMBER, fake.responseUrl("trigger")), trigger_id: "13345224609.738474920.8088930838d88f008e0" };
    await slack.post(form(payload), FORM);
    await answerAt("trigger");
    expect(JSON.stringify(logs.lines)).not.toContain(payload.trigger_id);
    expect(logs.lines.filter((l) => l.msg === "answered").at(-1)).toMatchObject({ requestId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
  });

  it("acknowledges before the answer exists: the ack never waits for Bot.handle", async () => {
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const realHandle = slack.bot.handle.bind(slack.bot);
    // The real Bot answers, only later: the slash command must be acked while its answer is held back.
    const gate = vi.spyOn(slack.bot, "handle").mockImplementation(async (request) => {
      await held;
      return realHandle(request);
    });
    try {
      const res = await slash("/budget", "", MEMBER, "gated");
      expect(res.status).toBe(200);
      expect(gate).toHaveBeenCalledTimes(1);
      expect(fake.posted.some((p) => p.id === "gated")).toBe(false);
      release();
      expect(JSON.stringify(await answerAt("gated"))).toContain("4,600억");
    } finally {
      gate.mockRestore();
    }
  });

  it("runs the umbrella command: /eventdesk speaker 고우찬", async () => {
    await slash("/eventdesk", "speaker 고우찬", MEMBER, "umbrella");
    const message = await answerAt("umbrella");
    expect(JSON.stringify(message.blocks)).toContain("고우찬");
    expect(JSON.stringify(message.blocks)).toContain("달라지는 카카오 2");
  });

  it("never lets echoed user text mention anyone: /speaker <!channel> @everyone", async () => {
    // Slack sends what the user typed with &, < and > as entities; a raw "<" is tried as well.
    const typed = "&lt;!channel&gt; &lt;!here&gt; &lt;@U123&gt; &lt;#C42&gt; &lt;!subteam^S1&gt; [x](!everyone) @everyone A&amp;B <!here>";
    await slash("/speaker", typed, MEMBER, "hostile");
    const message = await answerAt("hostile");
    // Everything Slack renders; button values are data Slack hands back on a click, never displayed.
    const sent = JSON.stringify(message, (key, value) => (key === "value" ? undefined : value));
    // The core reads no chat markup (mentions are how a message is addressed, not what it asks): they are gone.
    expect(sent).not.toContain("!channel");
    expect(sent).toContain("A&amp;B");
    expect(sent).not.toContain("&amp;lt;");
    for (const sequence of FORBIDDEN) expect(sent).not.toContain(sequence);
  });

  it("refuses /reload to a non-admin, privately, and logs the attempt; lets an admin run it", RELOADS, async () => {
    await slash("/reload", "status", MEMBER, "reload-member");
    const refused = await answerAt("reload-member");
    expect(refused.response_type).toBe("ephemeral");
    expect(JSON.stringify(refused.blocks)).toMatch(/Admins only|관리자 전용 명령/);
    expect(buttons(refused).map((b) => b.action_id)).not.toContain(SHARE_ACTION_ID);
    expect(logs.lines.some((l) => String(l.msg).startsWith("admin command refused") && l.user === MEMBER)).toBe(true);

    await slash("/reload", "status", ADMIN, "reload-admin");
    const allowed = await answerAt("reload-admin");
    expect(allowed.response_type).toBe("ephemeral");
    expect(JSON.stringify(allowed.blocks)).toMatch(/Knowledge status|지식 상태/);
    expect(JSON.stringify(allowed.blocks)).toContain(slack.bot.snapshot.version);
  });
});

describe("Slack HTTP mode: buttons", () => {
  it("'Share in channel' posts the same answer in_channel, without a share button", async () => {
    await slash("/budget", "", MEMBER, "to-share");
    const share = buttons(await answerAt("to-share")).find((b) => b.action_id === SHARE_ACTION_ID)!;
    expect(share.value!.length).toBeLessThanOrEqual(2000);
    const res = await click(SHARE_ACTION_ID, share.value!, MEMBER, "shared");
    expect(res.status).toBe(200);
    const shared = await answerAt("shared");
    expect(shared.response_type).toBe("in_channel");
    expect(shared.replace_original).toBe(false);
    expect(JSON.stringify(shared.blocks)).toContain("4,600억");
    expect(buttons(shared).map((b) => b.action_id)).not.toContain(SHARE_ACTION_ID);
  });

  it("a suggestion button runs the suggested command and answers privately", async () => {
    await slash("/budget", "", MEMBER, "with-suggestions");
    const suggestion = buttons(await answerAt("with-suggestions")).find((b) => b.action_id?.startsWith(SUGGEST_ACTION_PREFIX) && b.value?.includes("remediation"))!;
    await click(suggestion.action_id!, suggestion.value!, MEMBER, "suggested");
    const answer = await answerAt("suggested");
    expect(answer.response_type).toBe("ephemeral");
    expect(JSON.stringify(answer.blocks)).toContain("재발방지 대책 11개");
  });

  it("ignores a button whose value is not one of ours", async () => {
    const res = await click(`${SUGGEST_ACTION_PREFIX}0`, "{not json", MEMBER, "garbage");
    expect(res.status).toBe(200);
    await fake.waitFor(() => logs.lines.find((l) => String(l.msg).includes("unreadable value")), "the log of the ignored button");
    expect(fake.posted.some((p) => p.id === "garbage")).toBe(false);
  });
});

describe("Slack HTTP mode: mentions and DMs", () => {
  const postedTo = (channel: string) => fake.calls.filter((c) => c.method === "chat.postMessage" && c.args.channel === channel);
  // Slack signs each retry anew, with the time it is sent.
  const sendEvent = (eventId: string, event: Record<string, unknown>, retryNum?: number) =>
    slack.post(JSON.stringify(eventPayload(eventId, event)), JSON_TYPE, {
      ...signedHeaders(SIGNING_SECRET, JSON.stringify(eventPayload(eventId, event)), Math.floor(Date.now() / 1000) + (retryNum ?? 0)),
      ...(retryNum ? { "x-slack-retry-num": String(retryNum), "x-slack-retry-reason": "http_timeout" } : {}),
    });
  const mention = (channel: string, ts: string, text: string) => ({ type: "app_mention", user: MEMBER, text, ts, channel, event_ts: ts });

  it("answers an app_mention in a thread, without the mention in the question", async () => {
    const res = await sendEvent("Ev-mention", mention("CMENTION", "1700000000.000100", `<@${BOT_USER_ID}> 예산 얼마야?`));
    expect(res.status).toBe(200);
    const call = await fake.waitFor(() => postedTo("CMENTION")[0], "chat.postMessage to CMENTION");
    expect(call.token).toBe("xoxb-test");
    expect(call.args.thread_ts).toBe("1700000000.000100");
    expect(JSON.stringify(call.args.blocks)).toContain("4,600억");
  });

  it("answers a retried event (same event_id, X-Slack-Retry-Num) once", async () => {
    const event = mention("CRETRY", "1700000000.000500", `<@${BOT_USER_ID}> budget`);
    await sendEvent("Ev-retried", event);
    await fake.waitFor(() => postedTo("CRETRY")[0], "the first answer in CRETRY");
    const retry = await sendEvent("Ev-retried", event, 1);
    expect(retry.status).toBe(200);
    await fake.waitFor(() => logs.lines.find((l) => l.eventId === "Ev-retried" && l.retryNum === 1), "the log of the ignored retry");
    expect(postedTo("CRETRY")).toHaveLength(1);
  });

  it("answers a DM in the DM and ignores messages from bots", async () => {
    const dm = (ts: string, extra: Record<string, unknown>) => ({ type: "message", channel: "DDM", channel_type: "im", user: MEMBER, text: "who is 고우찬?", ts, event_ts: ts, ...extra });
    await sendEvent("Ev-dm-bot", dm("1700000000.000700", { bot_id: "BOTHER", user: "UOTHERBOT" }));
    await sendEvent("Ev-dm", dm("1700000000.000800", {}));
    const call = await fake.waitFor(() => postedTo("DDM")[0], "chat.postMessage to DDM");
    expect(call.args.thread_ts).toBeUndefined();
    expect(JSON.stringify(call.args.blocks)).toContain("고우찬");
    expect(postedTo("DDM")).toHaveLength(1);
  });
});
