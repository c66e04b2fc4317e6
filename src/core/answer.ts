// The platform-neutral shapes that cross the line between the core and the adapters.

export type Lang = "ko" | "en";
export type Platform = "console" | "slack" | "discord";

export interface User {
  id: string;
  platform: Platform;
  /** Decided by the adapter from its own configuration (admin ID lists, Discord permissions). */
  isAdmin: boolean;
  name?: string;
}

/** One question, whatever platform it came from. Free text is the `ask` command with `args.question`. */
export interface Request {
  command: string;
  args: Record<string, string | undefined>;
  user: User;
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
  /** A small Markdown subset: paragraphs, `- ` bullets, `**bold**`, `[text](url)`. */
  body: string;
  fields: Field[];
  citations: Citation[];
  suggestions: Suggestion[];
  /** Shown only to the asker where the platform can (Slack ephemeral, Discord ephemeral). */
  private: boolean;
  /** The command that produced the answer (free text is routed to one). */
  command: string;
  /** The knowledge version the answer came from. */
  version: string;
}

/** A suggestion written as the command line a user would type: `/speaker 이채영`. */
export function suggestionText(s: Suggestion): string {
  const values = Object.values(s.args).filter(Boolean);
  return ["/" + s.command, ...values].join(" ");
}
