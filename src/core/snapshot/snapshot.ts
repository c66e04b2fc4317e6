// An immutable view of the knowledge, its index and its tables. Reload builds a whole new one and swaps the
// reference; a question in flight keeps the snapshot it started with. One builder: the same steps run inline (start-up)
// or in a worker thread (reloads, so that a large pack never holds up the answers).
import { Worker } from "node:worker_threads";
import { fingerprintOf, type Fingerprint } from "../knowledge/diff.js";
import { loadKnowledge, type LoadOptions } from "../knowledge/load.js";
import type { Knowledge, KnowledgeProblem } from "../knowledge/schema.js";
import { buildDocuments, type SearchDoc } from "../search/documents.js";
import { searchEngine, type Searcher } from "../search/index.js";
import { buildTables, type SnapshotTables } from "./tables.js";

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
}

/** Everything but the index, which only the thread that answers can hold. */
export interface Prepared {
  knowledge: Knowledge;
  docs: SearchDoc[];
  tables: SnapshotTables;
  fingerprint: Fingerprint;
  version: string;
  files: string[];
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
    const loaded = await loadKnowledge(dir, options);
    if (!loaded.knowledge) return { ok: false, problems: loaded.problems, version: loaded.version };
    const docs = buildDocuments(loaded.knowledge);
    const prepared = { knowledge: loaded.knowledge, docs, tables: buildTables(docs), fingerprint: fingerprintOf(loaded.knowledge), version: loaded.version, files: loaded.files };
    return { ok: true, prepared };
  } catch (error) {
    return { ok: false, problems: [unexpected(dir, error)], version: "none" };
  }
}

const snapshotOf = (p: Omit<Prepared, "docs">, index: Searcher, loadedBy: string): Snapshot =>
  Object.freeze({ knowledge: p.knowledge, index, tables: p.tables, fingerprint: p.fingerprint, version: p.version, loadedAt: new Date(), loadedBy, files: p.files });

export async function buildSnapshot(dir: string, loadedBy: string, options: BuildOptions = {}): Promise<SnapshotResult> {
  if (options.offThread) return buildInWorker(dir, loadedBy, options);
  const result = await prepare(dir, options);
  if (!result.ok) return result;
  return { ok: true, snapshot: snapshotOf(result.prepared, searchEngine.build(result.prepared.docs), loadedBy) };
}

/**
 * What worker.ts sends, one message at a time: the knowledge's items with their hashes, the documents, the tables,
 * the index in parts, then the rest. It sends the next message only when this thread asks for it: Node delivers
 * every message already queued in one go, which would be one long stall.
 */
export type WorkerMessage =
  | { kind: "failed"; problems: KnowledgeProblem[]; version: string }
  | { kind: "items"; section: string; items: { id: string }[]; hashes: string[] }
  | { kind: "docs"; docs: SearchDoc[] }
  | { kind: "names"; entries: [string, string[]][] }
  | { kind: "index"; part: string }
  | { kind: "done"; event: Knowledge["event"]; budget: Knowledge["budget"]; hashes: Fingerprint; version: string; files: string[] };

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

/** The knowledge's sections, their hashes, documents and names, filled as the worker's slices arrive. */
class Received {
  readonly items = new Map<string, Map<string, unknown>>();
  readonly hashes = new Map<string, Map<string, string>>();
  readonly docs = new Map<string, SearchDoc>();
  readonly names = new Map<string, string[]>();

  take(message: WorkerMessage): void {
    if (message.kind === "items") {
      const items = this.items.get(message.section) ?? this.items.set(message.section, new Map()).get(message.section)!;
      const hashes = this.hashes.get(message.section) ?? this.hashes.set(message.section, new Map()).get(message.section)!;
      message.items.forEach((item, i) => {
        items.set(item.id, item);
        hashes.set(item.id, message.hashes[i]);
      });
    } else if (message.kind === "docs") for (const doc of message.docs) this.docs.set(doc.id, doc);
    else if (message.kind === "names") for (const [key, keys] of message.entries) this.names.set(key, keys);
  }
}

function buildInWorker(dir: string, loadedBy: string, options: BuildOptions): Promise<SnapshotResult> {
  const { scheduleUrls, fetchLimits } = options;
  const worker = startWorker({ dir, options: { scheduleUrls, fetchLimits } }, options.workerHeapMb);
  const received = new Received();
  const index = searchEngine.receiver(received.docs);
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
      if (message.kind === "index") index.add(message.part);
      else received.take(message);
      if (message.kind !== "done") return next();
      worker.off("exit", exited);
      const knowledge = { ...Object.fromEntries(received.items), event: message.event, budget: message.budget } as unknown as Knowledge;
      const fingerprint = { ...Object.fromEntries(received.hashes), ...message.hashes };
      const prepared = { knowledge, tables: { names: received.names }, fingerprint, version: message.version, files: message.files };
      index.result().then((searcher) => resolve({ ok: true, snapshot: snapshotOf(prepared, searcher, loadedBy) }), died);
    });
  }).finally(() => void worker.terminate());
}
