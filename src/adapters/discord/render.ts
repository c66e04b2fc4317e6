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
import type { Answer, Citation } from "../../core/answer.js";
import { suggestionId } from "./custom-id.js";

export const EMBED_LIMITS = {
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  /** Summed over every embed of one message. */
  total: 6000,
  embedsPerMessage: 10,
  buttonsPerRow: 5,
  rows: 5,
  buttonLabel: 80,
} as const;

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

/** Breaks every mention syntax with a zero-width space, so even copied text cannot ping. */
export function neutralizeMentions(text: string): string {
  return text.replace(/@(everyone|here)/gi, `@${ZWSP}$1`).replace(/<(@[!&]?|#)(\d+)>/g, `<$1${ZWSP}$2>`);
}

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
  const values = splitText(value, EMBED_LIMITS.fieldValue);
  return (values.length ? values : [ZWSP]).map((v, i) => ({
    name: i === 0 ? truncate(name, EMBED_LIMITS.fieldName) || ZWSP : ZWSP,
    value: v,
    inline: inline && values.length === 1,
  }));
}

function citationField(c: Citation, index: number, lang: Answer["lang"]): APIEmbedField[] {
  const title = c.title.replace(/[[\]]/g, "\\$&");
  const source = c.url ? `[${title}](${c.url.replace(/\)/g, "%29")})` : title;
  return splitField(`${lang === "ko" ? "출처" : "Source"} ${index + 1}`, neutralizeMentions(`> “${c.quote}”\n— ${source}`));
}

function embedSize(e: APIEmbed): number {
  const fields = (e.fields ?? []).reduce((sum, f) => sum + f.name.length + f.value.length, 0);
  return (e.title?.length ?? 0) + (e.description?.length ?? 0) + fields + (e.footer?.text.length ?? 0);
}

/** Title and body first, then the fields and citations, each embed small enough to share a message. */
function embedsFor(answer: Answer, footer: string): APIEmbed[] {
  const color = answer.answered ? COLOR_ANSWERED : COLOR_UNANSWERED;
  const budget = EMBED_LIMITS.total - footer.length;
  const title = truncate(neutralizeMentions(answer.title), EMBED_LIMITS.title);
  const descriptions = splitText(neutralizeMentions(answer.body), EMBED_LIMITS.description);
  const embeds: APIEmbed[] = (descriptions.length ? descriptions : [undefined]).map((description, i) => ({
    color,
    ...(i === 0 && title ? { title } : {}),
    ...(description ? { description } : {}),
  }));
  const fields = [
    ...answer.fields.flatMap((f) => splitField(neutralizeMentions(f.name), neutralizeMentions(f.value), f.inline)),
    ...answer.citations.flatMap((c, i) => citationField(c, i, answer.lang)),
  ];
  for (const field of fields) {
    let last = embeds[embeds.length - 1];
    const full = (last.fields?.length ?? 0) >= EMBED_LIMITS.fields || embedSize(last) + field.name.length + field.value.length > budget;
    if (full) embeds.push((last = { color }));
    (last.fields ??= []).push(field);
  }
  embeds[embeds.length - 1].footer = { text: footer };
  if (!embeds[0].title && !embeds[0].description && !embeds[0].fields) embeds[0].description = ZWSP;
  return embeds;
}

function buttonRows(answer: Answer): APIActionRowComponent<APIButtonComponentWithCustomId>[] {
  const buttons = new Map<string, APIButtonComponentWithCustomId>();
  for (const s of answer.suggestions) {
    const id = suggestionId(s);
    const label = truncate(neutralizeMentions(s.label).trim(), EMBED_LIMITS.buttonLabel);
    if (id && label && !buttons.has(id)) buttons.set(id, { type: ComponentType.Button, style: ButtonStyle.Secondary, custom_id: id, label });
  }
  const all = [...buttons.values()].slice(0, EMBED_LIMITS.buttonsPerRow * EMBED_LIMITS.rows);
  const rows: APIActionRowComponent<APIButtonComponentWithCustomId>[] = [];
  for (let i = 0; i < all.length; i += EMBED_LIMITS.buttonsPerRow) {
    rows.push({ type: ComponentType.ActionRow, components: all.slice(i, i + EMBED_LIMITS.buttonsPerRow) });
  }
  return rows;
}

/** The answer as one message, or several when it is long: the first is the reply, the rest follow-ups. */
export function renderAnswer(answer: Answer, ephemeral = false): DiscordMessage[] {
  const footer = `${answer.lang === "ko" ? "지식 버전" : "Knowledge version"} ${answer.version}`;
  const flags = ephemeral || answer.private ? { flags: MessageFlags.Ephemeral as const } : {};
  const messages: DiscordMessage[] = [];
  let room = 0; // characters the current message can still take
  for (const embed of embedsFor(answer, footer)) {
    const size = embedSize(embed);
    const current = messages.at(-1)?.embeds;
    if (current && current.length < EMBED_LIMITS.embedsPerMessage && size <= room) {
      current.push(embed);
      room -= size;
    } else {
      messages.push({ embeds: [embed], allowed_mentions: NO_MENTIONS, ...flags });
      room = EMBED_LIMITS.total - size;
    }
  }
  const rows = buttonRows(answer);
  if (rows.length) messages[messages.length - 1].components = rows;
  return messages;
}

/** A plain ephemeral message (the apology when answering failed). */
export function notice(text: string): DiscordMessage {
  return { content: neutralizeMentions(text), allowed_mentions: NO_MENTIONS, flags: MessageFlags.Ephemeral };
}
