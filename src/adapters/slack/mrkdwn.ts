// The Answer's Markdown subset → Slack mrkdwn (kit/markdown.ts), and what Slack's limits need: cutting escaped
// mrkdwn into pieces without breaking a link, an entity or an emoji. Text is escaped, so nothing (the user's words
// echoed back included) can form Slack's control sequences: <!channel>, <!here>, <@U…>, <#C…>, <!subteam^…>.
import { renderMarkdown, slackDialect, slackEntities } from "../kit/markdown.js";

/** Plain text as Slack must receive it: `&`, `<` and `>` as entities. */
export const escapeMrkdwn = (text: string): string => slackDialect.text(text);

/** What the user typed: Slack sends &, < and > in message and command text as entities. */
export function unescapeSlackText(text: string): string {
  return text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}

export const markdownToMrkdwn = (markdown: string): string => renderMarkdown(markdown, slackDialect);

/**
 * A source link for a citation: the title escaped and clipped to `max.title`, linked when the URL is http(s) and
 * its link markup takes at most `max.url` characters. A shortened URL would lead elsewhere, so a longer one is left out.
 */
export function sourceLink(title: string, url: string | undefined, max: { title: number; url: number }): string {
  const label = escapeClipped(title, max.title);
  if (!url || !/^https?:\/\/\S+$/.test(url)) return label;
  const linked = `<${slackEntities(url).replace(/\|/g, "%7C")}|${label}>`;
  return linked.length - label.length <= max.url ? linked : label;
}

/**
 * Where to cut escaped mrkdwn so that no piece exceeds `max` characters: at a line break, else a space, and never
 * inside a link `<…>`, an entity `&amp;` or a surrogate pair.
 */
function cutPoint(text: string, max: number): number {
  const window = text.slice(0, max + 1);
  let cut = window.lastIndexOf("\n");
  if (cut < max / 2) cut = window.lastIndexOf(" ");
  if (cut < max / 2) cut = max;
  const head = text.slice(0, cut);
  const openLink = head.lastIndexOf("<");
  if (openLink > head.lastIndexOf(">") && openLink > 0) cut = openLink;
  const tail = Math.max(0, cut - 4);
  const openEntity = text.slice(tail, cut).search(/&[a-z]{0,3}$/);
  if (openEntity >= 0 && tail + openEntity > 0) cut = tail + openEntity;
  if (/[\ud800-\udbff]/.test(text[cut - 1] ?? "")) cut -= 1;
  return Math.max(cut, 1);
}

/** Splits escaped mrkdwn into pieces of at most `max` characters, preferring line breaks; at most `count` pieces. */
export function splitMrkdwn(text: string, max: number, count = Infinity): string[] {
  const pieces: string[] = [];
  let rest = text.trim();
  while (rest.length > max && pieces.length < count) {
    const cut = cutPoint(rest, max);
    pieces.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest && pieces.length < count) pieces.push(rest);
  return pieces;
}

/** The first `n` characters at most, without splitting a surrogate pair. */
export function head(text: string, n: number): string {
  return /[\ud800-\udbff]/.test(text[n - 1] ?? "") ? text.slice(0, n - 1) : text.slice(0, n);
}

/** At most `max` characters, with "…" when shortened. Safe for escaped mrkdwn and for plain text alike. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  return text.slice(0, cutPoint(text, max - 1)).trimEnd() + "…";
}

/** `text` escaped, then clipped to `max` characters. Escaping only lengthens text: escaping the first max + 1 is enough. */
export function escapeClipped(text: string, max: number): string {
  return clip(escapeMrkdwn(text.slice(0, max + 1)), max);
}
