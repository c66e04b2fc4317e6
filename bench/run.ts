// The default pack: index build time, Bot.handle latency over the evaluation questions (warm and on a fresh
// index), RSS, and accuracy — EventDesk's index beside MiniSearch's default options on the same documents.
import { Bot } from "../src/core/bot.js";
import { searchEngine } from "../src/core/search/index.js";
import { buildSnapshot, type Snapshot } from "../src/core/snapshot/snapshot.js";
import { MiniSearchBaseline } from "./baseline.js";
import { accuracy, EVAL_QUESTIONS, evalQuestions, timeQuestions } from "./questions.js";
import { ms, percentile, table } from "./report.js";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 20);
const OPTIONS = { knowledgeDir: "knowledge" };

/** Warm: one bot answering the questions round after round. Cold: a fresh index and bot every round. */
async function latencies(snapshot: Snapshot, freshIndex: () => Snapshot["index"]): Promise<{ warm: number[]; cold: number[] }> {
  const questions = evalQuestions().map((q) => q.q);
  const cold: number[] = [];
  for (let round = 0; round < ROUNDS; round++) cold.push(...(await timeQuestions(Bot.fromSnapshot(OPTIONS, { ...snapshot, index: freshIndex() }), questions)));
  const bot = Bot.fromSnapshot(OPTIONS, snapshot);
  const warm: number[] = [];
  for (let round = 0; round < ROUNDS; round++) warm.push(...(await timeQuestions(bot, questions)));
  return { warm, cold };
}

function medianMs(build: () => unknown, times = 20): number {
  const spent: number[] = [];
  for (let i = 0; i < times; i++) {
    const started = performance.now();
    build();
    spent.push(performance.now() - started);
  }
  return percentile(spent, 50);
}

export async function coreBench(): Promise<void> {
  const questions = evalQuestions();
  const built = await buildSnapshot("knowledge", "bench");
  if (!built.ok) throw new Error("the default knowledge does not load");
  const snapshot = built.snapshot;
  const k = snapshot.knowledge;
  const ours = await latencies(snapshot, () => searchEngine.build(k));
  const rssMb = process.memoryUsage().rss / 1024 / 1024;
  const baseline = new MiniSearchBaseline(k);
  // MiniSearch keeps nothing between searches: its "fresh index" is the same one.
  const theirs = await latencies({ ...snapshot, index: baseline }, () => baseline);
  const row = (what: string, times: { warm: number[]; cold: number[] }, build: number, correct: number) => [
    what,
    ms(build),
    `${ms(percentile(times.warm, 50))} / ${ms(percentile(times.warm, 99))}`,
    `${ms(percentile(times.cold, 50))} / ${ms(percentile(times.cold, 99))}`,
    ms(Math.max(...times.warm, ...times.cold)),
    `${(correct * 100).toFixed(1)}%`,
  ];
  console.log(`Core — the default pack, ${questions.length} questions of ${EVAL_QUESTIONS} × ${ROUNDS} rounds, warm and cold; Node ${process.version}; RSS ${rssMb.toFixed(0)} MB\n`);
  console.log(
    table(
      ["index", "build (median of 20)", "Bot.handle p50 / p99, warm", "p50 / p99, fresh index", "max", "accuracy"],
      [
        row("EventDesk (Korean-aware, coverage abstention)", ours, medianMs(() => searchEngine.build(k)), await accuracy(Bot.fromSnapshot(OPTIONS, snapshot), questions)),
        row("MiniSearch default options, same documents", theirs, medianMs(() => new MiniSearchBaseline(k)), await accuracy(Bot.fromSnapshot(OPTIONS, { ...snapshot, index: baseline }), questions)),
      ],
    ),
  );
}
