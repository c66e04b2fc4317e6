// The README's examples, written by the bot itself. The fenced block after `<!-- example: NAME -->` is what
// PRODUCERS[NAME] makes: `npm run readme:examples` rewrites every such block with what the bot says now, and
// test/readme.test.ts fails, naming the block, when one is not current. Answers change as the bot improves: rerun it.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { CONSOLE_USER } from "../src/adapters/console/adapter.js";
import { renderText } from "../src/adapters/console/render.js";
import { label } from "../src/adapters/kit/labels.js";
import { Bot } from "../src/core/bot.js";
import { loadKnowledge } from "../src/core/knowledge/load.js";
import { formatProblem } from "../src/core/knowledge/schema.js";

export const README = "README.md";
/** The if(kakao) dev 2022 schedule the README's import example copies (kept beside the project, not in it). */
export const SHARED_SCHEDULE = "../shared/data/ifkakao2022/schedule.json";

export interface MarkedBlock {
  name: string;
  /** The README line of the marker, for messages. */
  line: number;
  body: string;
  /** Where the body sits in the README text. */
  from: number;
  to: number;
}

const MARKED = /<!-- example: ([\w-]+) -->\n( *)```\w*\n([\s\S]*?)\n\2```/g;

export function markedBlocks(readme: string): MarkedBlock[] {
  return [...readme.matchAll(MARKED)].map((m) => {
    const from = m.index + m[0].indexOf("\n", m[0].indexOf("```")) + 1;
    return { name: m[1], line: readme.slice(0, m.index).split("\n").length, body: m[3], from, to: from + m[3].length };
  });
}

/** What a block should hold now; undefined when it cannot be made here (a file outside the project is missing). */
export type Producer = (block: MarkedBlock) => Promise<string | undefined>;

/** A console session: each `> ` line of the block asked in turn, in one conversation, as `npm start` asks it. The
 * answer's last line, its knowledge version, is left out: it changes with every edit of the pack. */
const transcript: Producer = async (block) => {
  const bot = await Bot.create({ knowledgeDir: "knowledge" });
  const turns: string[] = [];
  for (const question of block.body.split("\n").filter((l) => l.startsWith("> ")).map((l) => l.slice(2))) {
    const a = await bot.handle({ text: question, user: CONSOLE_USER, conversation: "console" });
    const version = `(${label(a.lang, "version")} ${a.version})`;
    turns.push(`> ${question}\n${renderText(a).split("\n").filter((l) => l !== version).join("\n")}`);
  }
  return turns.join("\n\n");
};

/** A copy of the default pack with `edits` (file below ifkakao-2022/ → [from, to]) made, removed after `use`. */
async function withBrokenPack<T>(edits: [file: string, from: string, to: string][], use: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), "eventdesk-readme-"));
  try {
    await cp("knowledge", dir, { recursive: true });
    for (const [file, from, to] of edits) {
      const path = join(dir, "ifkakao-2022", file);
      const text = await readFile(path, "utf8");
      if (!text.includes(from)) throw new Error(`readme example: ${file} no longer holds "${from}"; choose another edit`);
      await writeFile(path, text.replace(from, to));
    }
    return await use(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** `npm start` on a pack with a schema, a reference and a quote mistake: its whole output, which exits 1. */
const knowledgeErrors: Producer = () =>
  withBrokenPack(
    [
      ["people.yaml", "name: { ko: 고우찬, en: Ko Woo-chan }", "name: { ko: 고우찬 }"],
      ["sessions.yaml", "speakers: [lee-chae-young]", "speakers: [lee-chae-yong]"],
      ["budget.yaml", "quote: 현재 총 4600억원의", "quote: 현재 총 5000억원의"],
    ],
    async (dir) => {
      const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
        env: { PATH: process.env.PATH ?? "", KNOWLEDGE_DIR: dir, DOTENV_CONFIG_PATH: "/nonexistent/.env" },
        stdio: ["ignore", "ignore", "pipe"],
      });
      let stderr = "";
      child.stderr.on("data", (d: Buffer) => (stderr += d.toString("utf8")));
      const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
      if (code !== 1) throw new Error(`readme example: npm start on a broken pack exited ${code}, not 1:\n${stderr}`);
      return stderr.trimEnd();
    },
  );

/** A reload's problems for the shared schedule with one impossible date, and a schedule URL that answers 404. */
const scheduleErrors: Producer = async () => {
  if (!existsSync(SHARED_SCHEDULE)) return undefined;
  const lines = (await readFile(SHARED_SCHEDULE, "utf8")).split("\n");
  // The date of session 120 ("Preview Backend_1"): the date line above its slug.
  const slug = lines.findIndex((l) => l.includes('"slug": "ifkakao2022-120"'));
  const date = lines.findLastIndex((l, i) => i < slug && l.includes('"date": "2022-12-08T'));
  lines[date] = lines[date].replace("2022-12-08T", "2022-12-32T");
  const url = "https://example.org/schedule.json";
  return withBrokenPack([], async (dir) => {
    await writeFile(join(dir, "ifkakao-2022", "schedule.json"), lines.join("\n"));
    // The one URL answers 404 here, without the network; every other request goes where it was going.
    const realFetch = globalThis.fetch;
    globalThis.fetch = (input, init) =>
      String(input) === url ? Promise.resolve(new Response(null, { status: 404, statusText: "Not Found" })) : realFetch(input, init);
    try {
      const loaded = await loadKnowledge(dir, { scheduleUrls: [url] });
      return [...loaded.problems, ...loaded.warnings].map(formatProblem).join("\n");
    } finally {
      globalThis.fetch = realFetch;
    }
  });
};

export const PRODUCERS: Record<string, Producer> = {
  asking: transcript,
  "knowledge-errors": knowledgeErrors,
  "schedule-errors": scheduleErrors,
};

/** Rewrites every block that has a producer; blocks checked some other way (test/readme.test.ts) are left alone. */
async function main(): Promise<void> {
  const before = await readFile(README, "utf8");
  let readme = before;
  const report: string[] = [];
  // From the last block back, so the offsets of the earlier ones still hold.
  for (const block of markedBlocks(readme).reverse()) {
    const produce = PRODUCERS[block.name];
    if (!produce) continue;
    const now = await produce(block);
    if (now === undefined) report.push(`  ${block.name} (line ${block.line}): left as it was, ${SHARED_SCHEDULE} is missing`);
    else if (now !== block.body) {
      readme = readme.slice(0, block.from) + now + readme.slice(block.to);
      report.push(`  ${block.name} (line ${block.line}): rewritten`);
    }
  }
  if (readme !== before) await writeFile(README, readme);
  process.stdout.write(report.length ? `${README}:\n${report.reverse().join("\n")}\n` : `${README}: every example is current\n`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  main().catch((error: unknown) => {
    process.stderr.write(`readme:examples: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
