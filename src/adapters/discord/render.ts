// Answer → Discord messages (API JSON, the same for the gateway and the HTTP endpoint): embeds within
// Discord's limits, split across embeds and follow-up messages when long; citations as fields with links;
// suggestions as buttons; and never a live mention.
import {
  ButtonStyle,
  ComponentType,
  MessageFlags,
  type APIActionRowComponent,
  type APIAllowedMentions,
  type APIButtonComponentWithCustomId,
  type APIEmbed,
  type APIEmbedField,
} from "discord.js";
import { RATING_EMOJI, RATINGS, ratingRequest } from "../../core/commands/rate.js";
import type { Answer, Attachment, Citation } from "../../core/protocol.js";
import { label } from "../kit/labels.js";
import { discordDialect, neutralizeMentions, renderMarkdown } from "../kit/markdown.js";
import { suggestionId } from "./custom-id.js";
import { DISCORD_LIMITS } from "./limits.js";


/** Discord pings nobody for a message carrying this, whatever its text says. */
export const NO_MENTIONS: APIAllowedMentions = { parse: [] };

export interface DiscordMessage {
  content?: string;
  embeds?: APIEmbed[];
  components?: APIActionRowComponent<APIButtonComponentWithCustomId>[];
  allowed_mentions: APIAllowedMentions;
  flags?: MessageFlags.Ephemeral;
}

const ZWSP = "\u200b";
const COLOR_ANSWERED = 0xfee500;
const COLOR_UNANSWERED = 0x99aab5;

/** `at`, or one less when the character before it starts a surrogate pair: cutting there would split an emoji. */
function safeCut(text: string, at: number): number {
  return /[\ud800-\udbff]/.test(text[at - 1] ?? "") ? at - 1 : at;
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : text.slice(0, safeCut(text, max - 1)) + "…";
}

/** Pieces of at most `max` characters, cut at a paragraph, a line or a space where there is one. */
export function splitText(text: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = text.trim();
  while (rest.length > max) {
    const window = rest.slice(0, max + 1);
    const cut = [window.lastIndexOf("\n\n"), window.lastIndexOf("\n"), window.lastIndexOf(" ")].find((i) => i > max / 2) ?? max;
    const at = safeCut(rest, cut);
    pieces.push(rest.slice(0, at).trimEnd());
    rest = rest.slice(at).trimStart();
  }
  if (rest) pieces.push(rest);
  return pieces;
}

function splitField(name: string, value: string, inline = false): APIEmbedField[] {
  const values = splitText(value, DISCORD_LIMITS.embed.fieldValue);
  return (values.length ? values : [ZWSP]).map((v, i) => ({
    name: i === 0 ? truncate(name, DISCORD_LIMITS.embed.fieldName) || ZWSP : ZWSP,
    value: v,
    inline: inline && values.length === 1,
  }));
}

function citationField(c: Citation, index: number, lang: Answer["lang"]): APIEmbedField[] {
  const source = c.url ? discordDialect.link(c.title, c.url) : discordDialect.text(c.title);
  return splitField(`${label(lang, "source")} ${index + 1}`, `> “${discordDialect.text(c.quote)}”\n— ${source}`);
}

function embedSize(e: APIEmbed): number {
  const fields = (e.fields ?? []).reduce((sum, f) => sum + f.name.length + f.value.length, 0);
  return (e.title?.length ?? 0) + (e.description?.length ?? 0) + fields + (e.footer?.text.length ?? 0);
}

/** Title and body first, then the fields and citations, each embed small enough to share a message. */
function embedsFor(answer: Answer, footer: string): APIEmbed[] {
  const color = answer.answered ? COLOR_ANSWERED : COLOR_UNANSWERED;
  const budget = DISCORD_LIMITS.embed.total - footer.length;
  const title = truncate(neutralizeMentions(answer.title), DISCORD_LIMITS.embed.title);
  const descriptions = splitText(renderMarkdown(answer.body, discordDialect), DISCORD_LIMITS.embed.description);
  const embeds: APIEmbed[] = (descriptions.length ? descriptions : [undefined]).map((description, i) => ({
    color,
    ...(i === 0 && title ? { title } : {}),
    ...(description ? { description } : {}),
  }));
  const fields = [
    ...answer.fields.flatMap((f) => splitField(neutralizeMentions(f.name), renderMarkdown(f.value, discordDialect), f.inline)),
    ...answer.citations.flatMap((c, i) => citationField(c, i, answer.lang)),
  ];
  for (const field of fields) {
    let last = embeds[embeds.length - 1];
    const full = (last.fields?.length ?? 0) >= DISCORD_LIMITS.embed.fields || embedSize(last) + field.name.length + field.value.length > budget;
    if (full) embeds.push((last = { color }));
    (last.fields ??= []).push(field);
  }
  embeds[embeds.length - 1].footer = { text: footer };
  if (!embeds[0].title && !embeds[0].description && !embeds[0].fields) embeds[0].description = ZWSP;
  return embeds;
}

