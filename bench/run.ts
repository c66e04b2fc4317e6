// `npm run bench`: index build time, Bot.handle latency over the evaluation questions, RSS, and accuracy of
// our analysis beside MiniSearch's default options on the same knowledge and questions.
import { readFileSync } from "node:fs";
import MiniSearch from "minisearch";
import type { Answer } from "../src/core/protocol.js";
import { Bot } from "../src/core/bot.js";
import { buildDocuments, type DocType, type SearchDoc } from "../src/core/search/documents.js";
import { searchEngine, type Searcher } from "../src/core/search/index.js";
import { buildSnapshot, type Snapshot } from "../src/core/snapshot/snapshot.js";
import { percentile, table } from "./report.js";

const QUESTIONS = "test/eval/questions.jsonl";
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 20);

interface Question {
  id: string;
  q: string;
  any?: string[];
  all?: string[][];
  none?: string[];
  unanswerable?: boolean;
}

/** The shared scorer's rule (../shared/eval/score.mjs): case, commas and runs of spaces ignored. */
function passes(item: Question, a: Answer, text: string): boolean {
  const norm = (s: string) => s.normalize("NFC").toLowerCase().replace(/,/g, "").replace(/\s+/g, " ");
  const hay = norm(`${text}\n${a.citations.map((c) => c.quote).join("\n")}`);
  const has = (n: string) => hay.includes(norm(n)) || hay.replace(/ /g, "").includes(norm(n).replace(/ /g, ""));
  let ok = item.unanswerable ? !a.answered : a.answered && (!item.any || item.any.some(has)) && (!item.all || item.all.every((g) => g.some(has)));
  if (ok && item.none) ok = !item.none.some(has);
  return ok;
}

/** MiniSearch with its default tokenizer, term processing and scoring over the same documents; no abstention. */
class DefaultSearcher implements Searcher {
  private readonly mini = new MiniSearch<SearchDoc>({ fields: ["text"], storeFields: ["type"], extractField: (d, f) => (f === "text" ? [...d.names, ...d.people, d.ko, d.en, ...d.keywords].join(" ") : (d as unknown as Record<string, string>)[f]) });
  readonly docs: ReadonlyMap<string, SearchDoc>;
  constructor(docs: SearchDoc[]) {
    this.docs = new Map(docs.map((d) => [d.id, d]));
    this.mini.addAll(docs);
  }
  search(text: string, types?: readonly DocType[]) {
    const hits = this.mini
      .search(text, types ? { filter: (r) => types.includes(r.type as DocType) } : {})
      .map((r) => ({ doc: this.docs.get(r.id)!, score: r.score, coverage: 1 }));
    return { hits, informative: text.split(/\s+/) };
  }
}

async function accuracy(bot: Bot, questions: Question[]): Promise<number> {
  let ok = 0;
  for (const item of questions) {
    const a = await bot.handle({ text: item.q, user: { id: "bench", platform: "bench", isAdmin: false } });
    if (passes(item, a, `${a.title}\n${a.body}\n${a.fields.map((f) => f.value).join("\n")}`)) ok++;
  }
  return ok / questions.length;
}

async function main(): Promise<void> {
  const questions: Question[] = readFileSync(QUESTIONS, "utf8").split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l));
  const built = await buildSnapshot("knowledge", "bench");
  if (!built.ok) throw new Error("the default knowledge does not load");
  const snapshot = built.snapshot;

  const builds: number[] = [];
  for (let i = 0; i < 20; i++) {
    const t = performance.now();
    searchEngine.build(buildDocuments(snapshot.knowledge));
    builds.push(performance.now() - t);
  }

  const bot = Bot.fromSnapshot({ knowledgeDir: "knowledge" }, snapshot);
  const requests = questions.map((q) => ({ text: q.q, user: { id: "bench", platform: "bench", isAdmin: false } }));
  const timeAll = async (target: Bot, into: number[]) => {
    for (const r of requests) {
      const t = performance.now();
      await target.handle(r);
      into.push(performance.now() - t);
    }
  };
  // Cold: a fresh index each round, so no word's matches are cached yet (the first questions after a reload).
  const cold: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    await timeAll(Bot.fromSnapshot({ knowledgeDir: "knowledge" }, { ...snapshot, index: searchEngine.build(buildDocuments(snapshot.knowledge)) }), cold);
  }
  // Warm: the same index answering the questions again and again, as a running bot does.
  const times: number[] = [];
  for (let round = 0; round < ROUNDS; round++) await timeAll(bot, times);
  const rssMb = process.memoryUsage().rss / 1024 / 1024;

  const baseline: Snapshot = { ...snapshot, index: new DefaultSearcher(buildDocuments(snapshot.knowledge)) };
  const ours = await accuracy(bot, questions);
  const defaults = await accuracy(Bot.fromSnapshot({ knowledgeDir: "knowledge" }, baseline), questions);

  console.log(`EventDesk bench — ${questions.length} questions × ${ROUNDS} rounds, warm and cold = ${times.length + cold.length} Bot.handle calls, Node ${process.version}\n`);
  console.log(
    table(
      ["measure", "value"],
      [
        ["index build (median of 20)", `${percentile(builds, 50).toFixed(1)} ms`],
        ["Bot.handle p50, warm", `${percentile(times, 50).toFixed(3)} ms`],
        ["Bot.handle p99, warm", `${percentile(times, 99).toFixed(3)} ms`],
        ["Bot.handle p50, cold index", `${percentile(cold, 50).toFixed(3)} ms`],
        ["Bot.handle p99, cold index", `${percentile(cold, 99).toFixed(3)} ms`],
        ["Bot.handle max (both)", `${Math.max(...times, ...cold).toFixed(3)} ms`],
        ["RSS", `${rssMb.toFixed(0)} MB`],
      ],
    ),
  );
  console.log(
    "\n" +
      table(
        ["analysis", `accuracy on ${QUESTIONS}`],
        [
          ["EventDesk (Korean-aware, coverage abstention)", `${(ours * 100).toFixed(1)}%`],
          ["MiniSearch default options, same documents", `${(defaults * 100).toFixed(1)}%`],
        ],
      ),
  );
}

await main();
