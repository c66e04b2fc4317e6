// The command catalogue's types: one module per command (definition + handler + optional autocomplete).
// Slack's manifest, Discord's registration, the console help and `/help` are all generated from these.
import type { Answer, Lang, Request } from "./answer.js";
import type { Localized } from "./knowledge/schema.js";
import type { Snapshot } from "./snapshot.js";

export interface OptionSpec {
  /** The same on every platform: lower-case, ASCII, at most 32 characters (Discord's rule). */
  name: string;
  description: Localized;
  required?: boolean;
  /** Offered choices come from the knowledge as the user types. */
  autocomplete?: boolean;
  /** A fixed set of keywords (not words of a question: they do not decide the answer's language). */
  choices?: string[];
}

export interface CommandSpec {
  name: string;
  /** At most 100 characters in each language (Discord's rule). */
  description: Localized;
  options: OptionSpec[];
  /** Only admins may run it; platforms hide it where they can, the core refuses it always. */
  admin?: boolean;
  /** Example arguments shown in help: `/speaker 고우찬`. */
  example?: string;
}

/** What a handler returns: the Bot adds the language, command and version. */
export type Draft = Omit<Answer, "lang" | "command" | "version" | "fields" | "citations" | "suggestions" | "private" | "answered"> &
  Partial<Pick<Answer, "fields" | "citations" | "suggestions" | "private" | "answered" | "command">>;

export interface ReloadOutcome {
  ok: boolean;
  version: string;
  previousVersion: string;
  summary: Localized;
}

export interface CommandContext {
  snapshot: Snapshot;
  request: Request;
  lang: Lang;
  /** Runs another command on the same snapshot (free text routes to the command that answers it). */
  run(command: string, args: Record<string, string | undefined>): Promise<Draft>;
  /** The catalogue, for help. */
  catalogue: readonly CommandModule[];
  reload(): Promise<ReloadOutcome>;
}

export interface Choice {
  name: string;
  value: string;
}

export interface CommandModule {
  spec: CommandSpec;
  run(ctx: CommandContext, args: Record<string, string | undefined>): Draft | Promise<Draft>;
  /** At most 25 choices for what the user has typed so far in `option`. */
  autocomplete?(snapshot: Snapshot, option: string, typed: string, lang: Lang): Choice[];
}
