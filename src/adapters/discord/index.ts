// The Discord adapter the configuration asks for: the gateway client or the HTTP interactions endpoint.
import type { Logger } from "pino";
import type { Config } from "../../config.js";
import type { Bot } from "../../core/bot.js";
import type { Adapter } from "../adapter.js";
import { DiscordGatewayAdapter } from "./gateway.js";
import { DiscordHttpAdapter } from "./interactions.js";
import { DEFER_AFTER_MS, type DiscordContext } from "./translate.js";

export function createDiscordAdapter(config: Config, bot: Bot, logger: Logger): Adapter {
  const ctx: DiscordContext = {
    bot,
    logger: logger.child({ adapter: "discord" }),
    admins: { roleIds: config.DISCORD_ADMIN_ROLE_IDS, userIds: config.DISCORD_ADMIN_USER_IDS },
    deferAfterMs: DEFER_AFTER_MS,
  };
  if (config.DISCORD_MODE === "http") {
    // loadConfig refuses http mode without both, so these are present here.
    return new DiscordHttpAdapter(ctx, { publicKey: config.DISCORD_PUBLIC_KEY!, applicationId: config.DISCORD_APPLICATION_ID!, apiUrl: config.DISCORD_API_URL });
  }
  return new DiscordGatewayAdapter(ctx, config.DISCORD_TOKEN, config.DISCORD_API_URL);
}
