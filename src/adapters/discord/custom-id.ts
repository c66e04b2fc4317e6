// A suggestion button carries its command and arguments in its custom_id (at most 100 characters), so a
// click needs no server-side state and works on any process in HTTP mode.
import type { Suggestion } from "../../core/protocol.js";
import { DISCORD_LIMITS } from "./limits.js";

const PREFIX = "ed:";

/** The custom_id for a suggestion, or undefined when its arguments are too long to fit. */
export function suggestionId(s: Pick<Suggestion, "command" | "args">): string | undefined {
  const id = PREFIX + JSON.stringify([s.command, s.args]);
  return id.length <= DISCORD_LIMITS.customId ? id : undefined;
}

/** The command a clicked button runs; undefined for ids this adapter did not write. */
export function parseSuggestionId(id: string): Pick<Suggestion, "command" | "args"> | undefined {
  if (!id.startsWith(PREFIX)) return undefined;
  try {
    const [command, args] = JSON.parse(id.slice(PREFIX.length)) as unknown[];
    if (typeof command !== "string" || typeof args !== "object" || args === null) return undefined;
    const entries = Object.entries(args);
    if (!entries.every(([, v]) => typeof v === "string")) return undefined;
    return { command, args: Object.fromEntries(entries) as Record<string, string> };
  } catch {
    return undefined;
  }
}
