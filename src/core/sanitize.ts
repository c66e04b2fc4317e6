// User text enters the core only through here: normalized, invisible and bidi-override characters
// removed, and capped. Escaping for display is each renderer's job; this only makes the text safe to read.
import { normalize } from "./text.js";
import { stripChatMarkup } from "./understand/markup.js";

/** Longer questions are cut: no real question about an event needs more, and search time stays bounded. */
export const MAX_ARG_LENGTH = 500;

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function sanitizeText(text: string): string {
  // Lone surrogates cannot be encoded for any platform: drop them, and the half of a pair a cut leaves.
  const wellFormed = (s: string) => s.replace(LONE_SURROGATE, "");
  return wellFormed(normalize(wellFormed(text.slice(0, MAX_ARG_LENGTH * 4))).slice(0, MAX_ARG_LENGTH));
}

/** User text as the core reads it: safe, and without chat markup (mentions, links, emoji codes). */
export const cleanText = (text: string): string => stripChatMarkup(sanitizeText(text));

/** The arguments made safe and stripped of chat markup, and whether any was cut to MAX_ARG_LENGTH (the answer says so). */
export function sanitizeArgs(args: Record<string, string | undefined>): { args: Record<string, string | undefined>; truncated: boolean } {
  const out: Record<string, string | undefined> = {};
  let truncated = false;
  for (const [k, v] of Object.entries(args)) {
    if (typeof v !== "string") continue;
    const clean = cleanText(v);
    truncated ||= v.length > MAX_ARG_LENGTH && normalize(v).length > MAX_ARG_LENGTH;
    out[k] = clean || undefined;
  }
  return { args: out, truncated };
}
