// Scale: synthetic knowledge of 1,000 / 10,000 / 100,000 sessions. Each size runs in a fresh child process (a
// clean RSS): load and index time, RSS, p99 question latency, and the longest event-loop stall while the pack is
// built on the main thread (how reload worked before) and while a reload runs off the main thread (now).
import { fork } from "node:child_process";
import { rm } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { Bot } from "../src/core/bot.js";
import { searchEngine } from "../src/core/search/index.js";
import { prepare } from "../src/core/snapshot/snapshot.js";
import { percentile, table } from "./report.js";
import { syntheticPack } from "./synthetic.js";

const SIZES = (process.env.BENCH_SCALE_SIZES ?? "1000,10000,100000").split(",").map(Number);
const QUESTIONS = [
  "/speaker 고우찬", "/speaker 김민서 12", "/track AI", "/track 데브옵스", "/session Kubernetes", "/session 카프카 장애", "/budget",
  "/remediation 모니터링", "카프카 세션 누가 발표해?", "who spoke about observability?", "데이터센터 화재 원인은?", "if kakao 2022 언제 해?",
];
const ROUNDS = 3;
/** While the reload runs, questions keep coming, with a pause of 4× the last one's time (at least 50 ms): at
 * 100,000 sessions a question takes seconds, and back-to-back questions would starve the reload. */
const askPause = (lastMs: number) => Math.max(50, 4 * lastMs);

interface ScaleRow {
  sessions: number;
  loadMs: number;
  indexMs: number;
  rssMb: number;
  questionP99Ms: number;
  stallMainThreadMs: number;
  reloadMs: number;
  stallReloadMs: number;
  questionP99DuringReloadMs: number;
}

/**
 * The longest event-loop stall while `work` runs, in ms: the largest gap between ticks of a 1 ms timer, less the
 * time questions asked meanwhile took in that gap (`questionMs`, added to by the asker), so that only the
 * work's own share counts.
 */
async function stallDuring<T>(work: () => Promise<T>, questionMs = { total: 0 }): Promise<{ result: T; stallMs: number; ms: number }> {
  let last = performance.now();
  let counted = questionMs.total;
  let longest = 0;
  const gap = () => {
    const now = performance.now();
    longest = Math.max(longest, now - last - 1 - (questionMs.total - counted));
    last = now;
    counted = questionMs.total;
  };
  const probe = setInterval(gap, 1);
  const started = performance.now();
  const result = await work();
  const ms = performance.now() - started;
  clearInterval(probe);
  // The work may have ended in a stall that no tick has seen yet.
  gap();
  return { result, stallMs: longest, ms };
}

async function measure(sessions: number): Promise<ScaleRow> {
  const dir = await syntheticPack(sessions);
  try {
    // Before: the whole build on the main thread, as reload did (and start-up still does, with no one waiting).
    let loadMs = 0;
    const build = await stallDuring(async () => {
      const started = performance.now();
      const result = await prepare(dir, {});
      loadMs = performance.now() - started;
      if (!result.ok) throw new Error(`the synthetic pack does not load: ${result.problems[0]?.message}`);
      return { prepared: result.prepared, index: searchEngine.build(result.prepared.docs) };
    });
    const { prepared, index } = build.result;
    const snapshot = { ...prepared, index, loadedAt: new Date(), loadedBy: "bench" };
    const bot = Bot.fromSnapshot({ knowledgeDir: dir }, snapshot);
    const rssMb = process.memoryUsage().rss / 1024 / 1024;

    const user = { id: "bench", platform: "bench", isAdmin: false };
    const ask = async (line: string) => {
      const started = performance.now();
      await bot.handle({ text: line, user });
      return performance.now() - started;
    };
    const times: number[] = [];
    for (let round = 0; round < ROUNDS; round++) for (const q of QUESTIONS) times.push(await ask(q));

    // Now: reload off the main thread, with questions arriving all along.
    const during: number[] = [];
    const questionMs = { total: 0 };
    let asking = true;
    const asker = (async () => {
      for (let i = 0; asking; i++) {
        const ms = await ask(QUESTIONS[i % QUESTIONS.length]);
        during.push(ms);
        questionMs.total += ms;
        await new Promise((resolve) => setTimeout(resolve, askPause(ms)));
      }
    })();
    const reload = await stallDuring(() => bot.reload({ id: "bench", platform: "console", isAdmin: true }), questionMs);
    asking = false;
    await asker;
    if (!reload.result.ok) throw new Error("the synthetic pack did not reload");
    return {
      sessions,
      loadMs,
      indexMs: build.ms - loadMs,
      rssMb,
      questionP99Ms: percentile(times, 99),
      stallMainThreadMs: build.stallMs,
      reloadMs: reload.ms,
      stallReloadMs: reload.stallMs,
      questionP99DuringReloadMs: percentile(during, 99),
    };
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

const ms = (n: number) => `${n < 10 ? n.toFixed(2) : n.toFixed(0)} ms`;

export async function scaleBench(): Promise<void> {
  const rows: ScaleRow[] = [];
  for (const size of SIZES) rows.push(await measureInChild(size));
  console.log(`\nScale — synthetic pretalx schedules beside the default pack; ${QUESTIONS.length} questions × ${ROUNDS} rounds per size\n`);
  console.log(
    table(
      ["sessions", "load", "index", "RSS", "question p99", "stall: main-thread build (before)", "reload off-thread", "stall: reload (now), questions excluded", "question p99 during reload"],
      rows.map((r) => [
        r.sessions.toLocaleString("en"),
        ms(r.loadMs),
        ms(r.indexMs),
        `${r.rssMb.toFixed(0)} MB`,
        ms(r.questionP99Ms),
        ms(r.stallMainThreadMs),
        ms(r.reloadMs),
        ms(r.stallReloadMs),
        ms(r.questionP99DuringReloadMs),
      ]),
    ),
  );
}

if (process.argv[2] && process.send) {
  const row = await measure(Number(process.argv[2]));
  process.send(row, () => process.exit(0));
}
