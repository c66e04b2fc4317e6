// A worker thread that reads, validates and merges a pack and turns it into search documents, then sends the
// result to the main thread in slices: a reload of a large pack never holds up the answers in between.
import { parentPort, workerData } from "node:worker_threads";
import { loadKnowledge, type LoadOptions } from "./knowledge/load.js";
import { buildDocuments } from "./search/documents.js";
import type { WorkerMessage } from "./snapshot.js";

/** Items per message: receiving one message is one uninterrupted piece of main-thread work. */
const SLICE = 500;

const post = (message: WorkerMessage) => parentPort!.postMessage(message);

function inSlices<T>(items: readonly T[], send: (slice: T[]) => void): void {
  for (let i = 0; i < items.length; i += SLICE) send(items.slice(i, i + SLICE));
}

const { dir, options } = workerData as { dir: string; options: LoadOptions };
const loaded = await loadKnowledge(dir, options);
if (!loaded.knowledge) {
  post({ kind: "failed", problems: loaded.problems, version: loaded.version });
} else {
  const { event, budget, ...sections } = loaded.knowledge;
  for (const [section, items] of Object.entries(sections)) inSlices([...items.values()], (slice) => post({ kind: "items", section, items: slice }));
  inSlices(buildDocuments(loaded.knowledge), (docs) => post({ kind: "docs", docs }));
  post({ kind: "done", event, budget, version: loaded.version, files: loaded.files });
}
