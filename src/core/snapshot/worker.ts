// The reload worker: runs the snapshot builder's thread-free steps (snapshot.ts `prepare`) and builds the index, then
// sends the result to the main thread as messages (stream.ts), each when the main thread asks for the next: a reload
// of a large pack never holds up the answers in between.
import { parentPort, workerData } from "node:worker_threads";
import { prepare, type WorkerInput } from "./snapshot.js";
import { messagesOf, type SnapshotMessage } from "./stream.js";

const asked: (() => void)[] = [];
parentPort!.on("message", () => asked.shift()?.());

/** Posts a message and waits until the main thread has taken it in and asks for the next. */
const post = (message: SnapshotMessage) =>
  new Promise<void>((resolve) => {
    asked.push(resolve);
    parentPort!.postMessage(message);
  });

const { dir, options } = workerData as WorkerInput;
const result = await prepare(dir, options);
if (!result.ok) await post({ kind: "failed", problems: result.problems, version: result.version });
else for (const message of messagesOf(result.prepared)) await post(message);
