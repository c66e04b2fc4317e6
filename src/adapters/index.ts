// The adapters the configuration turns on. With none, main.ts opens the console chat.
import type { Logger } from "pino";
import type { Bot } from "../core/bot.js";
import { discordEnabled, slackEnabled, type Config } from "../config.js";
import type { Adapter } from "./adapter.js";
import { createDiscordAdapter } from "./discord/index.js";
import { createSlackAdapter } from "./slack/adapter.js";

export async function createAdapters(config: Config, bot: Bot, logger: Logger): Promise<Adapter[]> {
  const adapters: Adapter[] = [];
  if (slackEnabled(config)) adapters.push(createSlackAdapter(config, bot, logger));
  if (discordEnabled(config)) adapters.push(createDiscordAdapter(config, bot, logger));
  return adapters;
}
