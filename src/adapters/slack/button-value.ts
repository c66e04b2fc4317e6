// A button carries the request to re-run (command, args, language), not the rendered answer: the answer is
// computed again from the current knowledge when the button is clicked, and the value stays small.
import type { Lang } from "../../core/protocol.js";
import { MAX_ARG_LENGTH } from "../../core/sanitize.js";

export interface ButtonRequest {
  command: string;
  args: Record<string, string>;
  lang?: Lang;
}

/** Slack's limit on a button's value. */
export const MAX_BUTTON_VALUE = 2000;

/** The value for a button, or undefined when even the shortened request cannot fit. */
export function encodeButtonValue(request: ButtonRequest): string | undefined {
  const args = Object.fromEntries(Object.entries(request.args).map(([k, v]) => [k, v.slice(0, MAX_ARG_LENGTH)]));
  const value = JSON.stringify({ command: request.command, args, lang: request.lang });
  return value.length <= MAX_BUTTON_VALUE ? value : undefined;
}

const isStringRecord = (x: unknown): x is Record<string, string> =>
  typeof x === "object" && x !== null && !Array.isArray(x) && Object.values(x).every((v) => typeof v === "string");

/** The request a clicked button carries, or undefined when the value is not one of ours. */
export function decodeButtonValue(value: string | undefined): ButtonRequest | undefined {
  if (!value) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return undefined;
  }
  if (typeof parsed !== "object" || parsed === null) return undefined;
  const { command, args, lang } = parsed as Record<string, unknown>;
  if (typeof command !== "string" || !isStringRecord(args)) return undefined;
  return { command, args, lang: lang === "ko" || lang === "en" ? lang : undefined };
}
