// The Slack app manifest, generated from the command catalogue: paste it into "Create New App → From a manifest".
import type { CommandModule } from "../../core/commands/command.js";
import { SLACK_BUILT_IN, SLACK_EVENTS_PATH, slashCommandName, UMBRELLA_COMMAND } from "./names.js";

export type ManifestMode = { socket: true } | { socket: false; publicUrl: string };

// chat:write answers; commands registers the slash commands; app_mentions:read and im:history deliver mentions and
// DMs. Answers go to the conversation the question came from, so im:read and im:write (opening DMs) are not needed.
export const BOT_SCOPES = ["app_mentions:read", "chat:write", "commands", "im:history"];
export const BOT_EVENTS = ["app_mention", "message.im"];

const MAX_DESCRIPTION = 2000;
const MAX_USAGE_HINT = 1000;

function usageHint(module: CommandModule): string | undefined {
  const options = module.spec.options.map((o) => (o.required ? `<${o.name}>` : `[${o.name}]`)).join(" ");
  const example = module.spec.example ? ` — e.g. ${module.spec.example}` : "";
  return options ? `${options}${example}`.slice(0, MAX_USAGE_HINT) : undefined;
}

export function buildManifest(catalogue: readonly CommandModule[], prefix: string, mode: ManifestMode) {
  const eventsUrl = mode.socket ? undefined : new URL(SLACK_EVENTS_PATH, mode.publicUrl).href;
  const withUrl = eventsUrl ? { url: eventsUrl } : {};
  const commands = catalogue.filter((module) => prefix || !SLACK_BUILT_IN.has(module.spec.name)).map((module) => ({
    command: slashCommandName(module.spec.name, prefix),
    description: `${module.spec.description.ko} · ${module.spec.description.en}`.slice(0, MAX_DESCRIPTION),
    ...(usageHint(module) ? { usage_hint: usageHint(module) } : {}),
    should_escape: false,
    ...withUrl,
  }));
  const umbrella = {
    command: `/${UMBRELLA_COMMAND}`,
    description: "EventDesk: 명령이나 질문 · a command or a question",
    usage_hint: `[${catalogue.map((m) => m.spec.name).join("|")}] [args] or a question`.slice(0, MAX_USAGE_HINT),
    should_escape: false,
    ...withUrl,
  };
  return {
    _metadata: { major_version: 1, minor_version: 1 },
    display_information: {
      name: "EventDesk",
      description: "if (kakao) dev 2022 and the 1015 data-center fire, answered from cited sources",
      background_color: "#1d1d1f",
    },
    features: {
      app_home: { home_tab_enabled: false, messages_tab_enabled: true, messages_tab_read_only_enabled: false },
      bot_user: { display_name: "EventDesk", always_online: true },
      slash_commands: [...commands, umbrella],
    },
    oauth_config: { scopes: { bot: BOT_SCOPES } },
    settings: {
      event_subscriptions: { ...(eventsUrl ? { request_url: eventsUrl } : {}), bot_events: BOT_EVENTS },
      interactivity: { is_enabled: true, ...(eventsUrl ? { request_url: eventsUrl } : {}) },
      org_deploy_enabled: false,
      socket_mode_enabled: mode.socket,
      token_rotation_enabled: false,
    },
  };
}
