// The reload worker: runs the snapshot builder's thread-free steps (snapshot.ts `prepare`) and builds the name index,
// then sends the result to the main thread in slices, each when the main thread asks for the next: a reload of a
// large pack never holds up the answers in between. The document index crosses as transferred buffers.
import { parentPort, workerData } from "node:worker_threads";
import { searchEngine } from "../search/index.js";
import { buildNameIndex, nameIndexParts } from "../search/minisearch.js";
import { indexedNames, prepare, type TableName, type WorkerInput, type WorkerMessage } from "./snapshot.js";

/** Items per message: receiving one message is one uninterrupted piece of main-thread work. */
const SLICE = 200;

const asked: (() => void)[] = [];
parentPort!.on("message", () => asked.shift()?.());

/** Posts a message (moving `transfer`'s buffers) and waits until the main thread has taken it in and asks for the next. */
const post = (message: WorkerMessage, transfer: ArrayBuffer[] = []) =>
  new Promise<void>((resolve) => {
    asked.push(resolve);
    parentPort!.postMessage(message, transfer);
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
  const { knowledge, index, tables, fingerprint, version, files, warnings, copyNotices } = result.prepared;
  const { glossary, ...sections } = knowledge;
  for (const [section, items] of Object.entries(sections)) {
    const hashed = fingerprint[section];
    await inSlices<[string, unknown]>([...items], (slice) => post({ kind: "items", section, items: slice, hashes: slice.map(([key]) => hashed.get(key)!) }));
  }
  const { longestName, ...maps } = tables;
  for (const [table, map] of Object.entries(maps) as [TableName, Map<string, unknown>][]) {
    await inSlices([...map], (entries) => post({ kind: "table", table, entries }));
  }
  await post({ kind: "index", data: index }, searchEngine.transferables(index));
  for (const part of nameIndexParts(buildNameIndex(indexedNames(tables)))) await post({ kind: "names", part });
  await post({ kind: "done", glossary, longestName, version, files, warnings, copyNotices });
}
