// Scale: the default pack plus a synthetic schedule of N sessions (BENCH_SIZES, default 1000,10000; 100000 takes
// about ten minutes of its own on 2 cores, so it is asked for: BENCH_SIZES=1000,10000,100000), each
// size in a child process of its own (a clean RSS). Load time, index build time, RSS, and Bot.handle latency over
// the evaluation questions and questions about the synthetic schedule: cold (each question's first ask on a fresh
// snapshot) and warm (the same questions again) — for EventDesk's index and for MiniSearch's default options on the
// same documents and questions.
import { fork } from "node:child_process";
import { rm } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { Bot } from "../src/core/bot.js";
import { fingerprintOf } from "../src/core/knowledge/diff.js";
import { loadKnowledge } from "../src/core/knowledge/load.js";
import { searchEngine } from "../src/core/search/index.js";
import { buildNameIndex } from "../src/core/search/minisearch.js";
import { indexedNames, type Snapshot } from "../src/core/snapshot/snapshot.js";
import { buildTables } from "../src/core/snapshot/tables.js";
import { MiniSearchBaseline } from "./baseline.js";
import { evalQuestions, syntheticQuestions, timeQuestions } from "./questions.js";
import { mb, ms, percentile, table } from "./report.js";
import { syntheticPack } from "./synthetic.js";

const SIZES = (process.env.BENCH_SIZES ?? "1000,10000").split(",").map(Number);
const SYNTHETIC_QUESTIONS = Number(process.env.BENCH_SYNTHETIC_QUESTIONS ?? 100);

interface Latency {
  /** Each question's first ask on a fresh snapshot. */
  cold: number[];
  /** The same questions asked again. */
  warm: number[];
}

interface EngineRow {
  buildMs: number;
  /** The process's RSS once this index has answered (MiniSearch's on top of EventDesk's: they share the knowledge). */
  rssBytes: number;
  latency: Latency;
}

interface ScaleRow {
  sessions: number;
  questions: number;
  loadMs: number;
  /** Tables, name index and item hashes: the rest of a snapshot. */
  tablesMs: number;
  ours: EngineRow;
  minisearch: EngineRow;
}

const timed = <T>(work: () => T): [T, number] => {
  const started = performance.now();
  const result = work();
  return [result, performance.now() - started];
};

async function latency(snapshot: Snapshot, questions: readonly string[]): Promise<Latency> {
  const bot = Bot.fromSnapshot({ knowledgeDir: "bench" }, snapshot);
  const cold = await timeQuestions(bot, questions);
  return { cold, warm: await timeQuestions(bot, questions) };
}

async function measure(sessions: number): Promise<ScaleRow> {
  const dir = await syntheticPack(sessions);
  try {
    const started = performance.now();
    const loaded = await loadKnowledge(dir, {});
    const loadMs = performance.now() - started;
    const k = loaded.knowledge;
    if (!k) throw new Error(`the synthetic pack does not load: ${loaded.problems[0]?.message}`);
    const [data, buildMs] = timed(() => searchEngine.data(k));
    const [rest, tablesMs] = timed(() => {
      const tables = buildTables(k);
      return { tables, names: buildNameIndex(indexedNames(tables)), fingerprint: fingerprintOf(k) };
    });
    const snapshot: Snapshot = { knowledge: k, index: searchEngine.restore(data), ...rest, version: loaded.version, loadedAt: new Date(), loadedBy: "bench", files: loaded.files, warnings: loaded.warnings, copyNotices: loaded.copyNotices };
    const questions = [...evalQuestions().map((q) => q.q), ...syntheticQuestions(k, SYNTHETIC_QUESTIONS)];

    const oursLatency = await latency(snapshot, questions);
    const ours = { buildMs, rssBytes: process.memoryUsage().rss, latency: oursLatency };
    const [baseline, baselineMs] = timed(() => new MiniSearchBaseline(k));
    const baselineLatency = await latency({ ...snapshot, index: baseline }, questions);
    const minisearch = { buildMs: baselineMs, rssBytes: process.memoryUsage().rss, latency: baselineLatency };
    return { sessions, questions: questions.length, loadMs, tablesMs, ours, minisearch };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** One size in a child process of its own, for a clean RSS. */
function measureInChild(sessions: number): Promise<ScaleRow> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(import.meta.url), [String(sessions)], { execArgv: ["--import", "tsx"] });
    child.once("message", (row) => resolve(row as ScaleRow));
    child.once("exit", (code) => (code === 0 ? undefined : reject(new Error(`scale bench for ${sessions} sessions failed (exit ${code})`))));
  });
}

const p50p99 = (times: number[]) => `${ms(percentile(times, 50))} / ${ms(percentile(times, 99))}`;

const engineCells = (e: EngineRow) => [ms(e.buildMs), mb(e.rssBytes), p50p99(e.latency.cold), p50p99(e.latency.warm), ms(Math.max(...e.latency.cold, ...e.latency.warm))];

export async function scaleBench(): Promise<void> {
  const rows: ScaleRow[] = [];
  for (const size of SIZES) rows.push(await measureInChild(size));
  console.log(`\nScale — the default pack plus N synthetic sessions; each question asked once cold (fresh snapshot), then once warm\n`);
  console.log(
    table(
      ["sessions", "questions", "index", "load", "tables, names, hashes", "index build", "RSS", "p50 / p99 cold", "p50 / p99 warm", "max"],
      rows.flatMap((r) => [
        [r.sessions.toLocaleString("en"), String(r.questions), "EventDesk", ms(r.loadMs), ms(r.tablesMs), ...engineCells(r.ours)],
        ["", "", "MiniSearch defaults", "", "", ...engineCells(r.minisearch)],
      ]),
    ),
  );
}

if (process.argv[2] && process.send) {
  const row = await measure(Number(process.argv[2]));
  process.send(row, () => process.exit(0));
}
