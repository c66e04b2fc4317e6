// Both HTTP endpoints on one in-process server, as a platform reaches them: Slack's receiver (real Bolt) and Discord's
// interactions endpoint, with the fake platforms behind them, for sending signed bodies of any shape.
import { Bot } from "../../src/core/bot.js";
import { DiscordHttpAdapter } from "../../src/adapters/discord/interactions.js";
import { slackOptionsFrom } from "../../src/adapters/index.js";
import { createSlackAdapter } from "../../src/adapters/slack/adapter.js";
import { loadConfig } from "../../src/config.js";
import type { Logger } from "pino";
import { startHttpServer, type HttpLimits } from "../../src/http.js";
import { createLogger } from "../../src/log.js";
import { signedHeaders } from "../slack/fake-slack.js";
import { startFakePlatforms } from "./fake-platforms.js";
import { DISCORD_APPLICATION_ID, discordKeys, SLACK_SIGNING_SECRET, type SignedRequest } from "./signed.js";

export async function startEndpoints(options: { limits?: Partial<HttpLimits>; logger?: Logger } = {}) {
  const fake = await startFakePlatforms();
  const keys = discordKeys();
  const logger = options.logger ?? createLogger("silent");
  const bot = await Bot.create({ knowledgeDir: "knowledge", logger, rateLimitPerMinute: 0 });
  const slack = createSlackAdapter(slackOptionsFrom(loadConfig({ SLACK_BOT_TOKEN: "xoxb-test", SLACK_SIGNING_SECRET, SLACK_API_URL: fake.slackApiUrl }))!, bot, logger);
  const discord = new DiscordHttpAdapter({ bot, logger, admins: { roleIds: [], userIds: [] }, deferAfterMs: 2_500 }, { publicKey: keys.publicKeyHex, applicationId: DISCORD_APPLICATION_ID, apiUrl: fake.discordApiUrl });
  const http = await startHttpServer([slack, discord], { port: 0, isReady: () => slack.ready() && discord.ready(), host: "127.0.0.1", logger, limits: options.limits });
  await Promise.all([slack.start(), discord.start()]);
  const base = `http://127.0.0.1:${http.port}`;
  return {
    port: http.port,
    fake,
    base,
    /** A Discord interaction of any shape, signed. */
    discord: (body: string): SignedRequest => keys.raw(body),
    /** A Slack body of any shape, signed, as JSON or as a form. */
    slack: (body: string, contentType = "application/json"): SignedRequest => ({ path: "/slack/events", headers: { "content-type": contentType, ...signedHeaders(SLACK_SIGNING_SECRET, body) }, body }),
    async send(request: SignedRequest): Promise<number> {
      const response = await fetch(base + request.path, { method: "POST", headers: request.headers, body: request.body, signal: AbortSignal.timeout(10_000) });
      await response.arrayBuffer();
      return response.status;
    },
    healthy: async () => (await fetch(`${base}/healthz`, { signal: AbortSignal.timeout(5_000) })).status === 200,
    async close() {
      await Promise.all([slack.stop(), discord.stop()]);
      await http.close();
      await fake.close();
    },
  };
}
