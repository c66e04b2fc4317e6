// Block Kit rendering: the Markdown subset in mrkdwn, escaping that no text can get around, and Slack's limits.
import { describe, expect, it } from "vitest";
import type { Answer } from "../../src/core/protocol.js";
import { decodeButtonValue, encodeButtonValue, MAX_BUTTON_VALUE } from "../../src/adapters/slack/button-value.js";
import { markdownToMrkdwn, splitMrkdwn, unescapeSlackText } from "../../src/adapters/slack/mrkdwn.js";
import { RecentIds } from "../../src/adapters/kit/recent-ids.js";
import { stripChatMarkup } from "../../src/core/understand/markup.js";
import { LIMITS, renderAnswer, SHARE_ACTION_ID } from "../../src/adapters/slack/render.js";

const HOSTILE = "<!channel> <!here> <!everyone> <@U123|bob> <#C42> <!subteam^S1> [x](!here) [y](<@U9>) & @everyone";
const FORBIDDEN = ["<!channel", "<!here", "<!everyone", "<@U", "<#C", "<!subteam"];

const answer = (over: Partial<Answer>): Answer => ({
  answered: true,
  lang: "en",
  title: "Title",
  body: "Body",
  fields: [],
  citations: [],
  suggestions: [],
  private: false,
  command: "ask",
  args: {},
  version: "v1",
  ...over,
});

type Block = { type: string; text?: { text: string }; fields?: unknown[]; elements?: Array<{ text: string | { text: string }; value?: string }> };
const blocks = (a: Answer, share = false) => renderAnswer(a, share ? { share: { command: a.command, args: {} } } : {}).blocks as Block[];
const rendered = (a: Answer) => JSON.stringify(renderAnswer(a, { share: { command: "ask", args: { question: HOSTILE } } }), (k, v) => (k === "value" ? undefined : v));

describe("mrkdwn", () => {
  it("converts bold, bullets, code and http(s) links, escaping &, < and > first", () => {
    expect(markdownToMrkdwn("총 **4,600억 원**의 예산")).toBe("총 \u200b*4,600억 원*\u200b의 예산");
    expect(markdownToMrkdwn("- one\n- `two`")).toBe("• one\n• `two`");
    expect(markdownToMrkdwn("[A & B](https://x.test/a?b=1&c=2)")).toBe("<https://x.test/a?b=1&amp;c=2|A &amp; B>");
    expect(markdownToMrkdwn("1 < 2 > 0")).toBe("1 &lt; 2 &gt; 0");
  });

  it("reads Slack's entities in what users type back into the characters they typed", () => {
    expect(unescapeSlackText("a &lt; b &gt; c &amp; d &amp;lt;")).toBe("a < b > c & d &lt;");
  });

  it("leaves links to anything but http(s) as literal text, so they cannot become mentions", () => {
    expect(markdownToMrkdwn("[x](!here) [y](@U123) [z](javascript:alert(1))")).toBe("[x](!here) [y](@U123) [z](javascript:alert(1))");
  });

  it("reads a long run of brackets as text (the link pattern cannot go quadratic)", () => {
    const body = "[".repeat(100_000) + "[a](https://x.test)";
    const sections = renderAnswer(answer({ body })).blocks.filter((b) => b.type === "section") as Block[];
    expect(sections.at(-1)!.text!.text).toContain("<https://x.test|a>");
  });

  it("splits long text within the limit, never inside a link or an entity", () => {
    const text = markdownToMrkdwn(Array.from({ length: 400 }, (_, i) => `A&B [link ${i}](https://example.com/${i}?a=1&b=2) <tag>`).join(" "));
    const pieces = splitMrkdwn(text, 3000);
    expect(pieces.length).toBeGreaterThan(1);
    for (const piece of pieces) {
      expect(piece.length).toBeLessThanOrEqual(3000);
      expect(piece.split("<").length).toBe(piece.split(">").length);
      expect(piece).not.toMatch(/&[a-z]{0,3}$/);
    }
  });
});

