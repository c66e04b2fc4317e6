// The console adapter: a chat in the terminal (readline; piped stdin works too). The console user is an admin.
import { createInterface } from "node:readline";
import type { Bot } from "../../core/bot.js";
import type { Request } from "../../core/answer.js";
import { parseLine } from "../../core/parse.js";
import { renderText } from "./render.js";

export const CONSOLE_USER = { id: "console", platform: "console", isAdmin: true, name: "console" } as const;

/** Runs the chat until stdin ends or the user types /quit; resolves when it has closed. */
export function runChat(bot: Bot, input: NodeJS.ReadableStream = process.stdin, output: NodeJS.WritableStream = process.stdout): Promise<void> {
  const interactive = Boolean((input as NodeJS.ReadStream).isTTY);
  const rl = createInterface({ input, output, terminal: interactive });
  const say = (text: string) => output.write(text + "\n");
  say(`EventDesk — if (kakao) dev 2022 · 1015 (knowledge ${bot.snapshot.version}). /help for commands, /quit to leave.`);
  if (interactive) rl.setPrompt("> ");
  rl.prompt();
  // Lines are answered one at a time, in order, even when piped in faster than they are answered.
  let queue = Promise.resolve();
  rl.on("line", (line) => {
    queue = queue.then(async () => {
      const text = line.trim();
      if (!text) return;
      if (text === "/quit" || text === "/exit") return void rl.close();
      const { command, args } = parseLine(text, bot.catalogue);
      const request: Request = { command, args, user: { ...CONSOLE_USER } };
      say(renderText(await bot.handle(request)) + "\n");
      rl.prompt();
    });
  });
  return new Promise((resolve) => rl.on("close", () => void queue.then(resolve)));
}
