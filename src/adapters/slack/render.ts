// Answer → Block Kit: a header, the body in mrkdwn sections, fields, the citations and knowledge version in a
// context block, and buttons for the suggestions (and for sharing a private answer). Always within Slack's limits.
import type { types } from "@slack/bolt";
import { RATING_EMOJI, RATINGS, ratingRequest } from "../../core/commands/rate.js";
import { suggestionText, type Answer, type Attachment, type Citation } from "../../core/protocol.js";
import { label } from "../kit/labels.js";
import { breakUrls } from "../kit/markdown.js";
import { encodeButtonValue, type ButtonRequest } from "./button-value.js";
import { clip, escapeClipped, escapeMrkdwn, head, markdownToMrkdwn, sourceLink, splitMrkdwn } from "./mrkdwn.js";

type KnownBlock = types.KnownBlock;

/** Slack's Block Kit limits (and the few of our own that keep a message readable). */
export const LIMITS = {
  blocks: 50,
  sectionText: 3000,
  headerText: 150,
  fieldText: 2000,
  fieldsPerSection: 10,
  fieldSections: 2,
  contextElements: 10,
  contextText: 3000,
  actionElements: 25,
  buttonText: 75,
  quote: 1500,
  sourceTitle: 300,
  /** The characters a source's link markup may add to its title: `<`, the escaped URL and `|…>`. */
  sourceUrl: 1000,
  fallbackText: 3000,
} as const;

export const SHARE_ACTION_ID = "eventdesk_share";
export const SUGGEST_ACTION_PREFIX = "eventdesk_suggest_";
/** 👍/👎 under an answer: `eventdesk_rate_up`, `eventdesk_rate_down`. */
export const RATE_ACTION_PREFIX = "eventdesk_rate_";

export interface SlackMessage {
  text: string;
  blocks: KnownBlock[];
}

export interface RenderOptions {
  /** The request behind a private answer: adds a "Share in channel" button that re-runs it for everyone. */
  share?: ButtonRequest;
}

