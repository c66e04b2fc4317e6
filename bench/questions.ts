// The questions the benches ask, and how their answers are timed and scored. The evaluation questions
// (test/eval/questions.jsonl) are about the default pack; at scale they are joined by questions about the
// synthetic schedule's own speakers, tracks and title words, picked evenly from the knowledge (deterministic).
import { readFileSync } from "node:fs";
import type { Bot } from "../src/core/bot.js";
import type { Knowledge } from "../src/core/knowledge/schema.js";
import type { Answer } from "../src/core/protocol.js";

export const EVAL_QUESTIONS = "test/eval/questions.jsonl";

export interface Question {
  id: string;
  q: string;
  any?: string[];
  all?: string[][];
  none?: string[];
  unanswerable?: boolean;
}

export const evalQuestions = (): Question[] =>
  readFileSync(EVAL_QUESTIONS, "utf8").split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l) as Question);

/** `count` questions about the synthetic event's people, tracks and sessions, spread over the whole schedule. */
export function syntheticQuestions(k: Knowledge, count: number): string[] {
  const people = [...k.people.values()].filter((p) => p.event === "synthetic");
  const sessions = [...k.sessions.values()].filter((s) => s.event === "synthetic");
  const tracks = [...k.tracks.values()].filter((t) => t.event === "synthetic");
  const every = <T>(items: readonly T[], n: number) => Array.from({ length: Math.min(n, items.length) }, (_, i) => items[Math.floor((i * items.length) / n)]);
  const share = Math.ceil(count / 5);
  const titleWords = (title: string) => title.split(" ").slice(0, 2).join(" ");
  return [
    ...every(people, share).map((p, i) => (i % 2 ? `/speaker ${p.name.ko}` : `${p.name.ko} 발표 언제야?`)),
    ...every(sessions, share).map((s, i) => (i % 2 ? `${titleWords(s.title.ko)} 세션 누가 발표해?` : `who spoke about ${titleWords(s.title.en)}?`)),
    ...every(sessions, share).map((s) => `/session ${s.title.ko}`),
    ...every(tracks, share).map((t, i) => (i % 2 ? `/track ${t.name.ko}` : `${t.name.ko} 트랙 세션 몇 개야?`)),
    ...every(sessions, share).map((s, i) => (i % 2 ? `${s.title.ko.split(" ")[0]} 발표 있어?` : `sessions about ${s.title.en.split(" ")[0]} on day ${1 + (i % 3)}`)),
  ].slice(0, count);
}

const BENCH_USER = { id: "bench", platform: "bench", isAdmin: false } as const;

/** Asks each question once, in order; the time of each in ms. */
export async function timeQuestions(bot: Bot, questions: readonly string[]): Promise<number[]> {
  const times: number[] = [];
  for (const text of questions) {
    const started = performance.now();
    await bot.handle({ text, user: BENCH_USER });
    times.push(performance.now() - started);
  }
  return times;
}

/** The shared scorer's rule (../shared/eval/score.mjs): case, commas and runs of spaces ignored. */
function passes(item: Question, a: Answer): boolean {
  const norm = (s: string) => s.normalize("NFC").toLowerCase().replace(/,/g, "").replace(/\s+/g, " ");
  const text = `${a.title}\n${a.body}\n${a.fields.map((f) => f.value).join("\n")}`;
  const hay = norm(`${text}\n${a.citations.map((c) => c.quote).join("\n")}`);
  const has = (n: string) => hay.includes(norm(n)) || hay.replace(/ /g, "").includes(norm(n).replace(/ /g, ""));
  let ok = item.unanswerable ? !a.answered : a.answered && (!item.any || item.any.some(has)) && (!item.all || item.all.every((g) => g.some(has)));
  if (ok && item.none) ok = !item.none.some(has);
  return ok;
}

/** The share of questions the bot answers as the scorer expects. */
export async function accuracy(bot: Bot, questions: readonly Question[]): Promise<number> {
  let ok = 0;
  for (const item of questions) if (passes(item, await bot.handle({ text: item.q, user: BENCH_USER }))) ok++;
  return ok / questions.length;
}
