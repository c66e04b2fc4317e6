// Runs a compiled entry point as a user does, for the console tests.
import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a compiled entry point (dist/, as `npm start` and `npm run ask` do) with only the variables given: no platform
 * credentials leak in. Without a DATA_DIR given, it gets a fresh temporary one (removed afterwards), so the store and
 * the reload audit log are never written into the checkout's ./data. */
export async function run(entry: string, args: string[], input: string, env: Record<string, string> = {}): Promise<Run> {
  const dataDir = env.DATA_DIR === undefined ? await mkdtemp(join(tmpdir(), "eventdesk-data-")) : undefined;
  try {
    return await new Promise<Run>((resolve, reject) => {
      const child = spawn(process.execPath, [entry, ...args], {
        env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...(dataDir ? { DATA_DIR: dataDir } : {}), ...env },
        stdio: ["pipe", "pipe", "pipe"],
      });
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (d) => (stdout += d));
      child.stderr.on("data", (d) => (stderr += d));
      child.on("error", reject);
      child.on("close", (code) => resolve({ code, stdout, stderr }));
      child.stdin.end(input);
    });
  } finally {
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  }
}
