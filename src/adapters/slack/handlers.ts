// Slack events → Requests for the core, Answers → Block Kit. Slash commands and buttons are acknowledged first
// (Slack gives 3 seconds) and answered through their response_url; mentions and DMs with chat.postMessage.
import { randomUUID } from "node:crypto";
import type { App, BlockAction, ButtonAction, webApi } from "@slack/bolt";
import type { Logger } from "pino";
import type { Bot } from "../../core/bot.js";
import type { Request, User } from "../../core/protocol.js";
import type { InFlight } from "../kit/in-flight.js";
import { RecentIds } from "../kit/recent-ids.js";
import { withRetries, type Verdict } from "../kit/retry.js";
import { decodeButtonValue, type ButtonRequest } from "./button-value.js";
import { unescapeSlackText } from "./mrkdwn.js";
import { slashCommandName, UMBRELLA_COMMAND } from "./names.js";
import { RATE_ACTION_PREFIX, renderAnswer, SHARE_ACTION_ID, SUGGEST_ACTION_PREFIX, type SlackMessage } from "./render.js";
import { postToResponseUrl } from "./response-url.js";

export interface SlackHandlerOptions {
  bot: Bot;
  logger: Logger;
  adminUserIds: ReadonlySet<string>;
  commandPrefix: string;
  /** The answers being worked on, so that stopping can wait for them. */
  inFlight: InFlight;
}

/** How long a Slack event's claim is kept (Slack retries within minutes), and how long claiming it may take. */
const CLAIM_TTL_MS = 60 * 60 * 1000;
const CLAIM_WAIT_MS = 2_000;

// Citations carry source URLs: their previews would bury the answer.
const NO_UNFURL = { unfurl_links: false, unfurl_media: false } as const;

/** What the asker sent, before the core parses it: a command with its line, a typed line, or a button's request;
 * and the channel it came from, when Slack says. */
type Asked = Pick<Request, "command" | "args" | "text" | "bareCommands" | "lang" | "channel">;

/** Slack's direct-message channel ids start with D. */
const isDirect = (channel: string | undefined): boolean => Boolean(channel?.startsWith("D"));

/** Where the answer to a slash command or a button click goes: its response_url, else the channel it came from. */
interface Reply {
  client: webApi.WebClient;
  responseUrl: string;
  channel: string | undefined;
}

/** A rate-limited Web API call (the client rejects it rather than wait) is retried within the delivery budget. */
const rateLimited = (error: unknown): Verdict => {
  const e = error as { code?: string; retryAfter?: number };
  return e.code === "slack_webapi_rate_limited_error" ? { retry: true, afterMs: (e.retryAfter ?? 1) * 1000 } : { retry: false };
};

/** A message posted with the Web API (needs chat:write): privately to `user`, or for everyone in the channel. */
async function postWithWebApi(client: webApi.WebClient, to: { channel: string; user: string; thread_ts?: string }, ephemeral: boolean, message: SlackMessage) {
  const { channel, user, thread_ts } = to;
  await withRetries(async () => {
    if (ephemeral) await client.chat.postEphemeral({ channel, user, thread_ts, ...message });
    else await client.chat.postMessage({ channel, thread_ts, ...NO_UNFURL, ...message });
  }, rateLimited);
}

