// The adapters the configuration turns on; the console chat when it turns on none. A platform's SDK is loaded
// only when its adapter is configured (discord.js and Bolt take most of a second each to load).
import type { Logger } from "pino";
import type { Config } from "../config.js";
import type { Bot } from "../core/bot.js";
import type { Adapter } from "./adapter.js";
import { createConsoleAdapter } from "./console/adapter.js";
import type { DiscordOptions } from "./discord/index.js";
import type { SlackOptions } from "./slack/adapter.js";

/** The Slack adapter's options, when the configuration turns it on. */
export function slackOptionsFrom(config: Config): SlackOptions | undefined {
  if (!config.SLACK_BOT_TOKEN) return undefined;
  return {
    botToken: config.SLACK_BOT_TOKEN,
    appToken: config.SLACK_APP_TOKEN,
    signingSecret: config.SLACK_SIGNING_SECRET,
    apiUrl: config.SLACK_API_URL,
    adminUserIds: config.SLACK_ADMIN_USER_IDS,
    commandPrefix: config.SLACK_COMMAND_PREFIX ?? "",
  };
}

/** The Discord adapter's options, when the configuration turns it on (loadConfig checks each mode's variables). */
export function discordOptionsFrom(config: Config): DiscordOptions | undefined {
  const shared = { apiUrl: config.DISCORD_API_URL, adminRoleIds: config.DISCORD_ADMIN_ROLE_IDS, adminUserIds: config.DISCORD_ADMIN_USER_IDS };
  if (config.DISCORD_MODE === "http" && config.DISCORD_PUBLIC_KEY && config.DISCORD_APPLICATION_ID) {
    return { ...shared, mode: "http", publicKey: config.DISCORD_PUBLIC_KEY, applicationId: config.DISCORD_APPLICATION_ID, ...(config.DISCORD_TOKEN ? { token: config.DISCORD_TOKEN } : {}) };
  }
  if (config.DISCORD_MODE === "gateway" && config.DISCORD_TOKEN) return { ...shared, mode: "gateway", token: config.DISCORD_TOKEN };
  return undefined;
}

export async function createAdapters(config: Config, bot: Bot, logger: Logger): Promise<Adapter[]> {
  const adapters: Adapter[] = [];
  const slack = slackOptionsFrom(config);
  if (slack) adapters.push((await import("./slack/adapter.js")).createSlackAdapter(slack, bot, logger));
  const discord = discordOptionsFrom(config);
  if (discord) adapters.push((await import("./discord/index.js")).createDiscordAdapter(discord, bot, logger));
  return adapters.length ? adapters : [createConsoleAdapter(bot)];
}
