// `npm run ask -- "question or /command args"`, with --json for one JSON object, --jsonl for one per
// stdin line. Exit 0 whether or not the bot answered; non-zero only when it cannot work.
import "dotenv/config";
import { createInterface } from "node:readline";
import { Bot, KnowledgeError } from "../../core/bot.js";
import { botOptions, ConfigError, loadConfig } from "../../config.js";
import { createLogger } from "../../log.js";
import { CONSOLE_USER } from "./adapter.js";
import { renderJson, renderText } from "./render.js";

const USAGE = `usage: npm run ask -- [--json] "question or /command args"
       npm run ask -- --jsonl < questions.txt   (one question per line → one JSON object per line)`;

const FLAGS = ["--json", "--jsonl"];

async function main(argv: string[]): Promise<number> {
  const json = argv.includes("--json");
  const jsonl = argv.includes("--jsonl");
  // A mistyped flag must not become part of the question, nor be dropped unseen.
  const unknown = argv.filter((a) => a.startsWith("--") && !FLAGS.includes(a));
  const text = argv.filter((a) => !a.startsWith("--")).join(" ").trim();
  if (unknown.length || (!jsonl && !text)) {
    process.stderr.write(`${unknown.length ? `unknown option ${unknown.join(" ")}\n` : ""}${USAGE}\n`);
    return 2;
  }
  const config = loadConfig();
  const bot = await Bot.create({ ...botOptions(config), logger: createLogger(config.LOG_LEVEL ?? "warn") });
  const answer = (text: string, conversation?: string) => bot.handle({ text, user: CONSOLE_USER, ...(conversation ? { conversation } : {}) });
  if (!jsonl) {
    const a = await answer(text);
    process.stdout.write((json ? JSON.stringify(renderJson(a)) : renderText(a)) + "\n");
    return 0;
  }
  // Every input line gets exactly one output line, in order, written as soon as it is answered.
  // A line that is a JSON object {"q": …, "conversation": …} joins that conversation; any other line stands alone.
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    const asked = conversationLine(line);
    const a = await answer(asked.q, asked.conversation);
    process.stdout.write(JSON.stringify(renderJson(a)) + "\n");
  }
  return 0;
}

function conversationLine(line: string): { q: string; conversation?: string } {
  if (!line.trimStart().startsWith("{")) return { q: line };
  try {
    const parsed = JSON.parse(line) as { q?: unknown; conversation?: unknown };
    if (typeof parsed.q === "string") return { q: parsed.q, ...(typeof parsed.conversation === "string" ? { conversation: `ask:${parsed.conversation}` } : {}) };
  } catch {
    // Not JSON after all: the line is the question.
  }
  return { q: line };
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    if (error instanceof KnowledgeError || error instanceof ConfigError) process.stderr.write(`eventdesk: ${error.message}\n`);
    else process.stderr.write(`eventdesk: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
