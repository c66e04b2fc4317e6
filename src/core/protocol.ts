// The platform-neutral protocol between the core and the adapters: a Request in, an Answer out.
import type { Lang } from "./locale.js";

export type { Lang } from "./locale.js";

export interface User {
  id: string;
  /** The name of the adapter the user came through ("slack", "discord", "console", …): adapters declare it. */
  platform: string;
  /** Decided by the adapter from its own configuration (admin ID lists, Discord permissions). */
  isAdmin: boolean;
  /** A local operator (the console): exempt from rate limits. */
  trusted?: boolean;
  name?: string;
}

/**
 * One question, whatever platform it came from. Either `text`, a line as the user typed it (`/speaker 고우찬` or a
 * free question), which the core parses; or a `command` the platform already separated (a slash command, a
 * button), with its `args`, or with `text` as the line that fills its first option.
 */
export interface Request {
  text?: string;
  /** With `text` and no `command`: the first word may name a command without a slash (`/eventdesk speaker 고우찬`). */
  bareCommands?: boolean;
  command?: string;
  args?: Record<string, string | undefined>;
  user: User;
  /** Where follow-ups belong: a Slack thread, a Discord channel and user, the console session. */
  conversation?: string;
  /** The platform's channel (or DM) id, when it has one: the question log keeps it. */
  channel?: string;
  /** Asked in a direct message: the question log keeps its text only with LOG_QUESTIONS=full. */
  direct?: boolean;
  /** The user's interface locale (Discord's `interaction.locale`), used when the text itself has no Hangul. */
  locale?: string;
  /** Forces the answer language, whatever the text or locale say. */
  lang?: Lang;
  /** Correlates log lines; adapters set it from the platform's own id when there is one. */
  requestId?: string;
}

export interface Citation {
  /** The source's id in the knowledge pack. */
  source: string;
  /** The source's human title (publisher and headline). */
  title: string;
  /** The source sentence, verbatim. */
  quote: string;
  url?: string;
}

export interface Field {
  name: string;
  value: string;
  inline?: boolean;
}

/** A follow-up the user can run with one click: a button on Slack and Discord, a hint in the console. */
export interface Suggestion {
  label: string;
  command: string;
  args: Record<string, string>;
}

export interface Answer {
  /** False when the knowledge holds no answer: the body then says so and suggests what it can answer. */
  answered: boolean;
  lang: Lang;
  title: string;
  /** The Markdown subset of `adapters/kit/markdown.ts`; text that came from a user is escaped, so always inert. */
  body: string;
  fields: Field[];
  citations: Citation[];
  suggestions: Suggestion[];
  /** Shown only to the asker where the platform can (Slack ephemeral, Discord ephemeral). */
  private: boolean;
  /** The command that produced the answer (free text is routed to one). */
  command: string;
  /** The arguments that command ran with: what a "Share in channel" button re-runs. */
  args: Record<string, string>;
  /** The knowledge version the answer came from. */
  version: string;
  /** The question log's id for this answer, which 👍/👎 refer to; absent when it was not logged (no store, or an
   * answer about the bot itself), and then nothing offers to rate it. */
  id?: string;
  /** Text to hand over as it is (a CSV export): a code block, or the platforms' nearest thing. */
  attachment?: Attachment;
}

export interface Attachment {
  /** A name that says what it is, such as insights-7d.csv. */
  filename: string;
  text: string;
}

/** A suggestion written as the command line a user would type: `/speaker 이채영`. */
export function suggestionText(s: Suggestion): string {
  const values = Object.values(s.args).filter(Boolean);
  return ["/" + s.command, ...values].join(" ");
}
