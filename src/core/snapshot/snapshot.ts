// An immutable view of the knowledge, its index and its tables. Reload builds a whole new one and swaps the
// reference; a question in flight keeps the snapshot it started with. One builder: the same steps run inline (start-up)
// or in a worker thread (reloads, so that a large pack never holds up the answers).
import { Worker } from "node:worker_threads";
import { fingerprintOf, type Fingerprint } from "../knowledge/diff.js";
import type { LoadOptions } from "../knowledge/load.js";
import type { Knowledge, KnowledgeProblem } from "../knowledge/schema.js";
import type { CopyNotice } from "../knowledge/schedule-url.js";
import { searchEngine, type IndexData, type Searcher } from "../search/index.js";
import { buildNameIndex, nameIndexReceiver, type NameIndex } from "../search/minisearch.js";
import { snapshotCache } from "./cache.js";
import { buildTables, type SnapshotTables } from "./tables.js";

export interface Snapshot {
  readonly knowledge: Knowledge;
  /** The documents' index: what a question's topic words find. */
  readonly index: Searcher;
  /** The names' index: a name typed with a typo, initials only, or its first letters. */
  readonly names: NameIndex;
  readonly tables: SnapshotTables;
  /** A hash per item, for the reload's diff. */
  readonly fingerprint: Fingerprint;
  /** A short hash of the pack's files and schedule URLs: the same inputs give the same version. */
  readonly version: string;
  readonly loadedAt: Date;
  readonly loadedBy: string;
  readonly files: readonly string[];
  /** What imported schedules left out (each with its place and value): logged, not failed. */
  readonly warnings: readonly KnowledgeProblem[];
  /** Schedule URLs read from their last good copy, or whose new copy could not be kept: warned about. */
  readonly copyNotices: readonly CopyNotice[];
}

export type SnapshotResult = { ok: true; snapshot: Snapshot } | { ok: false; problems: KnowledgeProblem[]; version: string };

export interface BuildOptions extends LoadOptions {
  /** Build in a worker thread, receiving the result in small pieces (reloads of a running bot). */
  offThread?: boolean;
  /** The worker's heap limit in MB: a pack too large for it fails the reload instead of exhausting the process. */
  workerHeapMb?: number;
  /** Where a start keeps its prepared snapshot for the next start on the same files (see cache.ts); none: no cache. */
  cacheDir?: string;
}

/** Everything but the name index, which only the thread that answers can hold. */
export interface Prepared {
  knowledge: Knowledge;
  index: IndexData;
  tables: SnapshotTables;
  fingerprint: Fingerprint;
  version: string;
  files: string[];
  warnings: KnowledgeProblem[];
  copyNotices: CopyNotice[];
}

export type PrepareResult = { ok: true; prepared: Prepared } | { ok: false; problems: KnowledgeProblem[]; version: string };

/** A failure nobody placed in a file (a loader bug, a worker that died) as a problem, so it is reported like the others. */
export const unexpected = (where: string, error: unknown): KnowledgeProblem => ({
  file: where,
  message: `the knowledge could not be built: ${error instanceof Error ? error.message : String(error)}`,
});

/** The names the name index holds: everything named but sessions (titles are found by the document index). */
export const indexedNames = (tables: SnapshotTables): string[] => [...tables.names].filter(([, named]) => named.some((n) => n.kind !== "session")).map(([name]) => name);

/** Reads, validates, merges, indexes and tabulates: the builder's steps that need no answering thread. Never throws. */
export async function prepare(dir: string, options: LoadOptions): Promise<PrepareResult> {
  try {
    // Loaded when the knowledge is read, not at start-up: a start served by the cache never loads the YAML parser.
    const { loadKnowledge } = await import("../knowledge/load.js");
    const loaded = await loadKnowledge(dir, options);
    if (!loaded.knowledge) return { ok: false, problems: loaded.problems, version: loaded.version };
    const k = loaded.knowledge;
    const prepared = { knowledge: k, index: searchEngine.data(k), tables: buildTables(k), fingerprint: fingerprintOf(k), version: loaded.version, files: loaded.files, warnings: loaded.warnings, copyNotices: loaded.copyNotices };
    return { ok: true, prepared };
  } catch (error) {
    return { ok: false, problems: [unexpected(dir, error)], version: "none" };
  }
}

const snapshotOf = (p: Omit<Prepared, "index">, index: Searcher, names: NameIndex, loadedBy: string): Snapshot =>
  Object.freeze({ knowledge: p.knowledge, index, names, tables: p.tables, fingerprint: p.fingerprint, version: p.version, loadedAt: new Date(), loadedBy, files: p.files, warnings: p.warnings, copyNotices: p.copyNotices });

export async function buildSnapshot(dir: string, loadedBy: string, options: BuildOptions = {}): Promise<SnapshotResult> {
  if (options.offThread) return buildInWorker(dir, loadedBy, options);
  const cache = options.cacheDir && !options.scheduleUrls?.length ? await snapshotCache(options.cacheDir, dir) : undefined;
  const cached = await cache?.read();
  const result: PrepareResult = cached ? { ok: true, prepared: cached } : await prepare(dir, options);
  if (!result.ok) return result;
  const p = result.prepared;
  if (!cached) await cache?.write(p);
  return { ok: true, snapshot: snapshotOf(p, searchEngine.restore(p.index), buildNameIndex(indexedNames(p.tables)), loadedBy) };
}

