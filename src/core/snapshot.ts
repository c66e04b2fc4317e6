// An immutable view of the knowledge and its index. Reload builds a whole new one and swaps the reference;
// a question in flight keeps the snapshot it started with.
import { Worker } from "node:worker_threads";
import { loadKnowledge, type LoadOptions } from "./knowledge/load.js";
import type { Knowledge, KnowledgeProblem } from "./knowledge/schema.js";
import { adoptFingerprint, type Fingerprint } from "./knowledge/diff.js";
import type { SearchDoc } from "./search/documents.js";
import { SearchIndex, type Searcher } from "./search/index.js";
import { IndexAssembler } from "./search/transfer.js";

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

/**
 * What snapshot-worker.ts sends, one message at a time: the knowledge's items with their content hashes (for the
 * reload's diff), the search documents, the index in parts, then the rest. It sends the next message only when
 * this thread asks for it: Node delivers every message already queued in one go, which would be one long stall.
 */
export type WorkerMessage =
  | { kind: "failed"; problems: KnowledgeProblem[]; version: string }
  | { kind: "items"; section: string; items: { id: string }[]; hashes: string[] }
  | { kind: "docs"; docs: SearchDoc[] }
  | { kind: "index"; /** JSON, from indexParts. */ part: string }
  | { kind: "done"; event: Knowledge["event"]; budget: Knowledge["budget"]; hashes: Fingerprint; version: string; files: string[] };

const TYPESCRIPT = import.meta.url.endsWith(".ts");
const WORKER = new URL(`./snapshot-worker${TYPESCRIPT ? ".ts" : ".js"}`, import.meta.url);

/** Under tsx the worker is TypeScript: it registers tsx's loader first (a worker does not inherit it). */
function startWorker(workerData: unknown): Worker {
  if (!TYPESCRIPT) return new Worker(WORKER, { workerData });
  const api = JSON.stringify(import.meta.resolve("tsx/esm/api"));
  const boot = `import(${api}).then((tsx) => { tsx.register(); return import(${JSON.stringify(WORKER.href)}); });`;
  return new Worker(boot, { eval: true, workerData });
}

/** A section's items and their hashes, filled as the worker's slices arrive. */
class SectionsReceived {
  readonly items = new Map<string, Map<string, unknown>>();
  readonly hashes = new Map<string, Map<string, string>>();

  add(section: string, items: { id: string }[], hashes: string[]) {
    const received = this.items.get(section) ?? this.items.set(section, new Map()).get(section)!;
    const hashed = this.hashes.get(section) ?? this.hashes.set(section, new Map()).get(section)!;
    items.forEach((item, i) => {
      received.set(item.id, item);
      hashed.set(item.id, hashes[i]);
    });
  }
}

/**
 * The same snapshot as buildSnapshot, for a running bot: parsing, validation, documents and the index in a worker
 * thread, received here in small messages and loaded in small batches, so that questions keep being answered
 * while a large pack reloads.
 */
export function buildSnapshotOffThread(dir: string, loadedBy: string, options: LoadOptions = {}): Promise<SnapshotResult> {
  const { scheduleUrls, fetchLimits } = options;
  const worker = startWorker({ dir, options: { scheduleUrls, fetchLimits } });
  const sections = new SectionsReceived();
  const docs = new Map<string, SearchDoc>();
  const index = new IndexAssembler();
  // The next message once the event loop has had its turn.
  const next = () => void setImmediate(() => worker.postMessage("next"));
  return new Promise<SnapshotResult>((resolve, reject) => {
    const stopped = (code: number) => reject(new Error(`the snapshot worker stopped before it was done (exit code ${code})`));
    worker.on("error", reject);
    worker.on("exit", stopped);
    worker.on("message", (message: WorkerMessage) => {
      if (message.kind === "failed") return resolve({ ok: false, problems: message.problems, version: message.version });
      if (message.kind === "items") sections.add(message.section, message.items, message.hashes);
      else if (message.kind === "docs") for (const doc of message.docs) docs.set(doc.id, doc);
      else if (message.kind === "index") index.add(message.part);
      if (message.kind !== "done") return next();
      worker.off("exit", stopped);
      const knowledge = { ...Object.fromEntries(sections.items), event: message.event, budget: message.budget } as unknown as Knowledge;
      adoptFingerprint(knowledge, { ...Object.fromEntries(sections.hashes), ...message.hashes });
      SearchIndex.fromSerialized(docs, index.result()).then(
        (searcher) => resolve({ ok: true, snapshot: Object.freeze({ knowledge, index: searcher, version: message.version, loadedAt: new Date(), loadedBy, files: message.files }) }),
        reject,
      );
    });
  }).finally(() => void worker.terminate());
}
