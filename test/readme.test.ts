// Every example in the README is checked against the real bot, so none can drift:
// - `X` → Y in the prose: asking X answers about Y;
// - a block marked `<!-- example: NAME -->` is the bot's output, exactly: `npm run readme:examples` rewrites it;
// - the audit line has the shape of a real one (its values are a moment's);
// - in `sh` blocks, `npm run ask` lines (with the lines before them) and `--dry-run` lines run as written and print
//   what the bot answers; lines that need a platform's token or a server only name scripts, variables and files
//   that exist, which every command and path in the README must.
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { auditLine } from "../src/audit.js";
import { CONSOLE_USER } from "../src/adapters/console/adapter.js";
import { renderJson, renderText } from "../src/adapters/console/render.js";
import { Bot, type ReloadEvent } from "../src/core/bot.js";
import { markedBlocks, PRODUCERS, README } from "../scripts/readme-examples.js";
import { readable } from "./core/fixture.js";
import { copyDefaultPack } from "./core/pack.js";

const readme = readFileSync(README, "utf8");
const at = (index: number) => `README.md:${readme.slice(0, index).split("\n").length}`;
const fences = [...readme.matchAll(/^( *)```(\w*)\n([\s\S]*?)\n\1```/gm)].map((m) => ({
  lang: m[2],
  body: m[3],
  where: at(m.index),
  marker: /<!-- example: ([\w-]+) -->\n$/.exec(readme.slice(0, m.index))?.[1],
}));
const shBlocks = fences.filter((f) => f.lang === "sh");
const SHARED = "../shared";
/** A block runs up to three `npm run`s one after the other, each starting tsx and loading the knowledge. */
const RUN_TIMEOUT_MS = 120_000;

/** The README blocks checked here rather than produced: each name's check. */
const CHECKS: Record<string, (body: string) => Promise<void>> = {
  "audit-line": async (body) => {
    const pack = await copyDefaultPack();
    try {
      const events: ReloadEvent[] = [];
      const bot = await Bot.create({ knowledgeDir: pack.dir, onReload: (e) => void events.push(e) });
      await pack.edit("tracks.yaml", 'en: "DevOps" }', 'en: "DevOps and SRE" }');
      await bot.reload({ id: "U123", name: "jane", platform: "slack", isAdmin: true });
      expect(differences(JSON.parse(body), JSON.parse(JSON.stringify(auditLine(events[0])))), "the README's audit line against a real one").toEqual([]);
    } finally {
      await pack.remove();
    }
  },
};

/** Where `shown` and `real` differ in shape (keys, kinds of values); an empty list on either side fits any list. */
function differences(shown: unknown, real: unknown, path = "$"): string[] {
  if (Array.isArray(shown) && Array.isArray(real)) return shown.length && real.length ? differences(shown[0], real[0], `${path}[0]`) : [];
  const isMap = (v: unknown) => typeof v === "object" && v !== null && !Array.isArray(v);
  if (isMap(shown) && isMap(real)) {
    const [a, b] = [shown as Record<string, unknown>, real as Record<string, unknown>];
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
    return keys.flatMap((k) => (k in a && k in b ? differences(a[k], b[k], `${path}.${k}`) : [`${path}.${k}: ${k in a ? "not in a real line" : "missing"}`]));
  }
  const kind = (v: unknown) => (Array.isArray(v) ? "list" : v === null ? "null" : typeof v);
  return kind(shown) === kind(real) ? [] : [`${path}: ${kind(shown)}, but a real line has ${kind(real)}`];
}

describe("the README's examples", () => {
  for (const block of markedBlocks(readme)) {
    it(`"${block.name}" (README.md:${block.line}) matches the real bot`, async (ctx) => {
      const check = CHECKS[block.name];
      if (check) return check(block.body);
      const produce = PRODUCERS[block.name];
      expect(produce, `README.md:${block.line}: no producer in scripts/readme-examples.ts for "${block.name}"`).toBeDefined();
      const now = await produce(block);
      if (now === undefined) return ctx.skip(`${SHARED} is missing`);
      expect(block.body, `README example "${block.name}" (README.md:${block.line}) is out of date: run \`npm run readme:examples\``).toBe(now);
    });
  }

  it("`X` → Y in the prose: asking X gives an answer that names Y", async () => {
    const bot = await Bot.create({ knowledgeDir: "knowledge" });
    const pairs = [...readme.matchAll(/`([^`\n]+)` → ([^,)\s]+)/g)];
    expect(pairs.length).toBeGreaterThan(0);
    for (const [, asked, named] of pairs) {
      const a = await bot.handle({ text: asked, user: CONSOLE_USER });
      expect(readable(a), `${at(readme.indexOf(`\`${asked}\` →`))}: \`${asked}\` → ${named}`).toContain(named);
    }
  });

  it("leaves no output block unchecked: each is marked with a producer's or a check's name", () => {
    const unchecked = fences.filter((f) => f.lang !== "sh" && !(f.marker && (PRODUCERS[f.marker] || CHECKS[f.marker])));
    expect(unchecked.map((f) => f.where), "mark each with <!-- example: NAME --> and add NAME to scripts/readme-examples.ts").toEqual([]);
  });
});