export function registerHandlers(app: App, options: SlackHandlerOptions): void {
  const { bot, logger, adminUserIds } = options;
  const user = (id: string, name?: string): User => ({ id, platform: "slack", isAdmin: adminUserIds.has(id), ...(name ? { name } : {}) });

  const answer = (asked: Asked, asker: User, requestId: string | undefined) =>
    bot.handle({ ...asked, user: asker, requestId, ...(asked.channel ? { direct: isDirect(asked.channel) } : {}) });

  /**
   * Delivers through the response_url (with retries); when that fails for good, posts the message with the Web API
   * in the channel it came from instead, so the asker still gets the answer.
   */
  const deliver = async (reply: Reply, asker: User, requestId: string | undefined, ephemeral: boolean, message: SlackMessage) => {
    try {
      await postToResponseUrl(reply.responseUrl, { response_type: ephemeral ? "ephemeral" : "in_channel", replace_original: false, ...NO_UNFURL, ...message });
    } catch (error) {
      if (!reply.channel) throw error;
      logger.warn({ err: error, user: asker.id, channel: reply.channel, requestId }, "response_url failed: answering with the Web API instead");
      await postWithWebApi(reply.client, { channel: reply.channel, user: asker.id }, ephemeral, message);
    }
  };

  /**
   * A private answer to whoever asked, with a button to share it when it may be shared. Its request id is made here:
   * a trigger_id would be one, but it opens modals in the asker's name for a while, so it is never logged.
   */
  const respondPrivately = async (reply: Reply, asked: Asked, asker: User, requestId: string = randomUUID()) => {
    const a = await answer(asked, asker, requestId);
    const share: ButtonRequest | undefined = a.private ? undefined : { command: a.command, args: a.args, lang: a.lang };
    await deliver(reply, asker, requestId, true, renderAnswer(a, { share }));
  };

  const recent = new RecentIds();
  app.use(async ({ body, context, next }) => {
    const eventId = (body as { event_id?: unknown }).event_id;
    if (typeof eventId === "string" && !(recent.firstTime(eventId) && (await claimedHere(eventId)))) {
      logger.info({ eventId, retryNum: context.retryNum, retryReason: context.retryReason }, "retried Slack event ignored");
      return;
    }
    await next();
  });

  /**
   * Claims the event in the store, so that a retry landing on another replica is not answered again. A store that is
   * down or slow answers the event anyway (this process still ignores its own repeats): an answer twice beats none.
   */
  const claimedHere = async (eventId: string): Promise<boolean> => {
    const store = bot.store;
    if (!store) return true;
    const now = Date.now();
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${CLAIM_WAIT_MS} ms`)), CLAIM_WAIT_MS)));
    try {
      return await Promise.race([store.claimEvent(`slack:${eventId}`, new Date(now), new Date(now - CLAIM_TTL_MS)), late]);
    } catch (err) {
      logger.warn({ err, eventId, store: store.kind }, "Slack event not claimed in the store: answering it (other replicas may too)");
      return true;
    } finally {
      clearTimeout(timer);
    }
  };

  for (const module of bot.catalogue) {
    app.command(slashCommandName(module.spec.name, options.commandPrefix), async ({ command, ack, client }) => {
      await ack();
      const asked = { command: module.spec.name, text: unescapeSlackText(command.text), channel: command.channel_id };
      const reply = { client, responseUrl: command.response_url, channel: command.channel_id };
      await options.inFlight.track(respondPrivately(reply, asked, user(command.user_id, command.user_name)));
    });
  }

  app.command(`/${UMBRELLA_COMMAND}`, async ({ command, ack, client }) => {
    await ack();
    const text = unescapeSlackText(command.text).trim();
    const asked = { ...(text ? { text, bareCommands: true } : { command: "help" }), channel: command.channel_id };
    const reply = { client, responseUrl: command.response_url, channel: command.channel_id };
    await options.inFlight.track(respondPrivately(reply, asked, user(command.user_id, command.user_name)));
  });

  const readButton = (action: ButtonAction): ButtonRequest | undefined => {
    const clicked = decodeButtonValue(action.value);
    if (!clicked) logger.warn({ actionId: action.action_id }, "Slack button with an unreadable value ignored");
    return clicked;
  };

  const replyTo = (body: BlockAction, client: webApi.WebClient): Reply => ({ client, responseUrl: body.response_url, channel: body.channel?.id });

  // A suggestion and a 👍/👎 alike re-run the request the button carries, answered privately to whoever clicked.
  const buttons = new RegExp(`^(${SUGGEST_ACTION_PREFIX}\\d+|${RATE_ACTION_PREFIX}(up|down))$`);
  app.action<BlockAction<ButtonAction>>(buttons, async ({ action, body, ack, client }) => {
    await ack();
    const clicked = readButton(action);
    if (!clicked) return;
    const asked = { ...clicked, ...(body.channel?.id ? { channel: body.channel.id } : {}) };
    await options.inFlight.track(respondPrivately(replyTo(body, client), asked, user(body.user.id, body.user.name)));
  });

  app.action<BlockAction<ButtonAction>>(SHARE_ACTION_ID, async ({ action, body, ack, client }) => {
    await ack();
    const clicked = readButton(action);
    if (!clicked) return;
    const share = async () => {
      const sharer = user(body.user.id, body.user.name);
      const requestId = randomUUID();
      const a = await answer({ ...clicked, ...(body.channel?.id ? { channel: body.channel.id } : {}) }, sharer, requestId);
      // The answer is computed again for the sharer: one that has become private is still not published.
      await deliver(replyTo(body, client), sharer, requestId, a.private, renderAnswer(a));
    };
    await options.inFlight.track(share());
  });

  /** A mention or a DM: free text is a question (or a `/command` typed after the mention), answered where it was asked. */
  const answerConversation = async (client: webApi.WebClient, said: Said) => {
    // Follow-ups belong to the thread (a mention's, or a DM's), or to the DM itself: whichever replica gets them.
    const conversation = `slack:${said.channel}${said.thread_ts ? `:${said.thread_ts}` : ""}`;
    const a = await bot.handle({ text: unescapeSlackText(said.text), channel: said.channel, direct: isDirect(said.channel), conversation, user: user(said.user), requestId: said.eventId });
    await postWithWebApi(client, said, a.private && !said.dm, renderAnswer(a));
  };

  app.event("app_mention", async ({ event, client, body }) => {
    if (!event.user) return;
    const thread_ts = event.thread_ts ?? event.ts;
    const said = { text: event.text, user: event.user, channel: event.channel, thread_ts, dm: false, eventId: body.event_id };
    await options.inFlight.track(answerConversation(client, said));
  });

  app.event("message", async ({ event, client, body }) => {
    // Only people's own new messages in a DM: not edits, joins or other bots (our own are dropped by Bolt).
    if (event.subtype !== undefined || event.channel_type !== "im" || event.bot_id || !event.user) return;
    const said = { text: event.text ?? "", user: event.user, channel: event.channel, thread_ts: event.thread_ts, dm: true, eventId: body.event_id };
    await options.inFlight.track(answerConversation(client, said));
  });
}

/** What a person said in a channel (mentioning the bot) or in a DM. */
interface Said {
  text: string;
  user: string;
  channel: string;
  thread_ts?: string;
  dm: boolean;
  eventId: string;
}
