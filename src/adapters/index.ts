// The adapters the configuration turns on. With none, main.ts opens the console chat.
import type { Logger } from "pino";
import type { Bot } from "../core/bot.js";
import type { Config } from "../config.js";
import type { Adapter } from "./adapter.js";

export async function createAdapters(config: Config, bot: Bot, logger: Logger): Promise<Adapter[]> {
  const adapters: Adapter[] = [];
  void config;
  void bot;
  void logger;
  return adapters;
}
