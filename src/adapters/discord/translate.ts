// What both Discord modes share: an interaction, once its platform shape is read, becomes a Request;
// the Answer becomes messages. The gateway and the HTTP endpoint differ only in how they read and deliver.
import type { Logger } from "pino";
import type { Bot } from "../../core/bot.js";
import type { Choice } from "../../core/commands/command.js";
import type { Answer, Request, User } from "../../core/protocol.js";
import { parseSuggestionId } from "./custom-id.js";
import { DISCORD_LIMITS } from "./limits.js";
import { notice, renderAnswer, type DiscordMessage } from "./render.js";

export interface AdminLists {
  roleIds: readonly string[];
  userIds: readonly string[];
}

export interface DiscordContext {
  bot: Bot;
  logger?: Logger;
  admins: AdminLists;
  /** How long to wait for an answer before deferring (Discord allows 3 s); 0 always defers. */
  deferAfterMs: number;
}

/** Who asked, read from either platform shape. */
export interface Identity {
  userId: string;
  userName?: string;
  roleIds: readonly string[];
  /** The member holds Manage Server in this channel. */
  canManageGuild: boolean;
  locale?: string;
  /** The interaction or message id, for log lines. */
  requestId?: string;
  /** The channel it came from, when Discord says; `direct` when that is a DM (no server). */
  channelId?: string;
  direct?: boolean;
}

/** What to ask the core: a slash command or a clicked suggestion (`command`, `args`), or a mention's `text`. */
export interface Asked extends Pick<Request, "command" | "args" | "text"> {
  ephemeral: boolean;
  identity: Identity;
}

export const DEFER_AFTER_MS = 2_500;

export function isAdmin(identity: Identity, admins: AdminLists): boolean {
  return identity.canManageGuild || admins.userIds.includes(identity.userId) || identity.roleIds.some((r) => admins.roleIds.includes(r));
}

function userOf(ctx: DiscordContext, identity: Identity): User {
  return { id: identity.userId, platform: "discord", isAdmin: isAdmin(identity, ctx.admins), name: identity.userName };
}

/** A slash command's arguments: each option the catalogue declares, read by name. */
export function commandArgs(bot: Bot, command: string, read: (option: string) => string | null | undefined): Record<string, string | undefined> {
  const options = bot.command(command)?.spec.options ?? [];
  return Object.fromEntries(options.map((o) => [o.name, read(o.name) ?? undefined]));
}

/** Admin commands and those about the bot itself (a rating) always answer privately, so they are private from the
 * first response: a deferred reply's visibility cannot be changed by the edit that brings the answer. */
const alwaysPrivate = (bot: Bot, command: string): boolean => {
  const spec = bot.command(command)?.spec;
  return Boolean(spec?.admin || spec?.meta);
};

/** A slash command. */
export function askedForCommand(bot: Bot, command: string, args: Asked["args"], privateOption: boolean, identity: Identity): Asked {
  return { command, args, ephemeral: privateOption || alwaysPrivate(bot, command), identity };
}

/** A clicked suggestion (or 👍/👎) runs its command; an id from elsewhere gets help. */
export function askedForButton(bot: Bot, customId: string, identity: Identity, ephemeral: boolean): Asked {
  const parsed = parseSuggestionId(customId);
  const command = parsed?.command ?? "help";
  return { command, args: parsed?.args ?? {}, ephemeral: ephemeral || alwaysPrivate(bot, command), identity };
}

export function answerOf(ctx: DiscordContext, asked: Asked): Promise<Answer> {
  const { command, args, text, identity } = asked;
  const where = identity.channelId ? { channel: identity.channelId } : {};
  return ctx.bot.handle({ command, args, text, user: userOf(ctx, identity), locale: identity.locale, requestId: identity.requestId, ...where, direct: identity.direct ?? false });
}

export async function answerMessages(ctx: DiscordContext, asked: Asked): Promise<DiscordMessage[]> {
  return renderAnswer(await answerOf(ctx, asked), asked.ephemeral);
}

export function completions(ctx: DiscordContext, command: string, option: string, typed: string, identity: Identity): Choice[] {
  // Discord rejects a choice over 100 characters, and the whole response with it.
  const cut = (text: string) => text.slice(0, DISCORD_LIMITS.choiceText);
  return ctx.bot.autocomplete(command, option, typed, identity.locale).slice(0, DISCORD_LIMITS.choices).map((c) => ({ name: cut(c.name), value: cut(c.value) }));
}

export function apology(locale: string | undefined): DiscordMessage {
  return notice(
    locale?.toLowerCase().startsWith("ko")
      ? "죄송합니다. 답을 보내는 중에 문제가 생겼습니다. 잠시 후 다시 시도해 주세요."
      : "Sorry, something went wrong while answering. Please try again in a moment.",
  );
}

/** The promise's value if it settles within `ms`, else undefined (the caller defers and keeps waiting). */
export async function within<T>(promise: Promise<T>, ms: number): Promise<{ value: T } | undefined> {
  if (ms <= 0) return undefined;
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<undefined>((resolve) => (timer = setTimeout(resolve, ms, undefined)));
  try {
    return await Promise.race([promise.then((value) => ({ value })), late]);
  } finally {
    clearTimeout(timer);
  }
}
