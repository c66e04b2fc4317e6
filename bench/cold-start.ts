// Cold start: whole processes on the built code (dist/), the median of BENCH_COLD_RUNS runs after one warm-up run:
// `npm start` (the console chat, no platform configured) until its greeting is printed, and
// `npm run ask -- "예산"` from start to exit.
import { spawn } from "node:child_process";
import { ms, percentile, table } from "./report.js";

const RUNS = Number(process.env.BENCH_COLD_RUNS ?? 5);
/** No platform variables: the console chat. */
const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(SLACK|DISCORD)_/.test(name)));

/** Runs `args` and resolves, in ms, once stdout holds `until` (then ends the process) or the process exits. */
function timeRun(args: string[], until?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn("npm", args, { env, stdio: ["pipe", "pipe", "inherit"] });
    let out = "";
    let done = false;
    const finish = (code: number | null) => {
      if (done) return;
      done = true;
      const spent = performance.now() - started;
      return code === 0 || until ? resolve(spent) : reject(new Error(`npm ${args.join(" ")} exited with ${code}`));
    };
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      if (until && out.includes(until)) {
        finish(0);
        child.stdin.end("/quit\n");
      }
    });
    child.on("exit", finish);
    if (!until) child.stdin.end();
  });
}

async function median(args: string[], until?: string): Promise<number> {
  await timeRun(args, until);
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) times.push(await timeRun(args, until));
  return percentile(times, 50);
}

export async function coldStartBench(): Promise<void> {
  const rows = [
    ["`npm start` to the console greeting", ms(await median(["start", "--silent"], "EventDesk —"))],
    ['`npm run ask -- "예산"`, start to exit', ms(await median(["run", "--silent", "ask", "--", "예산"]))],
  ];
  console.log(`\nCold start — whole processes on dist/, the median of ${RUNS} runs after a warm-up\n`);
  console.log(table(["command", "wall time (median)"], rows));
}
