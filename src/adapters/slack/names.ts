// The names Slack knows the app by, shared by the adapter and the manifest (which must not load Bolt to print).

/** Where Slack posts events, commands and button clicks in HTTP mode, on the shared HTTP server. */
export const SLACK_EVENTS_PATH = "/slack/events";

/** The one command that takes any other as its first word: `/eventdesk speaker 고우찬`. */
export const UMBRELLA_COMMAND = "eventdesk";

export const slashCommandName = (name: string, prefix: string): string => `/${prefix}${name}`;
