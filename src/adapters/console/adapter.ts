// The console adapter (Hubot's shell): a chat in the terminal, readline in, text out; piped stdin works too.
// The person at the console runs the bot: an admin, and trusted (no rate limit).
import { createInterface } from "node:readline";
import type { Bot } from "../../core/bot.js";
import type { User } from "../../core/protocol.js";
import type { Adapter } from "../adapter.js";
import { renderText } from "./render.js";

export const CONSOLE_USER: User = { id: "console", platform: "console", isAdmin: true, trusted: true, name: "console" };

export interface ConsoleIo {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
}

export function createConsoleAdapter(bot: Bot, io: ConsoleIo = { input: process.stdin, output: process.stdout }): Adapter {
  let closed = false;
  let done!: () => void;
  const finished = new Promise<void>((resolve) => (done = resolve));
  return {
    name: "console",
    finished,
    ready: () => !closed,
    async start() {
      const interactive = Boolean((io.input as NodeJS.ReadStream).isTTY);
      const rl = createInterface({ input: io.input, output: io.output, terminal: interactive });
      const say = (text: string) => io.output.write(text + "\n");
      const about = [...bot.snapshot.knowledge.events.values()].map((e) => e.name.en).join(", ") || "EventDesk";
      say(`EventDesk — ${about} (knowledge ${bot.snapshot.version}). /help for commands, /quit to leave.`);
      // A prompt only for a person at a terminal: piped input gets answers alone, not "> " run into them.
      const prompt = () => interactive && rl.prompt();
      prompt();
      // Lines are answered one at a time, in order, even when piped in faster than they are answered.
      let queue = Promise.resolve();
      rl.on("line", (line) => {
        queue = queue.then(async () => {
          const text = line.trim();
          if (!text) return;
          if (text === "/quit" || text === "/exit") return void rl.close();
          say(renderText(await bot.handle({ text, user: CONSOLE_USER, conversation: "console" })) + "\n");
          prompt();
        });
      });
      rl.on("close", () => {
        closed = true;
        void queue.then(done);
      });
    },
    async post(target, answer) {
      io.output.write(`[${target.kind === "user" ? "DM" : "channel"} ${target.id}] ${renderText(answer)}\n\n`);
    },
    async stop() {
      await finished;
      return 0;
    },
  };
}