// verbatim: Slack would otherwise auto-link names and parse some mentions in the text.
const mrkdwn = (text: string): types.MrkdwnElement => ({ type: "mrkdwn", text, verbatim: true });
// Slack shows plain_text as it is; a zero-width space after "<" still keeps mention syntax out of every payload.
// Clipped after that, since the zero-width spaces count towards the limit.
const plain = (text: string, max: number): types.PlainTextElement => ({
  type: "plain_text",
  text: clip(breakUrls(text.replace(/<(?=[!@#])/g, "<\u200b")), max),
});

export function renderAnswer(answer: Answer, options: RenderOptions = {}): SlackMessage {
  const header: KnownBlock = { type: "header", text: plain(answer.title, LIMITS.headerText) };
  const fields = fieldBlocks(answer);
  const context = contextBlock(answer);
  const actions = [...actionsBlock(answer, options.share), ...ratingBlock(answer)];
  const attachment = answer.attachment ? [attachmentBlock(answer.attachment)] : [];
  const room = LIMITS.blocks - 1 - fields.length - attachment.length - 1 - actions.length;
  // Escaping only lengthens text: converting the first characters is enough for a clipped text.
  const fallback = `${escapeMrkdwn(head(answer.title, LIMITS.headerText))}\n${markdownToMrkdwn(head(answer.body, LIMITS.fallbackText))}`;
  return { text: clip(fallback, LIMITS.fallbackText), blocks: [header, ...bodyBlocks(answer, room), ...fields, ...attachment, context, ...actions] };
}

/** The body in sections of at most 3,000 characters; when it needs more than `room` blocks, it is shortened. */
function bodyBlocks(answer: Answer, room: number): KnownBlock[] {
  // One piece more than there is room for says that the body does not fit.
  const pieces = splitMrkdwn(markdownToMrkdwn(answer.body), LIMITS.sectionText, room + 1);
  if (pieces.length > room) {
    const note = `_… (${label(answer.lang, "shortened")})_`;
    pieces.splice(room - 1, pieces.length, note);
  }
  return pieces.map((text) => ({ type: "section", text: mrkdwn(text) }));
}

function fieldBlocks(answer: Answer): KnownBlock[] {
  const fields = answer.fields
    .slice(0, LIMITS.fieldsPerSection * LIMITS.fieldSections)
    .map((f) => `*${escapeMrkdwn(head(f.name, LIMITS.fieldText))}*\n${markdownToMrkdwn(head(f.value, LIMITS.fieldText))}`)
    .map((text) => mrkdwn(clip(text, LIMITS.fieldText)));
  const blocks: KnownBlock[] = [];
  for (let i = 0; i < fields.length; i += LIMITS.fieldsPerSection) {
    blocks.push({ type: "section", fields: fields.slice(i, i + LIMITS.fieldsPerSection) });
  }
  return blocks;
}

// Each part is clipped after escaping (which can make text five times longer); together they fit one element.
const citationText = (c: Citation): string =>
  `“${escapeClipped(c.quote, LIMITS.quote)}” — ${sourceLink(c.title, c.url, { title: LIMITS.sourceTitle, url: LIMITS.sourceUrl })}`;
const contextElement = (text: string) => mrkdwn(clip(text, LIMITS.contextText));

/** The citations, one element each, and the knowledge version last (a context block holds ten elements). */
function contextBlock(answer: Answer): KnownBlock {
  const shown = answer.citations.slice(0, LIMITS.contextElements - 1);
  const hidden = answer.citations.length - shown.length;
  const more = hidden > 0 ? `${label(answer.lang, "moreSources", hidden)} · ` : "";
  const version = `${more}${label(answer.lang, "version")} \`${escapeMrkdwn(answer.version)}\``;
  return { type: "context", elements: [...shown.map((c) => contextElement(citationText(c))), contextElement(version)] };
}

function button(actionId: string, label: string, value: string | undefined, style?: "primary"): types.Button | undefined {
  if (value === undefined) return undefined;
  return { type: "button", action_id: actionId, text: plain(label, LIMITS.buttonText), value, ...(style ? { style } : {}) };
}

/** Text handed over as it is (a CSV), as a code block; backticks would end it early. */
function attachmentBlock(attachment: Attachment): KnownBlock {
  const fence = "```";
  const room = LIMITS.sectionText - 2 * fence.length - 2;
  return { type: "section", text: mrkdwn(`${fence}\n${escapeClipped(attachment.text.replace(/`/g, "'"), room)}\n${fence}`) };
}

/** 👍 and 👎 for an answer the question log holds, each re-running `/rate` with the answer's id. */
function ratingBlock(answer: Answer): KnownBlock[] {
  if (!answer.id) return [];
  const id = answer.id;
  const elements = RATINGS.map((r) => button(`${RATE_ACTION_PREFIX}${r}`, RATING_EMOJI[r], encodeButtonValue({ ...ratingRequest(id, r), lang: answer.lang })));
  return [{ type: "actions", elements: elements.filter((b): b is types.Button => b !== undefined) }];
}

function actionsBlock(answer: Answer, share: ButtonRequest | undefined): KnownBlock[] {
  const suggestions = answer.suggestions.map((s, i) =>
    button(`${SUGGEST_ACTION_PREFIX}${i}`, s.label || suggestionText(s), encodeButtonValue({ command: s.command, args: s.args, lang: answer.lang })),
  );
  const shareLabel = label(answer.lang, "share");
  const shareButton = share && button(SHARE_ACTION_ID, shareLabel, encodeButtonValue(share), "primary");
  const elements = [shareButton, ...suggestions].filter((b): b is types.Button => b !== undefined).slice(0, LIMITS.actionElements);
  return elements.length ? [{ type: "actions", elements }] : [];
}
