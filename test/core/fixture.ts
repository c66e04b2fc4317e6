// A real Bot on the default knowledge, and a one-line way to ask it things as the console user would.
import { Bot } from "../../src/core/bot.js";
import type { Answer, Request } from "../../src/core/protocol.js";

export const KNOWLEDGE_DIR = "knowledge";

/**
 * For tests that reload: a reload builds the knowledge in a worker thread, which under the test runner loads the
 * TypeScript sources through tsx first; on a 2-core machine busy with other work (two test runs at once) one reload
 * can take many seconds, so these tests wait longer than the default.
 */
export const RELOADS = { timeout: 120_000 };

export function defaultBot(): Promise<Bot> {
  return Bot.create({ knowledgeDir: KNOWLEDGE_DIR });
}

export function request(line: string, extra: Partial<Request> = {}): Request {
  return { text: line, user: { id: "tester", platform: "console", isAdmin: false }, ...extra };
}

/** Asks as a non-admin console user: "/speaker 고우찬" or a free question. */
export function ask(bot: Bot, line: string, extra: Partial<Request> = {}): Promise<Answer> {
  return bot.handle(request(line, extra));
}

/** Everything a user reads in an answer, for assertions that don't care where a word sits. */
export const readable = (a: Answer): string =>
  [a.title, a.body, ...a.fields.map((f) => `${f.name} ${f.value}`), ...a.citations.map((c) => c.quote)].join("\n");
