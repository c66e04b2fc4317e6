// Messages nobody asked for just now (session alerts): REST "create message" in a channel, or in the DM channel
// opened for a user. Needs the bot token (gateway mode has it; HTTP mode only when DISCORD_TOKEN is set too).
import { Routes, type REST } from "discord.js";
import type { PostTarget } from "../adapter.js";
import type { Answer } from "../../core/protocol.js";
import { withRetries } from "../kit/retry.js";
import { renderAnswer } from "./render.js";
import { rateLimited } from "./rest.js";

export async function postAnswer(rest: REST, target: PostTarget, answer: Answer): Promise<void> {
  const channel =
    target.kind === "user"
      ? ((await withRetries(() => rest.post(Routes.userChannels(), { body: { recipient_id: target.id } }), rateLimited)) as { id: string }).id
      : target.id;
  for (const body of renderAnswer(answer)) await withRetries(() => rest.post(Routes.channelMessages(channel), { body }), rateLimited);
}
