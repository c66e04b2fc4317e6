// What a command module is (after the discord.js guide and Sapphire): its spec — name, options, descriptions,
// aliases, admin flag, the free-text words that lead to it — its handler and its autocomplete. Slack's manifest,
// Discord's registration, the console help and `/help` are all generated from the catalogue of these.
import type { Lang, Localized } from "../locale.js";
import type { Answer, Request } from "../protocol.js";
import type { Remembered } from "../answers/compose.js";
import type { Scope } from "../answers/subject.js";
import type { Snapshot } from "../snapshot/snapshot.js";
import type { Store } from "../../store/store.js";

export interface OptionSpec<Name extends string = string> {
  /** The same on every platform: lower-case, ASCII, at most 32 characters (Discord's rule). */
  name: Name;
  description: Localized;
  required?: boolean;
  /** Offered choices come from the knowledge as the user types. */
  autocomplete?: boolean;
  /** A fixed set of keywords (not words of a question: they do not decide the answer's language). */
  choices?: readonly string[];
}

export interface CommandSpec<Name extends string = string> {
  name: string;
  /** At most 100 characters in each language (Discord's rule). */
  description: Localized;
  options: readonly OptionSpec<Name>[];
  /** Other names a typed line may use (`/speakers`, `/연사`); platforms register only `name`. */
  aliases?: readonly string[];
  /** Only admins may run it; platforms hide it where they can, the core refuses it always. */
  admin?: boolean;
  /** About the bot rather than the knowledge (ratings, insights, reloads): not logged as a question, never rated. */
  meta?: boolean;
  /** Example arguments shown in help: `/speaker 고우찬`. */
  example?: string;
}

/** A command's arguments, by option name: renaming an option breaks every caller at compile time. */
export type Args<Name extends string> = Partial<Record<Name, string>>;

/** Free-text words that lead to a command: a question made only of them (and question words) runs it with `args`. */
export interface Route<Name extends string = string> {
  words: readonly string[];
  args?: Args<Name>;
}

/** What a handler returns: the Bot adds the language, command, arguments and version. */
export type Draft = Omit<Answer, "lang" | "command" | "args" | "version" | "fields" | "citations" | "suggestions" | "private" | "answered"> &
  Partial<Pick<Answer, "fields" | "citations" | "suggestions" | "private" | "answered">> & {
    /** The command that really answered, when a handler ran another (free text routed to /budget). */
    ran?: { command: string; args: Record<string, string> };
    /** What the conversation should remember of this answer for a follow-up. */
    remember?: Remembered;
    /** The knowledge version the draft speaks for, when it is not the snapshot the request started on: a reload's
     * reply is about the version it made live. */
    version?: string;
    /** About the bot's own records (a remediation update), whatever the command: not logged as a question, never rated. */
    meta?: boolean;
  };

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
  /** The events a question may be about (the channel's, or all), and the clock now/next questions read. */
  scope: Scope;
  /** What this conversation's last answer was about, for follow-ups. */
  recalled?: Remembered;
  /** Runs another command on the same snapshot (free text routes to the command that answers it). */
  run<Name extends string>(command: CommandModule<Name>, args: Args<Name>): Promise<Draft>;
  /** The catalogue, for help. */
  catalogue: readonly CommandModule[];
  reload(): Promise<ReloadOutcome>;
  /** Where questions and ratings are kept; absent when the bot runs without one. */
  store?: Store;
  /** The id of the last answer this user got in this conversation that can be rated. */
  lastAnswerId?: string;
}

export interface Choice {
  name: string;
  value: string;
}

export interface CommandModule<Name extends string = string> {
  spec: CommandSpec<Name>;
  routes?: readonly Route<Name>[];
  run(ctx: CommandContext, args: Args<Name>): Draft | Promise<Draft>;
  /** Choices for what the user has typed so far in `option` (the Bot keeps the first 25). */
  autocomplete?(snapshot: Snapshot, scope: Scope, option: Name, typed: string, lang: Lang): Choice[];
}

/** Declares a command module, keeping its option names as types (`const` infers them from the spec). */
export const defineCommand = <const Name extends string>(module: CommandModule<Name>): CommandModule<Name> => module;