type ButtonRow = APIActionRowComponent<APIButtonComponentWithCustomId>;

/** 👍 and 👎 for an answer the question log holds: each a button running `/rate` with the answer's id. */
function ratingRow(answer: Answer): ButtonRow[] {
  if (!answer.id) return [];
  const id = answer.id;
  const components = RATINGS.flatMap((r) => {
    const customId = suggestionId(ratingRequest(id, r));
    return customId ? [{ type: ComponentType.Button as const, style: ButtonStyle.Secondary as const, custom_id: customId, emoji: { name: RATING_EMOJI[r] } }] : [];
  });
  return components.length ? [{ type: ComponentType.ActionRow, components }] : [];
}

/** Text handed over as it is (a CSV) as a code block in the message's content, within Discord's 2,000 characters. */
function attachmentContent(attachment: Attachment): string {
  const fence = "```";
  const room = DISCORD_LIMITS.content - 2 * fence.length - 2 - "csv".length;
  return `${fence}csv\n${truncate(attachment.text.replace(/`/g, "'"), room)}\n${fence}`;
}

function buttonRows(answer: Answer, rows: number): ButtonRow[] {
  const buttons = new Map<string, APIButtonComponentWithCustomId>();
  for (const s of answer.suggestions) {
    const id = suggestionId(s);
    const label = truncate(neutralizeMentions(s.label).trim(), DISCORD_LIMITS.buttonLabel);
    if (id && label && !buttons.has(id)) buttons.set(id, { type: ComponentType.Button, style: ButtonStyle.Secondary, custom_id: id, label });
  }
  const all = [...buttons.values()].slice(0, DISCORD_LIMITS.buttonsPerRow * rows);
  const out: ButtonRow[] = [];
  for (let i = 0; i < all.length; i += DISCORD_LIMITS.buttonsPerRow) {
    out.push({ type: ComponentType.ActionRow, components: all.slice(i, i + DISCORD_LIMITS.buttonsPerRow) });
  }
  return out;
}

/** The answer as one message, or several when it is long: the first is the reply, the rest follow-ups. */
export function renderAnswer(answer: Answer, ephemeral = false): DiscordMessage[] {
  const version = label(answer.lang, "version");
  // A footer starts a line: "Knowledge version v1".
  const footer = `${version[0].toUpperCase()}${version.slice(1)} ${answer.version}`;
  const flags = ephemeral || answer.private ? { flags: MessageFlags.Ephemeral as const } : {};
  const messages: DiscordMessage[] = [];
  let room = 0; // characters the current message can still take
  for (const embed of embedsFor(answer, footer)) {
    const size = embedSize(embed);
    const current = messages.at(-1)?.embeds;
    if (current && current.length < DISCORD_LIMITS.embed.perMessage && size <= room) {
      current.push(embed);
      room -= size;
    } else {
      messages.push({ embeds: [embed], allowed_mentions: NO_MENTIONS, ...flags });
      room = DISCORD_LIMITS.embed.total - size;
    }
  }
  // The rating row keeps its place whatever the number of suggestions.
  const rating = ratingRow(answer);
  const rows = [...buttonRows(answer, DISCORD_LIMITS.rows - rating.length), ...rating];
  if (rows.length) messages[messages.length - 1].components = rows;
  if (answer.attachment) messages[0].content = attachmentContent(answer.attachment);
  return messages;
}

/** A plain ephemeral message (the apology when answering failed). */
export function notice(text: string): DiscordMessage {
  return { content: neutralizeMentions(text), allowed_mentions: NO_MENTIONS, flags: MessageFlags.Ephemeral };
}
