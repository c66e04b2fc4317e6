// Slack events → Requests for the core, Answers → Block Kit. Slash commands and buttons are acknowledged first
// (Slack gives 3 seconds) and answered through respond(); mentions and DMs are answered with chat.postMessage.
import type { App, BlockAction, ButtonAction, RespondFn, webApi } from "@slack/bolt";
import type { Logger } from "pino";
import type { Answer, Request, User } from "../../core/answer.js";
import type { Bot } from "../../core/bot.js";
import { argsFor, parseLine } from "../../core/parse.js";
import { decodeButtonValue, type ButtonRequest } from "./button-value.js";
import { unescapeSlackText } from "./mrkdwn.js";
import { slashCommandName, UMBRELLA_COMMAND } from "./names.js";
import { RecentIds } from "./recent-ids.js";
import { renderAnswer, SHARE_ACTION_ID, SUGGEST_ACTION_PREFIX } from "./render.js";

export interface SlackHandlerOptions {
  bot: Bot;
  logger: Logger;
  adminUserIds: ReadonlySet<string>;
  commandPrefix: string;
  /** Wraps the work of one answer, so that stopping can wait for the answers in flight. */
  track(work: Promise<void>): Promise<void>;
}

// Citations carry source URLs: their previews would bury the answer.
const NO_UNFURL = { unfurl_links: false, unfurl_media: false } as const;

type Parsed = Pick<Request, "command" | "args">;

/** The bot's own mention (`<@U123>` or `<@U123|eventdesk>`) is how the message was addressed, not the question. */
export function stripBotMention(text: string, botUserId: string | undefined): string {
  const mention = botUserId ? new RegExp(`<@${botUserId}(\\|[^>]*)?>`, "g") : /^\s*<@[UW][A-Z0-9]+(\|[^>]*)?>/;
  return text.replace(mention, " ").trim();
}

export function registerHandlers(app: App, options: SlackHandlerOptions): void {
  const { bot, logger, adminUserIds } = options;
  const user = (id: string, name?: string): User => ({ id, platform: "slack", isAdmin: adminUserIds.has(id), ...(name ? { name } : {}) });

  const answer = (parsed: Parsed, asker: User, requestId: string | undefined, lang?: Request["lang"]): Promise<Answer> => {
    if (bot.command(parsed.command)?.spec.admin && !asker.isAdmin) {
      logger.warn({ user: asker.id, command: parsed.command, requestId }, "admin command refused: user not in SLACK_ADMIN_USER_IDS");
    }
    return bot.handle({ ...parsed, user: asker, requestId, ...(lang ? { lang } : {}) });
  };

  /** A private answer to whoever asked, with a button to share it when it may be shared. */
  const respondPrivately = async (respond: RespondFn, parsed: Parsed, asker: User, requestId: string | undefined, lang?: Request["lang"]) => {
    const a = await answer(parsed, asker, requestId, lang);
    const share: ButtonRequest | undefined = a.private ? undefined : { command: parsed.command, args: definedArgs(parsed.args), lang: a.lang };
    await respond({ response_type: "ephemeral", replace_original: false, ...NO_UNFURL, ...renderAnswer(a, { share }) });
  };

  const recent = new RecentIds();
  app.use(async ({ body, context, next }) => {
    const eventId = (body as { event_id?: unknown }).event_id;
    if (typeof eventId === "string" && !recent.firstTime(eventId)) {
      logger.info({ eventId, retryNum: context.retryNum, retryReason: context.retryReason }, "retried Slack event ignored");
      return;
    }
    await next();
  });

  for (const module of bot.catalogue) {
    app.command(slashCommandName(module.spec.name, options.commandPrefix), async ({ command, ack, respond }) => {
      await ack();
      const parsed = { command: module.spec.name, args: argsFor(module, unescapeSlackText(command.text).trim()) };
      await options.track(respondPrivately(respond, parsed, user(command.user_id, command.user_name), command.trigger_id));
    });
  }

  app.command(`/${UMBRELLA_COMMAND}`, async ({ command, ack, respond }) => {
    await ack();
    const text = unescapeSlackText(command.text).trim();
    const parsed = text ? parseLine(text, bot.catalogue, false) : { command: "help", args: {} };
    await options.track(respondPrivately(respond, parsed, user(command.user_id, command.user_name), command.trigger_id));
  });

  const readButton = (action: ButtonAction): ButtonRequest | undefined => {
    const clicked = decodeButtonValue(action.value);
    if (!clicked) logger.warn({ actionId: action.action_id }, "Slack button with an unreadable value ignored");
    return clicked;
  };

  app.action<BlockAction<ButtonAction>>(new RegExp(`^${SUGGEST_ACTION_PREFIX}\\d+$`), async ({ action, body, ack, respond }) => {
    await ack();
    const clicked = readButton(action);
    if (!clicked) return;
    await options.track(respondPrivately(respond, clicked, user(body.user.id, body.user.name), body.trigger_id, clicked.lang));
  });

  app.action<BlockAction<ButtonAction>>(SHARE_ACTION_ID, async ({ action, body, ack, respond }) => {
    await ack();
    const clicked = readButton(action);
    if (!clicked) return;
    const share = async () => {
      const a = await answer(clicked, user(body.user.id, body.user.name), body.trigger_id, clicked.lang);
      // The answer is computed again for the sharer: one that has become private is still not published.
      await respond({ response_type: a.private ? "ephemeral" : "in_channel", replace_original: false, ...NO_UNFURL, ...renderAnswer(a) });
    };
    await options.track(share());
  });

  /** A mention or a DM: free text is a question (or a `/command` typed after the mention), answered where it was asked. */
  const answerConversation = async (client: webApi.WebClient, said: Said) => {
    const question = unescapeSlackText(stripBotMention(said.text, said.botUserId));
    const parsed = question ? parseLine(question, bot.catalogue) : { command: "help", args: {} };
    const a = await answer(parsed, user(said.user), said.eventId);
    const message = renderAnswer(a);
    const { channel, thread_ts } = said;
    if (a.private && !said.dm) await client.chat.postEphemeral({ channel, user: said.user, thread_ts, ...message });
    else await client.chat.postMessage({ channel, thread_ts, ...NO_UNFURL, ...message });
  };

  app.event("app_mention", async ({ event, context, client, body }) => {
    if (!event.user) return;
    const thread_ts = event.thread_ts ?? event.ts;
    const said = { text: event.text, user: event.user, channel: event.channel, thread_ts, dm: false, eventId: body.event_id, botUserId: context.botUserId };
    await options.track(answerConversation(client, said));
  });

  app.event("message", async ({ event, context, client, body }) => {
    // Only people's own new messages in a DM: not edits, joins or other bots (our own are dropped by Bolt).
    if (event.subtype !== undefined || event.channel_type !== "im" || event.bot_id || !event.user) return;
    const said = { text: event.text ?? "", user: event.user, channel: event.channel, thread_ts: event.thread_ts, dm: true, eventId: body.event_id, botUserId: context.botUserId };
    await options.track(answerConversation(client, said));
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
  botUserId?: string;
}

const definedArgs = (args: Request["args"]): Record<string, string> =>
  Object.fromEntries(Object.entries(args).filter((e): e is [string, string] => typeof e[1] === "string"));
