// The names Slack knows the app by, shared by the adapter and the manifest (which must not load Bolt to print).

/** Where Slack posts events, commands and button clicks in HTTP mode, on the shared HTTP server. */
export const SLACK_EVENTS_PATH = "/slack/events";

/** The one command that takes any other as its first word: `/eventdesk speaker 고우찬`. */
export const UMBRELLA_COMMAND = "eventdesk";

export const slashCommandName = (name: string, prefix: string): string => `/${prefix}${name}`;

/** Slack's own slash commands, which an app cannot register: without a prefix, a catalogue command of that name is
 * left out of the manifest and reached through the umbrella instead (`/eventdesk remind 110`). */
export const SLACK_BUILT_IN = new Set(["remind", "status", "away", "dnd", "invite", "leave", "msg", "mute", "search", "who", "topic", "shrug", "me", "feed", "open", "apps"]);
