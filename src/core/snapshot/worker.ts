// The reload worker: runs the snapshot builder's thread-free steps (snapshot.ts `prepare`) and builds the index, then
// sends the result to the main thread in slices, each when the main thread asks for the next: a reload of a large
// pack never holds up the answers in between.
import { parentPort, workerData } from "node:worker_threads";
import { searchEngine } from "../search/index.js";
import { prepare, type WorkerInput, type WorkerMessage } from "./snapshot.js";

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

const { dir, options } = workerData as WorkerInput;
const result = await prepare(dir, options);
if (!result.ok) {
  await post({ kind: "failed", problems: result.problems, version: result.version });
} else {
  const { knowledge, docs, tables, fingerprint, version, files } = result.prepared;
  const { event, budget, ...sections } = knowledge;
  for (const [section, items] of Object.entries(sections)) {
    const hashed = fingerprint[section];
    await inSlices<{ id: string }>([...items.values()], (slice) => post({ kind: "items", section, items: slice, hashes: slice.map((item) => hashed.get(item.id)!) }));
  }
  await inSlices(docs, (slice) => post({ kind: "docs", docs: slice }));
  await inSlices([...tables.names].map(([key, keys]) => [key, [...keys]] as [string, string[]]), (entries) => post({ kind: "names", entries }));
  for (const part of searchEngine.parts(docs)) await post({ kind: "index", part });
  await post({ kind: "done", event, budget, hashes: { event: fingerprint.event, budget: fingerprint.budget }, version, files });
}
