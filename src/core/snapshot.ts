// An immutable view of the knowledge and its index. Reload builds a whole new one and swaps the reference;
// a question in flight keeps the snapshot it started with.
import { Worker } from "node:worker_threads";
import { loadKnowledge, type LoadOptions } from "./knowledge/load.js";
import type { Knowledge, KnowledgeProblem } from "./knowledge/schema.js";
import type { SearchDoc } from "./search/documents.js";
import { SearchIndex, type Searcher } from "./search/index.js";

export interface Snapshot {
  readonly knowledge: Knowledge;
  readonly index: Searcher;
  /** A short hash of the pack's files and schedule URLs: the same inputs give the same version. */
  readonly version: string;
  readonly loadedAt: Date;
  readonly loadedBy: string;
  readonly files: readonly string[];
}

export type SnapshotResult = { ok: true; snapshot: Snapshot } | { ok: false; problems: KnowledgeProblem[]; version: string };

export async function buildSnapshot(dir: string, loadedBy: string, options: LoadOptions = {}): Promise<SnapshotResult> {
  const loaded = await loadKnowledge(dir, options);
  if (!loaded.knowledge) return { ok: false, problems: loaded.problems, version: loaded.version };
  const snapshot: Snapshot = Object.freeze({
    knowledge: loaded.knowledge,
    index: SearchIndex.fromKnowledge(loaded.knowledge),
    version: loaded.version,
    loadedAt: new Date(),
    loadedBy,
    files: loaded.files,
  });
  return { ok: true, snapshot };
}

/** What snapshot-worker.ts sends: the knowledge's sections and the documents in slices, then the rest. */
export type WorkerMessage =
  | { kind: "failed"; problems: KnowledgeProblem[]; version: string }
  | { kind: "items"; section: string; items: { id: string }[] }
  | { kind: "docs"; docs: SearchDoc[] }
  | { kind: "done"; event: Knowledge["event"]; budget: Knowledge["budget"]; version: string; files: string[] };

const TYPESCRIPT = import.meta.url.endsWith(".ts");
const WORKER = new URL(`./snapshot-worker${TYPESCRIPT ? ".ts" : ".js"}`, import.meta.url);

/** Under tsx the worker is TypeScript: it registers tsx's loader first (a worker does not inherit it). */
function startWorker(workerData: unknown): Worker {
  if (!TYPESCRIPT) return new Worker(WORKER, { workerData });
  const api = JSON.stringify(import.meta.resolve("tsx/esm/api"));
  const boot = `import(${api}).then((tsx) => { tsx.register(); return import(${JSON.stringify(WORKER.href)}); });`;
  return new Worker(boot, { eval: true, workerData });
}

/**
 * The same snapshot as buildSnapshot, for a running bot: parsing, validation and documents in a worker thread,
 * the index built in small chunks here, so that questions keep being answered while a large pack reloads.
 */
export function buildSnapshotOffThread(dir: string, loadedBy: string, options: LoadOptions = {}): Promise<SnapshotResult> {
  const { scheduleUrls, fetchLimits } = options;
  const worker = startWorker({ dir, options: { scheduleUrls, fetchLimits } });
  const sections = new Map<string, Map<string, unknown>>();
  const docs: SearchDoc[] = [];
  return new Promise<SnapshotResult>((resolve, reject) => {
    const stopped = (code: number) => reject(new Error(`the snapshot worker stopped before it was done (exit code ${code})`));
    worker.on("error", reject);
    worker.on("exit", stopped);
    worker.on("message", (message: WorkerMessage) => {
      if (message.kind === "failed") return resolve({ ok: false, problems: message.problems, version: message.version });
      if (message.kind === "items") {
        const section = sections.get(message.section) ?? sections.set(message.section, new Map()).get(message.section)!;
        for (const item of message.items) section.set(item.id, item);
        return;
      }
      if (message.kind === "docs") return void docs.push(...message.docs);
      worker.off("exit", stopped);
      const knowledge = { ...Object.fromEntries(sections), event: message.event, budget: message.budget } as unknown as Knowledge;
      SearchIndex.fromDocumentsAsync(docs).then(
        (index) => resolve({ ok: true, snapshot: Object.freeze({ knowledge, index, version: message.version, loadedAt: new Date(), loadedBy, files: message.files }) }),
        reject,
      );
    });
  }).finally(() => void worker.terminate());
}
