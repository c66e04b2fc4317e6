// An immutable view of the knowledge, its index and its tables. Reload builds a whole new one and swaps the
// reference; a question in flight keeps the snapshot it started with. One builder: the same steps run inline (start-up)
// or in a worker thread (reloads, so that a large pack never holds up the answers).
import { Worker } from "node:worker_threads";
import { fingerprintOf, type Fingerprint } from "../knowledge/diff.js";
import type { LoadOptions } from "../knowledge/load.js";
import type { Knowledge, KnowledgeProblem } from "../knowledge/schema.js";
import { buildDocuments } from "../search/documents.js";
import { searchEngine, type Searcher } from "../search/index.js";
import { cachedSnapshot, saveToCache } from "./cache.js";
import { Assembler, type Assembled, type Prepared, type SnapshotMessage } from "./stream.js";
import { buildTables, type SnapshotTables } from "./tables.js";

export type { Prepared } from "./stream.js";

export interface Snapshot {
  readonly knowledge: Knowledge;
  readonly index: Searcher;
  readonly tables: SnapshotTables;
  /** A hash per item, for the reload's diff. */
  readonly fingerprint: Fingerprint;
  /** A short hash of the pack's files and schedule URLs: the same inputs give the same version. */
  readonly version: string;
  readonly loadedAt: Date;
  readonly loadedBy: string;
  readonly files: readonly string[];
}

export type SnapshotResult = { ok: true; snapshot: Snapshot } | { ok: false; problems: KnowledgeProblem[]; version: string };

export interface BuildOptions extends LoadOptions {
  /** Build in a worker thread, receiving the result in small pieces (reloads of a running bot). */
  offThread?: boolean;
  /** The worker's heap limit in MB: a pack too large for it fails the reload instead of exhausting the process. */
  workerHeapMb?: number;
  /** Where a start-up keeps the last snapshot it built (cache.ts); none without. */
  cacheDir?: string;
}

export type PrepareResult = { ok: true; prepared: Prepared } | { ok: false; problems: KnowledgeProblem[]; version: string };

/** A failure nobody placed in a file (a loader bug, a worker that died) as a problem, so it is reported like the others. */
export const unexpected = (where: string, error: unknown): KnowledgeProblem => ({
  file: where,
  message: `the knowledge could not be built: ${error instanceof Error ? error.message : String(error)}`,
});

/** Reads, validates, merges and indexes-to-be: the builder's steps that need no answering thread. Never throws. */
export async function prepare(dir: string, options: LoadOptions): Promise<PrepareResult> {
  try {
    // Loaded only when the knowledge is read: a start-up served from the cache never loads the YAML parser.
    const { loadKnowledge } = await import("../knowledge/load.js");
    const loaded = await loadKnowledge(dir, options);
    if (!loaded.knowledge) return { ok: false, problems: loaded.problems, version: loaded.version };
    const docs = buildDocuments(loaded.knowledge);
    const prepared = { knowledge: loaded.knowledge, docs, tables: buildTables(docs), fingerprint: fingerprintOf(loaded.knowledge), version: loaded.version, files: loaded.files };
    return { ok: true, prepared };
  } catch (error) {
    return { ok: false, problems: [unexpected(dir, error)], version: "none" };
  }
}

const snapshotOf = (p: Omit<Assembled, "index">, index: Searcher, loadedBy: string): Snapshot =>
  Object.freeze({ knowledge: p.knowledge, index, tables: p.tables, fingerprint: p.fingerprint, version: p.version, loadedAt: new Date(), loadedBy, files: p.files });

export async function buildSnapshot(dir: string, loadedBy: string, options: BuildOptions = {}): Promise<SnapshotResult> {
  if (options.offThread) return buildInWorker(dir, loadedBy, options);
  const cached = options.cacheDir && (await cachedSnapshot(options.cacheDir, dir, options));
  if (cached) return { ok: true, snapshot: snapshotOf(cached, cached.index, loadedBy) };
  const result = await prepare(dir, options);
  if (!result.ok) return result;
  if (options.cacheDir) await saveToCache(options.cacheDir, dir, options, result.prepared);
  return { ok: true, snapshot: snapshotOf(result.prepared, searchEngine.build(result.prepared.docs), loadedBy) };
}

/** What worker.ts sends: the snapshot's messages (stream.ts), or its problems. */
export type WorkerMessage = SnapshotMessage;

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

function buildInWorker(dir: string, loadedBy: string, options: BuildOptions): Promise<SnapshotResult> {
  const { scheduleUrls, fetchLimits } = options;
  const worker = startWorker({ dir, options: { scheduleUrls, fetchLimits } }, options.workerHeapMb);
  const assembler = new Assembler();
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
      const assembled = assembler.take(message);
      if (!assembled) return next();
      worker.off("exit", exited);
      assembled.then((a) => resolve({ ok: true, snapshot: snapshotOf(a, a.index, loadedBy) }), died);
    });
  }).finally(() => void worker.terminate());
}
