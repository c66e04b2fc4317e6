// Gateway mode: a discord.js client that receives interactions and mentions over the WebSocket.
// Intents: Guilds for slash commands, GuildMessages and DirectMessages for mentions and DMs (a message that
// mentions the bot carries its content without the privileged MessageContent intent).
import { Client, Events, GatewayIntentBits, Partials, type Interaction, type Message } from "discord.js";
import { ConfigError, explain } from "../../config.js";
import type { Adapter, PostTarget } from "../adapter.js";
import type { Answer } from "../../core/protocol.js";
import { postAnswer } from "./post.js";
import { InFlight } from "../kit/in-flight.js";
import { handleInteraction, handleMessage } from "./gateway-handlers.js";
import { REST_LIMITS } from "./rest.js";
import type { DiscordContext } from "./translate.js";

/** A failed login as a message: a rejected token is a ConfigError (the start-up ends); Discord out of reach is a
 * plain Error naming where it was looked for (the start is tried again), never a stack trace. */
export function tokenError(error: unknown, apiUrl: string | undefined): Error {
  const e = error as { code?: string; message?: string; cause?: { code?: string } };
  if (e.code === "TokenInvalid") return new ConfigError([explain("DISCORD_TOKEN", "Discord rejected the bot token")]);
  const where = apiUrl ? `DISCORD_API_URL ${apiUrl}` : "Discord's API";
  return new Error(`${where} could not be reached to log in with DISCORD_TOKEN: ${e.cause?.code ?? e.code ?? e.message ?? String(error)}`);
}

export class DiscordGatewayAdapter implements Adapter {
  readonly name = "discord";
  private readonly client: Client;
  private readonly inFlight = new InFlight();

  constructor(private readonly ctx: DiscordContext, private readonly token: string | undefined, private readonly apiUrl?: string) {
    this.client = new Client({
      intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages],
      // DM channels are not cached until used: without this partial, DMs never arrive.
      partials: [Partials.Channel],
      allowedMentions: { parse: [], repliedUser: false },
      rest: { ...REST_LIMITS, ...(apiUrl ? { api: apiUrl } : {}) },
    });
    this.client.on(Events.InteractionCreate, (i: Interaction) => void this.inFlight.track(handleInteraction(ctx, i)));
    this.client.on(Events.MessageCreate, (m: Message) => void this.inFlight.track(handleMessage(ctx, m, this.client.user?.id ?? "")));
    this.client.on(Events.Error, (err) => ctx.logger?.error({ err, platform: "discord" }, "discord client error"));
  }

  async start(): Promise<void> {
    try {
      await this.client.login(this.token);
    } catch (error) {
      // A client whose login failed is left as new, so that the next attempt can log in.
      await this.client.destroy();
      throw tokenError(error, this.apiUrl);
    }
    this.ctx.logger?.info({ platform: "discord", mode: "gateway", user: this.client.user?.tag }, "discord connected");
  }

  async stop(graceMs?: number): Promise<number> {
    const unfinished = await this.inFlight.drain(graceMs);
    await this.client.destroy();
    return unfinished;
  }

  ready(): boolean {
    return this.client.isReady();
  }

  post(target: PostTarget, answer: Answer): Promise<void> {
    return postAnswer(this.client.rest, target, answer);
  }
}
