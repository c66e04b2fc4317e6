// Child-process tests run the bot as production does, compiled (`node dist/main.js`): starting it through npm and a
// TypeScript loader took most of their time. The build runs here, once per `npm test`, and only when a file in src/
// is newer than the last build. Two test runs at once (CI and a developer) take turns through a lock folder.
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, rmSync, statSync, utimesSync } from "node:fs";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

const BUILT = "dist/.tsbuildinfo";
const LOCK = "dist.lock";
const STALE_LOCK_MS = 120_000;

function newest(dir: string): number {
  return Math.max(...readdirSync(dir, { withFileTypes: true, recursive: true }).filter((e) => e.isFile()).map((e) => statSync(join(e.parentPath, e.name)).mtimeMs));
}

const built = (): number => {
  try {
    return statSync(BUILT).mtimeMs;
  } catch {
    return 0;
  }
};

async function lock(): Promise<void> {
  for (;;) {
    try {
      return void mkdirSync(LOCK);
    } catch {
      // A lock left by a run that was killed mid-build is taken over.
      const age = Date.now() - statSync(LOCK, { throwIfNoEntry: false })!.mtimeMs;
      if (age > STALE_LOCK_MS) rmSync(LOCK, { recursive: true, force: true });
      await sleep(250);
    }
  }
}

export default async function setup(): Promise<void> {
  if (built() >= newest("src")) return;
  await lock();
  try {
    if (built() >= newest("src")) return;
    const tsc = spawnSync(process.execPath, ["node_modules/typescript/bin/tsc", "-p", "tsconfig.build.json"], { stdio: "inherit" });
    if (tsc.status !== 0) throw new Error("npm run build failed: the child-process tests need dist/");
    // tsc leaves its build info alone when nothing changed: mark the build as current all the same.
    const now = new Date();
    utimesSync(BUILT, now, now);
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}
