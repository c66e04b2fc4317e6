// A worker thread that reads, validates and merges a pack, turns it into search documents and indexes them, then
// sends the result to the main thread in slices, each when the main thread asks for the next: a reload of a large
// pack never holds up the answers in between.
import { parentPort, workerData } from "node:worker_threads";
import { fingerprint } from "./knowledge/diff.js";
import { loadKnowledge, type LoadOptions } from "./knowledge/load.js";
import { buildDocuments } from "./search/documents.js";
import { SearchIndex } from "./search/index.js";
import { indexParts } from "./search/transfer.js";
import type { WorkerMessage } from "./snapshot.js";

/** Items per message: receiving one message is one uninterrupted piece of main-thread work. */
const SLICE = 200;

const asked: (() => void)[] = [];
parentPort!.on("message", () => asked.shift()?.());

/** Posts a message and waits until the main thread has taken it in and asks for the next. */
const post = (message: WorkerMessage) =>
  new Promise<void>((resolve) => {
    asked.push(resolve);
    parentPort!.postMessage(message);
  });

async function inSlices<T>(items: readonly T[], send: (slice: T[]) => Promise<void>): Promise<void> {
  // An empty section is sent too: the main thread learns that it exists.
  for (let i = 0; i === 0 || i < items.length; i += SLICE) await send(items.slice(i, i + SLICE));
}

const { dir, options } = workerData as { dir: string; options: LoadOptions };
const loaded = await loadKnowledge(dir, options);
if (!loaded.knowledge) {
  await post({ kind: "failed", problems: loaded.problems, version: loaded.version });
} else {
  const { event, budget, ...sections } = loaded.knowledge;
  const hashes = fingerprint(loaded.knowledge);
  for (const [section, items] of Object.entries(sections)) {
    const hashed = hashes[section];
    await inSlices<{ id: string }>([...items.values()], (slice) => post({ kind: "items", section, items: slice, hashes: slice.map((item) => hashed.get(item.id)!) }));
  }
  const docs = buildDocuments(loaded.knowledge);
  await inSlices(docs, (slice) => post({ kind: "docs", docs: slice }));
  for (const part of indexParts(SearchIndex.serialize(docs))) await post({ kind: "index", part });
  await post({ kind: "done", event, budget, hashes: { event: hashes.event, budget: hashes.budget }, version: loaded.version, files: loaded.files });
}