describe("renderAnswer", () => {
  it("renders a header, the body, fields, citations with links and the version, and suggestion buttons", () => {
    const a = answer({
      title: "Budget",
      body: "**4,600억 원** in all",
      fields: [{ name: "Total", value: "4,600억 원" }],
      citations: [{ source: "s", title: "Article", quote: "총 4600억원", url: "https://news.test/1" }],
      suggestions: [{ label: "Ko Woo-chan", command: "speaker", args: { name: "고우찬" } }],
    });
    const [header, body, fields, context, actions] = blocks(a, true);
    expect(header).toEqual({ type: "header", text: { type: "plain_text", text: "Budget" } });
    expect(body.text?.text).toContain("*4,600억 원*");
    expect(fields.fields).toEqual([{ type: "mrkdwn", text: "*Total*\n4,600억 원", verbatim: true }]);
    expect(JSON.stringify(context.elements)).toContain("“총 4600억원” — <https://news.test/1|Article>");
    expect(JSON.stringify(context.elements)).toContain("knowledge version `v1`");
    const values = actions.elements!.map((e) => decodeButtonValue(e.value));
    expect(values).toEqual([{ command: "ask", args: {}, lang: undefined }, { command: "speaker", args: { name: "고우찬" }, lang: "en" }]);
    expect(renderAnswer(a).text).toContain("4,600억 원");
  });

  it("lets no text anywhere in an answer produce a mention or a broadcast", () => {
    const a = answer({
      title: HOSTILE,
      body: `No speaker called “${HOSTILE}”.\n- ${HOSTILE}`,
      fields: [{ name: HOSTILE, value: HOSTILE }],
      citations: [{ source: "s", title: HOSTILE, quote: HOSTILE, url: "!here" }],
      suggestions: [{ label: HOSTILE, command: "speaker", args: { name: HOSTILE } }],
    });
    const sent = rendered(a);
    for (const sequence of FORBIDDEN) expect(sent).not.toContain(sequence);
    expect(sent).not.toMatch(/<[!@#]/);
  });

  it("stays within Slack's limits however long the answer is", () => {
    const a = answer({
      title: "T".repeat(400),
      body: Array.from({ length: 300 }, (_, i) => `- line ${i} ${"가나다 & <b> ".repeat(60)}`).join("\n"),
      fields: Array.from({ length: 30 }, (_, i) => ({ name: `F${i}`, value: "v".repeat(3000) })),
      citations: Array.from({ length: 15 }, (_, i) => ({ source: "s", title: `Source ${i}`, quote: "q".repeat(5000) })),
      suggestions: Array.from({ length: 40 }, (_, i) => ({ label: "L".repeat(200), command: "speaker", args: { name: `n${i}`.repeat(2000) } })),
    });
    const message = renderAnswer(a, { share: { command: "ask", args: { question: '"'.repeat(10_000) } } });
    const all = message.blocks as Block[];
    expect(all.length).toBeLessThanOrEqual(LIMITS.blocks);
    expect(all[0].text!.text.length).toBeLessThanOrEqual(LIMITS.headerText);
    for (const b of all.filter((b) => b.type === "section" && b.text)) expect(b.text!.text.length).toBeLessThanOrEqual(LIMITS.sectionText);
    for (const b of all.filter((b) => b.fields)) expect(b.fields!.length).toBeLessThanOrEqual(LIMITS.fieldsPerSection);
    const context = all.find((b) => b.type === "context")!;
    expect(context.elements!.length).toBeLessThanOrEqual(LIMITS.contextElements);
    expect(JSON.stringify(context)).toContain("6 more source(s)");
    const actions = all.find((b) => b.type === "actions")!;
    expect(actions.elements!.length).toBeLessThanOrEqual(LIMITS.actionElements);
    for (const e of actions.elements!) {
      expect((e.text as { text: string }).text.length).toBeLessThanOrEqual(LIMITS.buttonText);
      expect(e.value!.length).toBeLessThanOrEqual(MAX_BUTTON_VALUE);
    }
    expect(all.some((b) => b.text?.text.includes("the answer was shortened"))).toBe(true);
    expect(message.text.length).toBeLessThanOrEqual(LIMITS.fallbackText);
  });

  it("keeps every text object within its limit after escaping, cutting only between entities, links and emoji", () => {
    const escapes = "&<>".repeat(1000);
    const a = answer({
      title: `😀${escapes}`,
      body: escapes.repeat(3),
      citations: [
        { source: "s", title: `${escapes}😀`.repeat(2), quote: escapes.repeat(2), url: `https://example.com/?q=${"&".repeat(5000)}` },
        { source: "s", title: "a".repeat(298) + "😀😀", quote: "😀".repeat(2000), url: `https://example.com/${"a&b".repeat(100)}` },
        { source: "s", title: "&".repeat(400), quote: "&", url: "https://example.com/short" },
      ],
      suggestions: [{ label: `${"<!here>".repeat(20)}😀`, command: "speaker", args: { name: "x" } }],
    });
    const all = blocks(a);
    const texts = (type: string) => all.filter((b) => b.type === type).flatMap((b) => [...(b.text ? [b.text.text] : []), ...(b.elements ?? []).map((e) => (typeof e.text === "string" ? e.text : e.text.text))]);
    const loneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
    const [header] = texts("header");
    expect(header.length).toBeLessThanOrEqual(LIMITS.headerText);
    for (const text of texts("section")) expect(text.length).toBeLessThanOrEqual(LIMITS.sectionText);
    for (const text of texts("actions")) expect(text.length).toBeLessThanOrEqual(LIMITS.buttonText);
    const context = texts("context");
    expect(context.length).toBeLessThanOrEqual(LIMITS.contextElements);
    for (const text of context) {
      expect(text.length).toBeLessThanOrEqual(LIMITS.contextText);
      expect(text).not.toMatch(/&(?!amp;|lt;|gt;)/);
      expect(text.split("<").length).toBe(text.split(">").length);
    }
    for (const text of [...texts("header"), ...texts("section"), ...texts("actions"), ...context]) expect(text).not.toMatch(loneSurrogate);
    // The titles are shortened with "…"; a URL too long to fit is left out rather than cut, a short one kept.
    expect(context[0]).not.toContain("<https://");
    expect(context[1]).toContain(`<https://example.com/${"a&amp;b".repeat(100)}|`);
    expect(context[1]).toContain(`|${"a".repeat(298)}…>`);
    expect(context[2]).toContain(`<https://example.com/short|${"&amp;".repeat(59)}…>`);
  });

  it("offers no share button unless asked, and none for a private answer's caller to pass", () => {
    expect(JSON.stringify(blocks(answer({})))).not.toContain(SHARE_ACTION_ID);
    expect(JSON.stringify(blocks(answer({}), true))).toContain(SHARE_ACTION_ID);
  });
});

describe("helpers", () => {
  it("button values round-trip and reject what is not ours", () => {
    const value = encodeButtonValue({ command: "speaker", args: { name: "고우찬" }, lang: "ko" })!;
    expect(decodeButtonValue(value)).toEqual({ command: "speaker", args: { name: "고우찬" }, lang: "ko" });
    for (const bad of [undefined, "", "{", "[]", "null", '{"command":1,"args":{}}', '{"command":"x","args":{"a":1}}']) expect(decodeButtonValue(bad)).toBeUndefined();
  });

  it("strips chat markup (the bot's mention and any other) before a message is read", () => {
    expect(stripChatMarkup("<@UBOT> 예산 얼마야?")).toBe("예산 얼마야?");
    expect(stripChatMarkup("hey <@UBOT|eventdesk> who is <@U2>?")).toBe("hey who is ?");
    expect(stripChatMarkup("<@UBOT> budget")).toBe("budget");
  });

  it("remembers event ids within a bounded count and age", () => {
    const recent = new RecentIds(2, 1000);
    expect(recent.firstTime("a", 0)).toBe(true);
    expect(recent.firstTime("a", 10)).toBe(false);
    expect(recent.firstTime("a", 2000)).toBe(true);
    recent.firstTime("b", 2001);
    recent.firstTime("c", 2002);
    expect(recent.firstTime("a", 2003)).toBe(true);
  });
});
