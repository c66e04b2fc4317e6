// Runs the compiled bot (`node dist/main.js`, built by test/global-setup.ts) as a child process, the way a Procfile
// platform does, and reads its pino lines on stderr.
import { spawn, type ChildProcess } from "node:child_process";

export interface RunningMain {
  child: ChildProcess;
  /** Everything written to stderr so far. */
  stderr(): string;
  /** The JSON log lines so far. */
  lines(): Array<Record<string, unknown>>;
  /** Resolves with the first log line `matches` accepts, now or later. */
  waitForLine(matches: (line: Record<string, unknown>) => boolean, timeoutMs?: number): Promise<Record<string, unknown>>;
  /** Resolves with the exit code and how long after the call the process ended. */
  exit(): Promise<{ code: number | null; afterMs: number }>;
}

function parse(line: string): Record<string, unknown> | undefined {
  try {
    return JSON.parse(line) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

/** `stdin: "pipe"` keeps the console chat open until the test ends its input. */
export function startMain(env: Record<string, string>, stdin: "ignore" | "pipe" = "ignore"): RunningMain {
  // No inherited configuration: only what the test sets (and a PATH), so a developer's .env or shell cannot leak in.
  const child = spawn(process.execPath, ["dist/main.js"], {
    env: { PATH: process.env.PATH ?? "", DOTENV_CONFIG_PATH: "/nonexistent/.env", ...env },
    stdio: [stdin, "ignore", "pipe"],
  });
  let stderr = "";
  const listeners = new Set<() => void>();
  child.stderr!.on("data", (chunk: Buffer) => {
    stderr += chunk.toString("utf8");
    listeners.forEach((l) => l());
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const lines = () => stderr.split("\n").map(parse).filter((l): l is Record<string, unknown> => l !== undefined);
  return {
    child,
    stderr: () => stderr,
    lines,
    waitForLine: (matches, timeoutMs = 20_000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const found = lines().find(matches);
          if (found) finish(() => resolve(found));
        };
        const timer = setTimeout(() => finish(() => reject(new Error(`no such log line; stderr:\n${stderr.slice(-2000)}`))), timeoutMs);
        const gone = () => finish(() => reject(new Error(`the process exited; stderr:\n${stderr.slice(-2000)}`)));
        const finish = (settle: () => void) => {
          clearTimeout(timer);
          listeners.delete(check);
          child.off("exit", gone);
          settle();
        };
        listeners.add(check);
        child.once("exit", gone);
        check();
      }),
    exit: async () => {
      const started = performance.now();
      const code = await exited;
      return { code, afterMs: performance.now() - started };
    },
  };
}
