// The gateway's event handlers, typed by the parts of discord.js's interactions and messages they use,
// so tests drive them with plain objects of the same shape.
import { MessageFlags, PermissionFlagsBits } from "discord.js";
import { PRIVATE_OPTION } from "./commands.js";
import { notice, renderAnswer, type DiscordMessage } from "./render.js";
import { answerMessages, answerOf, apology, askedForButton, askedForCommand, commandArgs, completions, within, type Asked, type DiscordContext, type Identity } from "./translate.js";

/** What discord.js takes for editReply and message.reply: its camelCase allowedMentions, not the API's key. */
export interface EditOptions {
  content?: string;
  embeds?: DiscordMessage["embeds"];
  components?: DiscordMessage["components"];
  allowedMentions: { parse: []; repliedUser: false };
}

/** A first response or follow-up, which alone can be ephemeral. */
export interface ReplyOptions extends EditOptions {
  flags?: MessageFlags.Ephemeral;
}

interface Permissions {
  has(permission: bigint): boolean;
}

/** A guild member as discord.js hands it over: cached (a role manager) or raw (an id list). */
type MemberRoles = { roles: readonly string[] | { cache: { keys(): Iterable<string> } } } | null;

interface InteractionBase {
  id: string;
  locale: string;
  /** Where it came from; no guild is a DM. */
  channelId?: string | null;
  guildId?: string | null;
  user: { id: string; username: string };
  memberPermissions: Permissions | null;
  member: MemberRoles;
}

interface Replying {
  replied: boolean;
  deferred: boolean;
  reply(options: ReplyOptions): Promise<unknown>;
  deferReply(options: { flags?: MessageFlags.Ephemeral }): Promise<unknown>;
  editReply(options: EditOptions): Promise<unknown>;
  followUp(options: ReplyOptions): Promise<unknown>;
}

export interface CommandInteractionLike extends InteractionBase, Replying {
  commandName: string;
  options: { getString(name: string): string | null; getBoolean(name: string): boolean | null };
}

export interface AutocompleteInteractionLike extends InteractionBase {
  commandName: string;
  options: { getFocused(full: true): { name: string; value: string } };
  respond(choices: { name: string; value: string }[]): Promise<unknown>;
}

export interface ButtonInteractionLike extends InteractionBase, Replying {
  customId: string;
  message: { flags: { has(flag: number): boolean } };
}

export interface InteractionLike extends InteractionBase {
  isChatInputCommand(): this is CommandInteractionLike;
  isAutocomplete(): this is AutocompleteInteractionLike;
  isButton(): this is ButtonInteractionLike;
}

export interface MessageLike {
  id: string;
  content: string;
  guildId: string | null;
  channelId?: string;
  author: { id: string; username: string; bot: boolean; send(options: EditOptions): Promise<unknown> };
  mentions: { users: { has(id: string): boolean } };
  member: ({ permissions: Permissions } & NonNullable<MemberRoles>) | null;
  reply(options: EditOptions): Promise<unknown>;
}

export function toEditOptions(m: DiscordMessage): EditOptions {
  return {
    ...(m.content ? { content: m.content } : {}),
    ...(m.embeds ? { embeds: m.embeds } : {}),
    ...(m.components ? { components: m.components } : {}),
    allowedMentions: { parse: [], repliedUser: false },
  };
}

export function toReplyOptions(m: DiscordMessage): ReplyOptions {
  return { ...toEditOptions(m), ...(m.flags ? { flags: m.flags } : {}) };
}

function roleIds(member: MemberRoles): string[] {
  if (!member) return [];
  return "cache" in member.roles ? [...member.roles.cache.keys()] : [...member.roles];
}

export function identityOf(i: InteractionBase): Identity {
  return {
    userId: i.user.id,
    userName: i.user.username,
    roleIds: roleIds(i.member),
    canManageGuild: i.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ?? false,
    locale: i.locale,
    requestId: i.id,
    ...(i.channelId ? { channelId: i.channelId } : {}),
    direct: !i.guildId,
  };
}

/** Replies in time: at once when the answer is quick, else defers first and edits the reply. */
async function deliver(ctx: DiscordContext, interaction: Replying, asked: Asked): Promise<void> {
  const pending = answerMessages(ctx, asked);
  const quick = await within(pending, ctx.deferAfterMs);
  if (!quick) await interaction.deferReply(asked.ephemeral ? { flags: MessageFlags.Ephemeral } : {});
  const [first, ...rest] = quick ? quick.value : await pending;
  // Ephemeral is fixed by the first response; an edit cannot change it.
  await (quick ? interaction.reply(toReplyOptions(first)) : interaction.editReply(toEditOptions(first)));
  for (const m of rest) await interaction.followUp(toReplyOptions(m));
}

