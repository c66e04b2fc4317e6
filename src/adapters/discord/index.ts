// The Discord adapter the configuration asks for: the gateway client or the HTTP interactions endpoint.
import type { Logger } from "pino";
import type { Bot } from "../../core/bot.js";
import type { Adapter } from "../adapter.js";
import { DiscordGatewayAdapter } from "./gateway.js";
import { DiscordHttpAdapter } from "./interactions.js";
import { DEFER_AFTER_MS, type DiscordContext } from "./translate.js";

/** What the Discord adapter needs from the configuration. */
export type DiscordOptions = {
  /** The REST base URL (tests point it at a local fake). */
  apiUrl?: string;
  adminRoleIds: readonly string[];
  adminUserIds: readonly string[];
} & ({ mode: "gateway"; token: string } | { mode: "http"; publicKey: string; applicationId: string; /** For alerts only. */ token?: string });

export function createDiscordAdapter(options: DiscordOptions, bot: Bot, logger: Logger): Adapter {
  const ctx: DiscordContext = {
    bot,
    logger: logger.child({ adapter: "discord" }),
    admins: { roleIds: options.adminRoleIds, userIds: options.adminUserIds },
    deferAfterMs: DEFER_AFTER_MS,
  };
  if (options.mode === "http") return new DiscordHttpAdapter(ctx, { publicKey: options.publicKey, applicationId: options.applicationId, apiUrl: options.apiUrl, token: options.token });
  return new DiscordGatewayAdapter(ctx, options.token, options.apiUrl);
}
