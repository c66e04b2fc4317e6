// Load: the real Slack (HTTP mode) and Discord (HTTP interactions) adapters on one HTTP server on 127.0.0.1, driven
// by a separate process (load-driver.ts) at increasing concurrency, while the pack changes and reloads every 2 s.
// Throughput, p50/p99 latency and errors per platform, and a check that every answer names exactly one knowledge
// version, and one that was live while the question was being answered.
import { fork } from "node:child_process";
import { appendFile, cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createAdapters } from "../src/adapters/index.js";
import { loadConfig } from "../src/config.js";
import { Bot } from "../src/core/bot.js";
import { startHttpServer } from "../src/http.js";
import { createLogger } from "../src/log.js";
import { startFakePlatforms } from "../test/robustness/fake-platforms.js";
import { DISCORD_APPLICATION_ID, SLACK_SIGNING_SECRET, discordKeys } from "../test/robustness/signed.js";
import type { DriverJob, Sample } from "./load-driver.js";
import { percentile, table } from "./report.js";

const CONCURRENCY = [1, 8, 32];
const SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 20);
const RELOAD_EVERY_MS = 2_000;
const ADMIN = { id: "bench", platform: "console", isAdmin: true, name: "bench" } as const;

/** When each knowledge version was the one answering, in wall-clock ms. */
interface Live {
  version: string;
  from: number;
  to: number;
}

const wallClock = () => performance.timeOrigin + performance.now();

function runDriver(job: DriverJob): Promise<Sample[]> {
  return new Promise((resolve, reject) => {
    const driver = fork(fileURLToPath(new URL("./load-driver.ts", import.meta.url)), { execArgv: ["--import", "tsx"] });
    driver.once("message", (samples) => resolve(samples as Sample[]));
    driver.once("exit", (code) => (code === 0 ? undefined : reject(new Error(`the load driver failed (exit ${code})`))));
    driver.send(job);
  });
}

/** Why an answer is not a clean one-version answer, or undefined when it is. */
function versionProblem(s: Sample, live: readonly Live[]): string | undefined {
  const distinct = new Set(s.versions);
  if (distinct.size !== 1) return `${distinct.size} versions`;
  const [version] = distinct;
  return live.some((l) => l.version === version && l.from <= s.doneAt && l.to >= s.sentAt) ? undefined : `version ${version} was not live`;
}

export async function loadBench(): Promise<void> {
  const pack = await mkdtemp(join(tmpdir(), "eventdesk-load-"));
  await cp("knowledge", pack, { recursive: true });
  const fake = await startFakePlatforms();
  const keys = discordKeys();
  const live: Live[] = [];
  const bot = await Bot.create({
    knowledgeDir: pack,
    rateLimitPerMinute: 0,
    onReload: (e) => {
      if (!e.ok) return;
      const now = wallClock();
      live.at(-1)!.to = now;
      live.push({ version: e.versionAfter, from: now, to: Infinity });
    },
  });
  live.push({ version: bot.snapshot.version, from: 0, to: Infinity });
  const config = loadConfig({
    SLACK_BOT_TOKEN: "xoxb-bench",
    SLACK_SIGNING_SECRET,
    SLACK_API_URL: fake.slackApiUrl,
    DISCORD_MODE: "http",
    DISCORD_PUBLIC_KEY: keys.publicKeyHex,
    DISCORD_APPLICATION_ID,
    DISCORD_API_URL: fake.discordApiUrl,
  });
  const adapters = await createAdapters(config, bot, createLogger("error"));
  const http = await startHttpServer(adapters, { port: 0, isReady: () => adapters.every((a) => a.ready()), host: "127.0.0.1" });
  await Promise.all(adapters.map((a) => a.start()));

  // Every 2 s the pack changes and an admin reloads it: each answer must come whole from one version.
  let reloads = 0;
  const reloading = setInterval(() => {
    void appendFile(join(pack, "ifkakao-2022", "event.yaml"), `\n# bench reload ${++reloads}\n`).then(() => bot.reload({ ...ADMIN }));
  }, RELOAD_EVERY_MS);

  const rows: string[][] = [];
  let errors = 0;
  try {
    for (const concurrency of CONCURRENCY) {
      const samples = await runDriver({ port: http.port, concurrency, seconds: SECONDS, discordPrivateKeyPem: keys.privateKeyPem });
      for (const platform of ["slack", "discord"] as const) {
        const mine = samples.filter((s) => s.platform === platform);
        const failed = mine.filter((s) => s.error);
        const mixed = mine.filter((s) => !s.error && versionProblem(s, live));
        errors += failed.length + mixed.length;
        const ms = mine.filter((s) => !s.error).map((s) => s.ms);
        rows.push([
          String(concurrency),
          platform,
          String(mine.length),
          `${(mine.length / SECONDS).toFixed(0)}/s`,
          `${percentile(ms, 50).toFixed(1)} ms`,
          `${percentile(ms, 99).toFixed(1)} ms`,
          String(failed.length),
          String(new Set(mine.flatMap((s) => s.versions)).size),
          String(mixed.length),
        ]);
      }
    }
  } finally {
    clearInterval(reloading);
    await Promise.all(adapters.map((a) => a.stop()));
    await http.close();
    await fake.close();
    await rm(pack, { recursive: true, force: true });
  }
  console.log(`\nLoad — a separate client process on 127.0.0.1, Slack and Discord in turn, ${SECONDS} s per level, a reload every ${RELOAD_EVERY_MS / 1000} s (${live.length - 1} reloads)\n`);
  console.log(table(["concurrency", "platform", "answers", "throughput", "p50", "p99", "errors", "versions seen", "mixed or stale version"], rows));
  if (errors > 0) process.exitCode = 1;
}
