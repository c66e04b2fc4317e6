// HTTP interactions mode: Discord POSTs each interaction to /interactions on the shared HTTP server. No
// gateway and no shards, so any number of stateless processes can serve it behind one URL.
import type { IncomingMessage, ServerResponse } from "node:http";
import {
  ApplicationCommandType,
  InteractionResponseType,
  InteractionType,
  MessageFlags,
  PermissionFlagsBits,
  REST,
  Routes,
  type APIApplicationCommandInteractionDataBasicOption,
  type APIInteraction,
  type APIInteractionResponse,
} from "discord.js";
import type { Adapter, PostTarget, Route } from "../adapter.js";
import type { Answer } from "../../core/protocol.js";
import { postAnswer } from "./post.js";
import { InFlight } from "../kit/in-flight.js";
import { PRIVATE_OPTION } from "./commands.js";
import { interactionSchema } from "./payload.js";
import { rateLimited, REST_LIMITS } from "./rest.js";
import { withRetries } from "../kit/retry.js";
import type { DiscordMessage } from "./render.js";
import { answerMessages, apology, askedForButton, askedForCommand, commandArgs, completions, within, type Asked, type DiscordContext, type Identity } from "./translate.js";
import { discordPublicKey, verifyInteraction } from "./verify.js";

export interface InteractionsOptions {
  publicKey: string;
  applicationId: string;
  /** The REST base for follow-ups (DISCORD_API_URL), Discord's own when unset. */
  apiUrl?: string;
  /** The bot token (DISCORD_TOKEN), when set: only for posting alerts, which interactions cannot. */
  token?: string;
}

/** The response, and the follow-ups to send once Discord has it. */
interface Reply {
  body: APIInteractionResponse;
  afterwards?: () => Promise<void>;
}

/** Every interaction but PING carries the user's locale. */
const localeOf = (i: APIInteraction): string | undefined => ("locale" in i ? i.locale : undefined);

function identityOf(i: APIInteraction): Identity {
  const user = i.member?.user ?? i.user;
  const permissions = BigInt(i.member?.permissions ?? "0");
  return {
    userId: user?.id ?? "unknown",
    userName: user?.username,
    roleIds: i.member?.roles ?? [],
    canManageGuild: (permissions & (PermissionFlagsBits.ManageGuild | PermissionFlagsBits.Administrator)) !== 0n,
    locale: localeOf(i),
    requestId: i.id,
    ...channelOf(i),
  };
}

/** The channel an interaction came from, and whether it is a DM: an interaction outside a server has no guild_id. */
function channelOf(i: APIInteraction): Pick<Identity, "channelId" | "direct"> {
  const channelId = ("channel" in i ? i.channel?.id : undefined) ?? ("channel_id" in i ? i.channel_id : undefined);
  return { ...(channelId ? { channelId } : {}), direct: !("guild_id" in i && i.guild_id) };
}

function optionValues(options: readonly APIApplicationCommandInteractionDataBasicOption[] | undefined) {
  return (name: string) => options?.find((o) => o.name === name)?.value;
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
}

export class DiscordHttpAdapter implements Adapter {
  readonly name = "discord";
  readonly routes: Readonly<Record<string, Route>>;
  private readonly key;
  private readonly rest: REST;
  private readonly botRest: REST | undefined;
  private readonly inFlight = new InFlight();

  constructor(private readonly ctx: DiscordContext, private readonly options: InteractionsOptions) {
    this.key = discordPublicKey(options.publicKey);
    // Webhook routes authenticate by the interaction token in the path: no bot token is needed.
    this.rest = new REST({ ...REST_LIMITS, ...(options.apiUrl ? { api: options.apiUrl } : {}) });
    this.botRest = options.token ? new REST({ ...REST_LIMITS, ...(options.apiUrl ? { api: options.apiUrl } : {}) }).setToken(options.token) : undefined;
    this.routes = { "/interactions": (req, res, body) => void this.serve(req, res, body) };
  }

  async start(): Promise<void> {
    this.ctx.logger?.info({ platform: "discord", mode: "http", path: "/interactions" }, "discord interactions endpoint ready");
  }

  stop(graceMs?: number): Promise<number> {
    return this.inFlight.drain(graceMs);
  }

  ready(): boolean {
    return true;
  }

  /** Alerts need the bot token, which interactions alone do not: with DISCORD_TOKEN set too, they are posted. */
  async post(target: PostTarget, answer: Answer): Promise<void> {
    if (!this.botRest) throw new Error("DISCORD_TOKEN is not set: DISCORD_MODE=http cannot post alerts without the bot token");
    await postAnswer(this.botRest, target, answer);
  }

