// The core's Markdown subset (core/markdown.ts) rendered in each platform's dialect: one conversion with the dialect
// as its parameter. Links come only from the core's own `[label](url)`; user text reaches here as plain text spans.
import { parseMarkdown, type Span } from "../../core/markdown.js";

export interface Dialect {
  /** Plain text as the platform must receive it to show it literally. */
  text(text: string): string;
  bold(inner: string): string;
  code(text: string): string;
  link(label: string, url: string): string;
  bullet: string;
}

const ZWSP = "\u200b";

/** Only web addresses become links: a knowledge file's `javascript:` or `file:` URL stays text. */
export const linkable = (url: string): boolean => /^https?:\/\/\S+$/i.test(url);

/** A terminal and `ask --json`: no markup at all; a link shows its address. */
export const plainDialect: Dialect = {
  text: (t) => t,
  bold: (inner) => inner,
  code: (t) => t,
  link: (label, url) => (linkable(url) ? `${label} <${url}>` : label),
  bullet: "- ",
};

/** Slack's three entities: what a URL inside <…|…> needs, and the first step for text. */
export const slackEntities = (t: string): string => t.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** Slack mrkdwn: `&`, `<` and `>` escaped (so no text can become <!here> or <@U…>), bare URLs broken, *bold*, <url|label>. */
export const slackDialect: Dialect = {
  text: (t) => breakUrls(slackEntities(t)),
  // Slack renders *bold* only at word boundaries, and Korean particles follow the bold word directly (**4,600억 원**의).
  bold: (inner) => `${ZWSP}*${inner}*${ZWSP}`,
  code: (t) => `\`${slackDialect.text(t.replace(/`/g, "'"))}\``,
  link: (label, url) => (linkable(url) ? `<${slackEntities(url).replace(/\|/g, "%7C")}|${slackDialect.text(label).replace(/\|/g, "¦")}>` : slackDialect.text(label)),
  bullet: "• ",
};

/** A bare web address in text is made into a link by Slack and Discord alike: a zero-width space after the scheme
 * keeps it readable and dead. Links come only from the core's own `[label](url)`. */
export const breakUrls = (text: string): string => text.replace(/([a-z][a-z0-9+.-]*):\/\//gi, `$1:${ZWSP}//`);

/** Breaks every mention syntax and bare link with a zero-width space, so even copied text cannot ping or lead anywhere. */
export const neutralizeMentions = (text: string): string =>
  breakUrls(text.replace(/@(everyone|here)/gi, `@${ZWSP}$1`).replace(/<(@[!&]?|#)(\d+)>/g, `<$1${ZWSP}$2>`));

/** Discord markdown: its markup characters escaped, bare URLs broken (Discord links them), mentions neutralized. */
export const discordDialect: Dialect = {
  text: (t) => neutralizeMentions(t.replace(/[\\*_~`|[\]()#]/g, "\\$&")),
  bold: (inner) => `**${inner}**`,
  code: (t) => `\`${neutralizeMentions(t.replace(/`/g, "'"))}\``,
  link: (label, url) => (linkable(url) ? `[${discordDialect.text(label)}](${url.replace(/[)<>@]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)})` : discordDialect.text(label)),
  bullet: "- ",
};

function spans(list: readonly Span[], d: Dialect): string {
  return list
    .map((s) => (s.kind === "text" ? d.text(s.text) : s.kind === "bold" ? d.bold(spans(s.spans, d)) : s.kind === "code" ? d.code(s.text) : d.link(s.label, s.url)))
    .join("");
}

export function renderMarkdown(markdown: string, dialect: Dialect): string {
  return parseMarkdown(markdown)
    .map((line) => (line.bullet ? dialect.bullet : "") + spans(line.spans, dialect))
    .join("\n");
}