/**
 * What worker.ts sends, one message at a time: the knowledge's items with their hashes, the tables, the document
 * index (its buffers transferred, not copied), the name index in parts, then the rest. It sends the next message
 * only when this thread asks for it: Node delivers every message already queued in one go, which would be one long
 * stall.
 */
export type WorkerMessage =
  | { kind: "failed"; problems: KnowledgeProblem[]; version: string }
  | { kind: "items"; section: string; items: [key: string, item: unknown][]; hashes: string[] }
  | { kind: "table"; table: TableName; entries: [string, unknown][] }
  | { kind: "index"; data: IndexData }
  | { kind: "names"; part: string }
  | { kind: "done"; glossary: Knowledge["glossary"]; longestName: number; version: string; files: string[]; warnings: KnowledgeProblem[]; copyNotices: CopyNotice[] };

/** The tables that are maps, sent as slices of their entries. */
export type TableName = Exclude<keyof SnapshotTables, "longestName">;

export interface WorkerInput {
  dir: string;
  options: LoadOptions;
}

const TYPESCRIPT = import.meta.url.endsWith(".ts");
const WORKER = new URL(`./worker${TYPESCRIPT ? ".ts" : ".js"}`, import.meta.url);

/** Under tsx the worker is TypeScript: it registers tsx's loader first (a worker does not inherit it). */
function startWorker(workerData: WorkerInput, heapMb: number | undefined): Worker {
  const resourceLimits = heapMb ? { maxOldGenerationSizeMb: heapMb } : undefined;
  if (!TYPESCRIPT) return new Worker(WORKER, { workerData, resourceLimits });
  const api = JSON.stringify(import.meta.resolve("tsx/esm/api"));
  const boot = `import(${api}).then((tsx) => { tsx.register(); return import(${JSON.stringify(WORKER.href)}); });`;
  return new Worker(boot, { eval: true, workerData, resourceLimits });
}

/** The knowledge's sections, their hashes and the tables, filled as the worker's slices arrive. */
class Received {
  readonly items = new Map<string, Map<string, unknown>>();
  readonly hashes = new Map<string, Map<string, string>>();
  readonly tables = new Map<TableName, Map<string, unknown>>();
  index?: IndexData;

  take(message: WorkerMessage): void {
    if (message.kind === "items") {
      const items = this.items.get(message.section) ?? this.items.set(message.section, new Map()).get(message.section)!;
      const hashes = this.hashes.get(message.section) ?? this.hashes.set(message.section, new Map()).get(message.section)!;
      message.items.forEach(([key, item], i) => {
        items.set(key, item);
        hashes.set(key, message.hashes[i]);
      });
    } else if (message.kind === "table") {
      const table = this.tables.get(message.table) ?? this.tables.set(message.table, new Map()).get(message.table)!;
      for (const [key, value] of message.entries) table.set(key, value);
    } else if (message.kind === "index") this.index = message.data;
  }
}

function buildInWorker(dir: string, loadedBy: string, options: BuildOptions): Promise<SnapshotResult> {
  const { scheduleUrls, fetchLimits, scheduleCopiesDir } = options;
  const worker = startWorker({ dir, options: { scheduleUrls, fetchLimits, scheduleCopiesDir } }, options.workerHeapMb);
  const received = new Received();
  const names = nameIndexReceiver();
  // The next message once the event loop has had its turn.
  const next = () => void setImmediate(() => worker.postMessage("next"));
  return new Promise<SnapshotResult>((resolve) => {
    // A worker that dies (out of memory, a crash) fails the reload like any other problem: reported, never thrown.
    const died = (error: unknown) => resolve({ ok: false, problems: [unexpected("(reload worker)", error)], version: "none" });
    const exited = (code: number) => died(new Error(`the reload worker stopped before it was done (exit code ${code})`));
    worker.on("error", died);
    worker.on("exit", exited);
    worker.on("message", (message: WorkerMessage) => {
      if (message.kind === "failed") return resolve({ ok: false, problems: message.problems, version: message.version });
      if (message.kind === "names") names.add(message.part);
      else received.take(message);
      if (message.kind !== "done") return next();
      worker.off("exit", exited);
      const knowledge = { ...Object.fromEntries(received.items), glossary: message.glossary } as unknown as Knowledge;
      const tables = { ...Object.fromEntries(received.tables), longestName: message.longestName } as unknown as SnapshotTables;
      const prepared = { knowledge, tables, fingerprint: Object.fromEntries(received.hashes), version: message.version, files: message.files, warnings: message.warnings, copyNotices: message.copyNotices };
      if (!received.index) return died(new Error("the reload worker sent no index"));
      const index = searchEngine.restore(received.index);
      names.result().then((nameIndex) => resolve({ ok: true, snapshot: snapshotOf(prepared, index, nameIndex, loadedBy) }), died);
    });
  }).finally(() => void worker.terminate());
}