  private async serve(req: IncomingMessage, res: ServerResponse, raw: Buffer): Promise<void> {
    if (req.method !== "POST") return send(res, 405, { error: "POST only" });
    const signature = req.headers["x-signature-ed25519"];
    const timestamp = req.headers["x-signature-timestamp"];
    if (!verifyInteraction(this.key, String(signature ?? ""), String(timestamp ?? ""), raw, Math.floor(Date.now() / 1000))) {
      return send(res, 401, { error: "invalid request signature" });
    }
    let interaction: APIInteraction;
    try {
      interaction = interactionSchema.parse(JSON.parse(raw.toString("utf8"))) as unknown as APIInteraction;
    } catch (error) {
      this.ctx.logger?.warn({ platform: "discord", problem: error instanceof SyntaxError ? "not JSON" : "not an interaction this bot reads" }, "malformed discord interaction");
      return send(res, 400, { error: "malformed interaction" });
    }
    const reply = await this.reply(interaction).catch((error: unknown): Reply => {
      this.ctx.logger?.error({ err: error, platform: "discord", requestId: interaction.id }, "discord interaction failed");
      return { body: { type: InteractionResponseType.ChannelMessageWithSource, data: apology(localeOf(interaction)) } };
    });
    send(res, 200, reply.body);
    if (reply.afterwards) this.track(interaction, reply.afterwards);
  }

  private reply(i: APIInteraction): Promise<Reply> {
    switch (i.type) {
      case InteractionType.Ping:
        return Promise.resolve({ body: { type: InteractionResponseType.Pong } });
      case InteractionType.ApplicationCommandAutocomplete: {
        const options = (i.data.options ?? []) as (APIApplicationCommandInteractionDataBasicOption & { focused?: boolean })[];
        const focused = options.find((o) => o.focused);
        const choices = focused ? completions(this.ctx, i.data.name, focused.name, String(focused.value), identityOf(i)) : [];
        return Promise.resolve({ body: { type: InteractionResponseType.ApplicationCommandAutocompleteResult, data: { choices } } });
      }
      case InteractionType.ApplicationCommand: {
        if (i.data.type !== ApplicationCommandType.ChatInput) return Promise.resolve(this.unsupported(i));
        const value = optionValues(i.data.options as APIApplicationCommandInteractionDataBasicOption[] | undefined);
        const args = commandArgs(this.ctx.bot, i.data.name, (o) => {
          const v = value(o);
          return typeof v === "string" ? v : undefined;
        });
        return this.answer(i, askedForCommand(this.ctx.bot, i.data.name, args, value(PRIVATE_OPTION) === true, identityOf(i)));
      }
      case InteractionType.MessageComponent:
        return this.answer(i, askedForButton(this.ctx.bot, i.data.custom_id, identityOf(i), ((i.message.flags ?? 0) & MessageFlags.Ephemeral) !== 0));
      default:
        return Promise.resolve(this.unsupported(i));
    }
  }

  /** Context-menu commands and modals: this bot registers none, so they can only be stale. */
  private unsupported(i: APIInteraction): Reply {
    this.ctx.logger?.warn({ platform: "discord", type: i.type, requestId: i.id }, "unsupported discord interaction");
    return { body: { type: InteractionResponseType.ChannelMessageWithSource, data: apology(localeOf(i)) } };
  }

  /** Type 4 when the answer is ready in time; else type 5 now and the answer as an edit of it later. */
  private async answer(i: APIInteraction, asked: Asked): Promise<Reply> {
    const pending = answerMessages(this.ctx, asked);
    const quick = await within(pending, this.ctx.deferAfterMs);
    if (quick) {
      const [first, ...rest] = quick.value;
      return { body: { type: InteractionResponseType.ChannelMessageWithSource, data: first }, afterwards: () => this.followUps(i, rest) };
    }
    return {
      body: { type: InteractionResponseType.DeferredChannelMessageWithSource, data: asked.ephemeral ? { flags: MessageFlags.Ephemeral } : {} },
      afterwards: async () => {
        const [first, ...rest] = await pending;
        const { flags: _fixedAtDeferral, ...edit } = first;
        await withRetries(() => this.rest.patch(Routes.webhookMessage(this.options.applicationId, i.token), { body: edit, auth: false }), rateLimited);
        await this.followUps(i, rest);
      },
    };
  }

  private async followUps(i: APIInteraction, messages: DiscordMessage[]): Promise<void> {
    for (const body of messages) await withRetries(() => this.rest.post(Routes.webhook(this.options.applicationId, i.token), { body, auth: false }), rateLimited);
  }

  private track(i: APIInteraction, work: () => Promise<void>): void {
    void this.inFlight.track(
      work().catch(async (error: unknown) => {
        this.ctx.logger?.error({ err: error, platform: "discord", requestId: i.id }, "discord follow-up failed");
        await this.followUps(i, [apology(localeOf(i))]).catch(() => undefined);
      }),
    );
  }
}
