// User text never becomes a link in the bot's own messages (issue 12, attack 2): a Markdown link or a bare URL in a
// question, echoed in "I don't know", stays inert in a Slack mention thread, in a shared Slack answer and in a
// Discord embed. A live link would be `<https://…|…>` on Slack, `[…](https://…)` on Discord, or a bare URL either
// platform turns into one.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderAnswer as renderDiscord } from "../../src/adapters/discord/render.js";
import { renderAnswer as renderSlack, SHARE_ACTION_ID } from "../../src/adapters/slack/render.js";
import { inert } from "../../src/core/markdown.js";
import type { Answer } from "../../src/core/protocol.js";
import { buttonPayload, eventPayload, slashPayload } from "../slack/fake-slack.js";
import { startEndpoints } from "./endpoints.js";
import { discordCommand } from "./signed.js";

const QUESTIONS = [
  "what is [Official slides](https://evil.example/x) ?",
  // Slack sends what a person typed as a URL inside <…>.
  "what is [Official slides](<https://evil.example/x>) ?",
  // "now?" would be a question about the clock, answered without echoing the text; "about quantum knitting" is a topic the knowledge does not hold.
  "see <https://evil.example/x> about quantum knitting?",
  "see https://evil.example/x about quantum knitting?",
  "see <https://evil.example/x|our slides> about quantum knitting?",
];

/** A link to the attacker's site, or a bare address a client would make into one. */
const LIVE = /<https?:\/\/evil|\]\(https?:\/\/evil|https?:\/\/evil\.example/;

let endpoints: Awaited<ReturnType<typeof startEndpoints>>;
beforeAll(async () => {
  endpoints = await startEndpoints();
});
afterAll(() => endpoints?.close());

describe("links from user text", () => {
  it.each(QUESTIONS)("never become a link in a Slack mention thread: %s", async (question) => {
    const id = `Ev${Math.random().toString(36).slice(2)}`;
    const body = JSON.stringify(eventPayload(id, { type: "app_mention", user: "U1", text: `<@UBOT> ${question}`, channel: "C1", ts: "1700000000.000100", event_ts: "1700000000.000100" }));
    expect(await endpoints.send(endpoints.slack(body))).toBe(200);
    const posted = await endpoints.fake.waitFor((d) => d.route === "chat.postMessage");
    expect(JSON.stringify(posted.body)).toContain("I don't know");
    expect(JSON.stringify(posted.body)).not.toMatch(LIVE);
    endpoints.fake.reset();
  });

  it.each(QUESTIONS)("never become a link when the answer is shared in a Slack channel: %s", async (question) => {
    const key = Math.random().toString(36).slice(2);
    const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
    await endpoints.send(endpoints.slack(form(slashPayload("/ask", question, "U1", endpoints.fake.responseUrl(`${key}-private`))), "application/x-www-form-urlencoded"));
    const privately = await endpoints.fake.waitFor((d) => d.key === `${key}-private`);
    expect(JSON.stringify(privately.body)).not.toMatch(LIVE);
    const blocks = privately.body.blocks as { type: string; elements?: { action_id?: string; value?: string }[] }[];
    const share = blocks.flatMap((b) => b.elements ?? []).find((e) => e.action_id === SHARE_ACTION_ID)!;
    await endpoints.send(endpoints.slack(form({ payload: JSON.stringify(buttonPayload(SHARE_ACTION_ID, share.value!, "U1", endpoints.fake.responseUrl(`${key}-shared`))) }), "application/x-www-form-urlencoded"));
    const shared = await endpoints.fake.waitFor((d) => d.key === `${key}-shared`);
    expect(shared.body.response_type).toBe("in_channel");
    expect(JSON.stringify(shared.body)).not.toMatch(LIVE);
  });

  it.each(QUESTIONS)("never become a link in a Discord embed: %s", async (question) => {
    const response = await fetch(endpoints.base + "/interactions", { method: "POST", ...toInit(endpoints.discord(JSON.stringify(discordCommand("77", "ask", { name: "question", value: question })))) });
    expect(response.status).toBe(200);
    const text = JSON.stringify(await response.json());
    expect(text).toContain("I don't know");
    expect(text).not.toMatch(LIVE);
  });
});

describe("the renderers", () => {
  it("never make a link of a bare URL in text, whoever wrote it: only the core's own [label](url) links", () => {
    const answer: Answer = {
      answered: false, lang: "en", title: "see https://evil.example/x", body: inert("see https://evil.example/x and [a](https://evil.example/y)"),
      fields: [{ name: "https://evil.example/f", value: inert("http://evil.example/v"), inline: false }], citations: [], suggestions: [{ label: "https://evil.example/s", command: "ask", args: {} }],
      private: false, command: "ask", args: {}, version: "v",
    };
    expect(JSON.stringify(renderSlack(answer))).not.toMatch(LIVE);
    expect(JSON.stringify(renderDiscord(answer))).not.toMatch(LIVE);
    const linked = { ...answer, body: "[the programme](https://if.kakao.com/2022)" };
    expect(JSON.stringify(renderSlack(linked))).toContain("<https://if.kakao.com/2022|the programme>");
    expect(JSON.stringify(renderDiscord(linked))).toContain("[the programme](https://if.kakao.com/2022)");
  });
});

const toInit = (r: { headers: Record<string, string>; body: string }) => ({ headers: r.headers, body: r.body });