async function apologize(ctx: DiscordContext, interaction: Replying & InteractionBase, error: unknown): Promise<void> {
  ctx.logger?.error({ err: error, platform: "discord", requestId: interaction.id }, "discord interaction failed");
  const options = toReplyOptions(apology(interaction.locale));
  await (interaction.replied || interaction.deferred ? interaction.followUp(options) : interaction.reply(options)).catch((e: unknown) =>
    ctx.logger?.error({ err: e, requestId: interaction.id }, "discord apology failed"),
  );
}

export async function handleInteraction(ctx: DiscordContext, interaction: InteractionLike): Promise<void> {
  if (interaction.isAutocomplete()) {
    const focused = interaction.options.getFocused(true);
    const choices = completions(ctx, interaction.commandName, focused.name, focused.value, identityOf(interaction));
    await interaction.respond(choices).catch((e: unknown) => ctx.logger?.warn({ err: e, requestId: interaction.id }, "autocomplete not delivered"));
    return;
  }
  if (interaction.isChatInputCommand()) {
    await answerInteraction(ctx, interaction, () =>
      askedForCommand(
        ctx.bot,
        interaction.commandName,
        commandArgs(ctx.bot, interaction.commandName, (o) => interaction.options.getString(o)),
        interaction.options.getBoolean(PRIVATE_OPTION) ?? false,
        identityOf(interaction),
      ),
    );
  } else if (interaction.isButton()) {
    await answerInteraction(ctx, interaction, () =>
      askedForButton(ctx.bot, interaction.customId, identityOf(interaction), interaction.message.flags.has(MessageFlags.Ephemeral)),
    );
  }
}

/** Reading the interaction is inside the guard too: whatever fails, the user gets an apology. */
async function answerInteraction(ctx: DiscordContext, interaction: Replying & InteractionBase, read: () => Asked): Promise<void> {
  try {
    await deliver(ctx, interaction, read());
  } catch (error) {
    await apologize(ctx, interaction, error);
  }
}

/**
 * A message that mentions the bot (or any DM) is a question, answered in reply. A private answer (an admin's reload
 * summary, a refusal, a slow-down) never goes to the channel: it goes to the asker's DMs, and the channel gets only a
 * pointer to it, or word that the DM could not be sent.
 */
export async function handleMessage(ctx: DiscordContext, message: MessageLike, botUserId: string): Promise<void> {
  if (message.author.bot || (message.guildId && !message.mentions.users.has(botUserId))) return;
  const identity: Identity = {
    userId: message.author.id,
    userName: message.author.username,
    roleIds: roleIds(message.member),
    canManageGuild: message.member?.permissions.has(PermissionFlagsBits.ManageGuild) ?? false,
    requestId: message.id,
    ...(message.channelId ? { channelId: message.channelId } : {}),
    direct: !message.guildId,
  };
  try {
    const answer = await answerOf(ctx, { text: message.content, ephemeral: false, identity });
    const messages = renderAnswer(answer).map(toEditOptions);
    if (!answer.private || !message.guildId) {
      for (const m of messages) await message.reply(m);
      return;
    }
    const sent = await (async () => {
      for (const m of messages) await message.author.send(m);
    })().then(
      () => true,
      (error: unknown) => (ctx.logger?.warn({ err: error, platform: "discord", requestId: message.id }, "private answer could not be sent as a DM"), false),
    );
    await message.reply(toEditOptions(notice(sent ? sentPrivately[answer.lang] : notDelivered[answer.lang])));
  } catch (error) {
    ctx.logger?.error({ err: error, platform: "discord", requestId: message.id }, "discord mention not answered");
  }
}

const sentPrivately = { ko: "답은 DM으로 보냈습니다.", en: "I've sent you the answer in a DM." };
const notDelivered = {
  ko: "이 답은 본인만 볼 수 있는데 DM을 보낼 수 없었습니다. DM을 허용하거나 슬래시 명령으로 물어봐 주세요.",
  en: "This answer is for you alone, and I could not DM you. Allow DMs from this server, or ask with a slash command.",
};
