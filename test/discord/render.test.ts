import { describe, expect, it } from "vitest";
import { MessageFlags } from "discord.js";
import type { Answer } from "../../src/core/protocol.js";
import { parseSuggestionId, suggestionId } from "../../src/adapters/discord/custom-id.js";
import { renderAnswer, splitText } from "../../src/adapters/discord/render.js";
import { DISCORD_LIMITS } from "../../src/adapters/discord/limits.js";
import { neutralizeMentions } from "../../src/adapters/kit/markdown.js";
import { expectSendable, textOf } from "./support.js";

function answer(overrides: Partial<Answer>): Answer {
  return { answered: true, lang: "en", title: "Title", body: "Body", fields: [], citations: [], suggestions: [], private: false, command: "ask", args: {}, version: "v1", ...overrides };
}

const HOSTILE = "@everyone @here <@123> <@!123> <@&456>";

describe("Discord embed rendering", () => {
  it("splits a huge answer across embeds and follow-up messages, each within Discord's limits", () => {
    const paragraph = "A sentence about the data-center fire that goes on for a while. ".repeat(20);
    const huge = answer({
      title: "T".repeat(600),
      body: Array.from({ length: 40 }, (_, i) => `${i}: ${paragraph}`).join("\n\n"),
      fields: Array.from({ length: 40 }, (_, i) => ({ name: `Field ${i} ${"n".repeat(300)}`, value: "v".repeat(3000), inline: true })),
      citations: Array.from({ length: 30 }, (_, i) => ({ source: `s${i}`, title: `Source [${i}]`, quote: "q".repeat(1500), url: `https://example.com/${i}_(x)` })),
      suggestions: Array.from({ length: 40 }, (_, i) => ({ label: `Suggestion ${i} ${"l".repeat(100)}`, command: "speaker", args: { name: `person ${i}` } })),
    });
    const messages = renderAnswer(huge);
    expect(messages.length).toBeGreaterThan(1);
    messages.forEach(expectSendable);
    const descriptions = messages.flatMap((m) => m.embeds!.map((e) => e.description ?? "")).join(" ");
    expect(descriptions.replace(/\s+/g, " ")).toBe(huge.body.replace(/\s+/g, " "));
    expect(messages[0].embeds![0].title).toHaveLength(256);
    expect(messages.flatMap((m) => m.embeds!).filter((e) => e.title)).toHaveLength(1);
    expect(messages.at(-1)!.embeds!.at(-1)!.footer!.text).toBe("Knowledge version v1");
    const buttons = messages.flatMap((m) => m.components ?? []).flatMap((r) => r.components);
    expect(buttons).toHaveLength(25);
    expect(messages.slice(0, -1).every((m) => !m.components)).toBe(true);
  });

  it("links each citation with its quote, and escapes what would break the link", () => {
    const [message] = renderAnswer(answer({ lang: "ko", citations: [{ source: "s", title: "기사 [1]", quote: "총 4600억원", url: "https://x.kr/a_(b)" }] }));
    expect(message.embeds![0].fields).toEqual([{ name: "출처 1", value: "> “총 4600억원”\n— [기사 \\[1\\]](https://x.kr/a_(b%29)", inline: false }]);
    expect(message.embeds![0].footer!.text).toBe("지식 버전 v1");
  });

  it("never yields a live mention from hostile text anywhere in the answer", () => {
    const hostile = answer({
      title: HOSTILE,
      body: `I found nothing for “${HOSTILE}”.`,
      fields: [{ name: HOSTILE, value: HOSTILE }],
      citations: [{ source: "s", title: HOSTILE, quote: HOSTILE }],
      suggestions: [{ label: HOSTILE, command: "ask", args: { question: "x" } }],
    });
    const messages = renderAnswer(hostile);
    messages.forEach(expectSendable);
    expect(textOf(messages)).toContain("@\u200beveryone");
    expect(neutralizeMentions(HOSTILE)).toBe("@\u200beveryone @\u200bhere <@\u200b123> <@!\u200b123> <@&\u200b456>");
  });

  it("marks private answers, or answers asked privately, ephemeral on every message", () => {
    expect(renderAnswer(answer({ private: true }))[0].flags).toBe(MessageFlags.Ephemeral);
    expect(renderAnswer(answer({}), true)[0].flags).toBe(MessageFlags.Ephemeral);
    expect(renderAnswer(answer({}))[0].flags).toBeUndefined();
  });

  it("cuts long text without splitting a surrogate pair", () => {
    const pieces = splitText("😀".repeat(3000), 4096);
    expect(pieces.every((p) => p.length <= 4096 && !/[\ud800-\udbff]$/.test(p))).toBe(true);
    expect(pieces.join("")).toBe("😀".repeat(3000));
  });

  it("shortens titles, field names and button labels without splitting an emoji at the cut", () => {
    const loneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
    // Each text puts a surrogate pair across the character where truncate() cuts (its limit minus one, for "…").
    const [message] = renderAnswer(
      answer({
        title: "t".repeat(DISCORD_LIMITS.embed.title - 2) + "😀😀",
        fields: [{ name: "n".repeat(DISCORD_LIMITS.embed.fieldName - 2) + "😀😀", value: "v" }],
        suggestions: [{ label: "l".repeat(DISCORD_LIMITS.buttonLabel - 2) + "😀😀", command: "speaker", args: { name: "x" } }],
      }),
    );
    const embed = message.embeds![0];
    const shortened = [embed.title!, embed.fields![0].name, message.components![0].components[0].label!];
    expect(shortened.map((text) => text.slice(-2))).toEqual(["t…", "n…", "l…"]);
    for (const text of shortened) expect(text).not.toMatch(loneSurrogate);
    expectSendable(message);
  });

  it("encodes a suggestion in its button id, and drops one whose arguments cannot fit", () => {
    const id = suggestionId({ command: "speaker", args: { name: "고우찬" } })!;
    expect(parseSuggestionId(id)).toEqual({ command: "speaker", args: { name: "고우찬" } });
    expect(suggestionId({ command: "ask", args: { question: "q".repeat(100) } })).toBeUndefined();
    expect(parseSuggestionId("something-else")).toBeUndefined();
    expect(parseSuggestionId('ed:["speaker",{"name":1}]')).toBeUndefined();
    expect(renderAnswer(answer({ suggestions: [{ label: "long", command: "ask", args: { question: "q".repeat(100) } }] }))[0].components).toBeUndefined();
  });
});
