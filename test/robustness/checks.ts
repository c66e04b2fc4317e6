// What "safe output" means for each renderer, as lists of problems (empty when safe), so that a failing fuzz
// case can print the input that broke it.
import type { DiscordMessage } from "../../src/adapters/discord/render.js";
import { DISCORD_LIMITS } from "../../src/adapters/discord/limits.js";
import type { SlackMessage } from "../../src/adapters/slack/render.js";
import { LIMITS } from "../../src/adapters/slack/render.js";
import { isWellFormed } from "./hostile.js";

/** Slack control sequences: broadcasts, user, channel and group mentions, dates. */
const SLACK_LIVE = /<[!@#]/;
/** Discord pings: @everyone/@here, users, nicknames, roles, channels (only whole: `<@123` without `>` is text). */
const DISCORD_LIVE = /@(everyone|here)|<(@[!&]?|#)\d+>/i;
/** What a terminal would act on or show reversed: C0 controls but tab and newline, DEL, C1, bidi controls. */
const TERMINAL_UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

function walk(value: unknown, visit: (key: string, value: unknown, parent: Record<string, unknown>) => void): void {
  if (Array.isArray(value)) return value.forEach((v) => walk(v, visit));
  if (typeof value !== "object" || value === null) return;
  for (const [k, v] of Object.entries(value)) {
    visit(k, v, value as Record<string, unknown>);
    walk(v, visit);
  }
}

/** Every text Slack shows: the fallback `text` and each mrkdwn / plain_text element's text. */
export function slackTexts(message: SlackMessage): string[] {
  const texts = [message.text];
  walk(message.blocks, (key, value, parent) => {
    if (key === "text" && typeof value === "string" && (parent.type === "mrkdwn" || parent.type === "plain_text")) texts.push(value);
  });
  return texts;
}

/** A live mention anywhere Slack shows text: the one thing no input may ever produce. */
export function slackMentionProblems(message: SlackMessage): string[] {
  return slackTexts(message).filter((t) => SLACK_LIVE.test(t)).map((t) => `live mention in ${JSON.stringify(t.slice(0, 200))}`);
}

/** Block Kit's limits and well-formed text (Slack rejects a message that breaks them). */
export function slackLimitProblems(message: SlackMessage): string[] {
  const problems = message.blocks.length > LIMITS.blocks ? [`${message.blocks.length} blocks`] : [];
  for (const text of slackTexts(message)) {
    if (!isWellFormed(text)) problems.push("a lone surrogate");
    if (text.length > LIMITS.sectionText) problems.push(`a text of ${text.length} characters`);
  }
  return problems;
}

/** Every text Discord shows: content, embed titles, descriptions, field names and values, footers, button labels. */
export function discordTexts(message: DiscordMessage): string[] {
  const texts = message.content === undefined ? [] : [message.content];
  for (const e of message.embeds ?? []) {
    texts.push(e.title ?? "", e.description ?? "", e.footer?.text ?? "", ...(e.fields ?? []).flatMap((f) => [f.name, f.value]));
  }
  for (const row of message.components ?? []) texts.push(...row.components.map((b) => b.label ?? ""));
  return texts;
}

/** Pings: allowed_mentions must be `parse: []` on every payload, and no text may hold a raw mention. */
export function discordMentionProblems(message: DiscordMessage): string[] {
  const mentions = message.allowed_mentions;
  const problems = JSON.stringify(mentions) === '{"parse":[]}' ? [] : [`allowed_mentions ${JSON.stringify(mentions)}`];
  return [...problems, ...discordTexts(message).filter((t) => DISCORD_LIVE.test(t)).map((t) => `live mention in ${JSON.stringify(t.slice(0, 200))}`)];
}

/** Discord's message and embed limits and well-formed text (Discord rejects a message that breaks them). */
export function discordLimitProblems(message: DiscordMessage): string[] {
  const problems = (message.content ?? "").length > 2000 ? ["content over 2,000 characters"] : [];
  for (const e of message.embeds ?? []) {
    if ((e.title ?? "").length > DISCORD_LIMITS.embed.title || (e.description ?? "").length > DISCORD_LIMITS.embed.description) problems.push("an embed over its limits");
  }
  if (!discordTexts(message).every(isWellFormed)) problems.push("a lone surrogate");
  return problems;
}

export function consoleProblems(text: string): string[] {
  return [...(TERMINAL_UNSAFE.test(text) ? ["a control or bidi character"] : []), ...(isWellFormed(text) ? [] : ["a lone surrogate"])];
}
