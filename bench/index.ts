// `npm run bench`: the existing index and latency figures (run.ts), then scale, load, fault and schedule import, in sequence.
import "./run.js";
import { faultBench } from "./fault.js";
import { importBench } from "./import.js";
import { loadBench } from "./load.js";
import { scaleBench } from "./scale.js";

await scaleBench();
await loadBench();
await faultBench();
await importBench();
