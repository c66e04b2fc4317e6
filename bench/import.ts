// Schedule import: the real exports in ../shared/data/real-schedules and a synthetic 5 MB export, each in a fresh
// child process (a clean heap). parseSchedule's time (first call, then the median of 5), the heap its result
// keeps, the peak RSS, and a whole loadKnowledge of a folder holding only that file (merge included).
//   npx tsx bench/import.ts (also part of npm run bench)
import { fork } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadKnowledge } from "../src/core/knowledge/load.js";
import { parseSchedule } from "../src/core/knowledge/schedule.js";
import { percentile, table } from "./report.js";

const REAL = "../shared/data/real-schedules";
const CASES = ["36c3-wiki.json", "jev22-everything.json", "pretalx-democon.json", "hub-schedule2.json", "synthetic-5mb"];

interface Row {
  file: string;
  mb: number;
  events: number;
  warnings: number;
  zones: string;
  firstMs: number;
  medianMs: number;
  keptMb: number;
  loadMs: number;
  rssMb: number;
}

/** 3,300 events like pretalx's, with abstracts and descriptions: about 5 MB pretty-printed. */
function synthetic(): string {
  const text = "A talk about schedules, time zones and the people who publish them. ".repeat(6);
  const events = Array.from({ length: 3_300 }, (_, i) => ({
    id: i + 1,
    guid: `00000000-0000-4000-8000-${String(i + 1).padStart(12, "0")}`,
    date: `2024-03-${30 + (i % 2)}T${String(9 + (i % 12)).padStart(2, "0")}:00:00+0${1 + (i % 2)}:00`,
    duration: "00:30",
    room: `Room ${i % 20}`,
    title: `Talk ${i + 1}`,
    track: `Track ${i % 9}`,
    type: "talk",
    language: "en",
    abstract: `<p>${text}</p>`,
    description: text,
    persons: [{ id: i, code: `P${i}`, public_name: `Speaker ${i}` }],
    links: [`www.example.org/slides/${i}`],
  }));
  const rooms: Record<string, unknown[]> = {};
  for (const e of events) (rooms[e.room] ??= []).push(e);
  return JSON.stringify({ schedule: { version: "1", conference: { acronym: "synthetic24", title: "Synthetic", time_zone_name: "Europe/Berlin", days: [{ index: 1, date: "2024-03-30", rooms }] } } }, null, 2);
}

async function measure(file: string): Promise<Row> {
  const body = file === "synthetic-5mb" ? synthetic() : await readFile(join(REAL, file), "utf8");
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  let started = performance.now();
  const first = parseSchedule(file, body);
  const firstMs = performance.now() - started;
  global.gc?.();
  const keptMb = (process.memoryUsage().heapUsed - heapBefore) / 1e6;
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    started = performance.now();
    parseSchedule(file, body);
    times.push(performance.now() - started);
  }
  const dir = await mkdtemp(join(tmpdir(), "eventdesk-import-bench-"));
  await writeFile(join(dir, file.endsWith(".json") ? file : `${file}.json`), body);
  started = performance.now();
  const loaded = await loadKnowledge(dir);
  const loadMs = performance.now() - started;
  await rm(dir, { recursive: true, force: true });
  if (loaded.problems.length) throw new Error(`${file}: ${loaded.problems[0].message}`);
  const zones = [...new Set(first.schedule!.events.map((e) => e.zone ?? "none"))].join(", ");
  return {
    file,
    mb: body.length / 1e6,
    events: first.schedule!.events.length,
    warnings: first.warnings.length,
    zones,
    firstMs,
    medianMs: percentile(times, 50),
    keptMb,
    loadMs,
    rssMb: process.resourceUsage().maxRSS / 1e3,
  };
}

/** Prints the table; each file is measured in a child process of its own. */
export async function importBench(): Promise<void> {
  const rows: Row[] = [];
  for (const file of CASES) {
    const child = fork(fileURLToPath(import.meta.url), ["--child", file], { execArgv: ["--import", "tsx", "--expose-gc"] });
    rows.push(await new Promise<Row>((resolve, reject) => child.once("message", (m) => resolve(m as Row)).once("exit", (code) => code && reject(new Error(`${file}: exit ${code}`)))));
  }
  const f = (n: number, d = 1) => n.toFixed(d);
  console.log(
    table(
      ["file", "MB", "events", "warnings", "zones", "parse, first (ms)", "parse, median of 5 (ms)", "heap kept (MB)", "loadKnowledge (ms)", "peak RSS (MB)"],
      rows.map((r) => [r.file, f(r.mb, 2), String(r.events), String(r.warnings), r.zones, f(r.firstMs), f(r.medianMs), f(r.keptMb), f(r.loadMs), f(r.rssMb, 0)]),
    ),
  );
}

if (process.argv[2] === "--child") process.send!(await measure(process.argv[3]));
else if (process.argv[1] === fileURLToPath(import.meta.url)) await importBench();
