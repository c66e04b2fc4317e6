// `npm run bench`: the default pack (run.ts), scale, cold start, load, fault and schedule import, in sequence.
import { coldStartBench } from "./cold-start.js";
import { faultBench } from "./fault.js";
import { importBench } from "./import.js";
import { loadBench } from "./load.js";
import { coreBench } from "./run.js";
import { scaleBench } from "./scale.js";

await coreBench();
await scaleBench();
await coldStartBench();
await loadBench();
await faultBench();
await importBench();