describe("the README's commands", () => {
  const pkg = JSON.parse(readFileSync("package.json", "utf8")) as { scripts: Record<string, string> };
  const variables = new Set([...readFileSync(".env.example", "utf8").matchAll(/^([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]));

  it("name scripts, variables and files that exist", () => {
    const scripts = [...readme.matchAll(/npm (?:run (?:--silent )?([\w:-]+)|(start|test)\b)/g)].map((m) => m[1] ?? m[2]);
    expect(scripts.filter((s) => !pkg.scripts[s]), "npm scripts the README names").toEqual([]);
    const named = shBlocks.flatMap((b) => [...b.body.matchAll(/(?:^|\s)([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]));
    expect(named.filter((v) => !variables.has(v)), "variables the README sets, missing from .env.example").toEqual([]);
    const paths = [
      ...[...readme.matchAll(/`((?:src|test|bench|scripts|knowledge)\/[\w./-]*)`/g)].map((m) => m[1]),
      ...shBlocks.flatMap((b) => [...b.body.matchAll(/(?:node|cp) (?:-r )?((?:\.\.\/|[\w-]+\/)[\w./-]+)/g)].map((m) => m[1])),
    ].filter((p) => !p.startsWith(SHARED) || existsSync(SHARED));
    expect(paths.filter((p) => !existsSync(p)), "paths the README names").toEqual([]);
  });

  // Each block that holds a runnable line: its lines up to the last runnable one run in order, as written, except
  // that a /tmp folder is a fresh one.
  const runnable = (line: string) => /npm run (--silent )?ask\b|--dry-run/.test(line);
  const bots = new Map<string, Promise<Bot>>();
  const botFor = (dir: string) => bots.get(dir) ?? bots.set(dir, Bot.create({ knowledgeDir: dir })).get(dir)!;
  const temps: string[] = [];
  afterAll(() => Promise.all(temps.map((t) => rm(t, { recursive: true, force: true }))));

  for (const block of shBlocks.filter((b) => b.body.split("\n").some(runnable))) {
    it.skipIf(block.body.includes(SHARED) && !existsSync(SHARED))(`run as written and print the bot's answers (${block.where})`, async () => {
      let body = block.body;
      for (const folder of new Set(body.match(/\/tmp\/[\w-]+/g))) {
        const temp = await mkdtemp(join(tmpdir(), "eventdesk-readme-"));
        temps.push(temp);
        body = body.replaceAll(folder, temp);
      }
      const lines = body.split("\n").filter((l) => l.trim()).map((l) => /^\s*(.*?)(?:\s+#\s+(.*))?$/.exec(l)!.slice(1));
      for (const [line, comment = ""] of lines.slice(0, lines.findLastIndex(([l]) => runnable(l)) + 1)) {
        const r = await sh(line);
        expect(r.code, `${block.where}: ${line}\n${r.stderr}`).toBe(0);
        if (/npm run (--silent )?ask\b/.test(line)) await expectAnswers(line, comment, withoutNpmBanner(r.stdout));
        if (line.includes("--dry-run")) expect(() => JSON.parse(withoutNpmBanner(r.stdout)), line).not.toThrow();
      }
    }, RUN_TIMEOUT_MS);
  }

  /** What `npm run ask` prints for `line` (plain, --json or --jsonl), from a bot on the same knowledge; a comment
   * listing "one JSON object: a, b, …" names its fields. */
  async function expectAnswers(line: string, comment: string, stdout: string): Promise<void> {
    const bot = await botFor(/KNOWLEDGE_DIR=(\S+)/.exec(line)?.[1] ?? "knowledge");
    const answer = (text: string) => bot.handle({ text, user: CONSOLE_USER });
    if (line.includes("--jsonl")) {
      const inputs = /printf '([^']*)'/.exec(line)![1].split("\\n").filter(Boolean);
      const expected = [];
      for (const input of inputs) expected.push(renderJson(await answer(input)));
      expect(stdout.trim().split("\n").map((l) => JSON.parse(l)), line).toEqual(expected);
      return;
    }
    const question = [...line.matchAll(/"([^"]*)"/g)].at(-1)![1];
    if (line.includes("--json")) {
      const json = renderJson(await answer(question));
      expect(JSON.parse(stdout), line).toEqual(json);
      const fields = /one JSON object: (.*)$/.exec(comment)?.[1].split(/,\s*/);
      if (fields) expect(fields, `the fields the comment lists: ${comment}`).toEqual(Object.keys(json));
    } else expect(stdout, line).toBe(renderText(await answer(question)) + "\n");
  }
});

/** `npm run` without --silent first echoes the script it runs: "\n> eventdesk@0.1.0 ask\n> tsx …\n\n". */
const withoutNpmBanner = (stdout: string) => stdout.replace(/^(\n|> [^\n]*\n)*/, "");

/** A README line run by the shell in the project folder, with no configuration but what the line sets. */
function sh(line: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn("sh", ["-c", line], { env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", DOTENV_CONFIG_PATH: "/nonexistent/.env" } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString("utf8")));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString("utf8")));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}
