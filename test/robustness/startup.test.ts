// Start-up on a bad day (issue 12, attack 5), the compiled bot as a child process: a platform that cannot be reached
// never holds up the others or the health endpoints, and is named with its variable in one log line (no stack); a
// schedule URL answering 500 is left out; SIGHUP in the first moments does not end the process.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serve } from "../knowledge/schedule-fixtures.js";
import { startMain, type RunningMain } from "./child.js";
import { startFakePlatforms, type FakePlatforms } from "./fake-platforms.js";
import { DISCORD_APPLICATION_ID, discordCommand, discordKeys, send, SECRETS } from "./signed.js";

let fake: FakePlatforms;
let closedUrl: string;
let broken: Awaited<ReturnType<typeof serve>>;
const running: RunningMain[] = [];

beforeAll(async () => {
  fake = await startFakePlatforms();
  const closed = await serve(() => undefined);
  await closed.close();
  closedUrl = closed.url;
  broken = await serve((_req, res) => void res.writeHead(500).end("Internal Server Error"));
});

afterAll(async () => {
  for (const main of running) main.child.kill("SIGKILL");
  await fake.close();
  await broken.close();
});

function start(env: Record<string, string>): RunningMain {
  const main = startMain({ KNOWLEDGE_DIR: "knowledge", LOG_LEVEL: "info", PORT: "0", ...env });
  running.push(main);
  return main;
}

const portOf = async (main: RunningMain) => Number((await main.waitForLine((l) => l.msg === "HTTP server listening")).port);
const status = async (port: number, path: string) => (await fetch(`http://127.0.0.1:${port}${path}`, { signal: AbortSignal.timeout(5_000) })).status;

describe("start-up while others have a bad day", () => {
  it("Slack out of reach and a schedule URL answering 500: Discord answers, health answers, Slack is named and retried", async () => {
    const discord = discordKeys();
    const main = start({
      ...SECRETS,
      SLACK_API_URL: `${closedUrl}/api/`,
      SCHEDULE_URLS: `${broken.url}/schedule.json?key=secret-key`,
      DISCORD_MODE: "http",
      DISCORD_PUBLIC_KEY: discord.publicKeyHex,
      DISCORD_APPLICATION_ID,
      DISCORD_API_URL: fake.discordApiUrl,
    });
    const port = await portOf(main);
    const failed = await main.waitForLine((l) => l.msg === "slack could not start");
    expect(failed.problem).toMatch(/SLACK_API_URL .* could not be reached to check SLACK_BOT_TOKEN/);
    const reply = await send(port, discord.interaction(discordCommand("901", "budget", undefined)));
    expect(reply.status).toBe(200);
    expect(JSON.stringify(await reply.json())).toContain("4,600억");
    expect(await status(port, "/healthz")).toBe(200);
    expect(await status(port, "/readyz")).toBe(503);
    expect(main.child.exitCode).toBeNull();
    const left = await main.waitForLine((l) => l.msg === "schedule URLs left out at start-up: every reload tries them again");
    expect(JSON.stringify(left)).toContain("schedule.json?key=***: cannot read the schedule: the server answered HTTP 500");
    expect(main.stderr()).not.toContain("secret-key");
  });

  it("Discord out of reach in gateway mode: a message naming DISCORD_API_URL, no stack trace, and /healthz on PORT", async () => {
    const main = start({ DISCORD_TOKEN: SECRETS.DISCORD_TOKEN, DISCORD_API_URL: `${closedUrl}/api` });
    const port = await portOf(main);
    expect(await status(port, "/healthz")).toBe(200);
    const failed = await main.waitForLine((l) => l.msg === "discord could not start");
    expect(failed.problem).toMatch(/^DISCORD_API_URL .* could not be reached to log in with DISCORD_TOKEN: ECONNREFUSED$/);
    expect(main.stderr()).not.toMatch(/\n\s+at /);
    expect(await status(port, "/readyz")).toBe(503);
    expect(main.stderr()).not.toContain(SECRETS.DISCORD_TOKEN);
  });

  it("SIGHUP as soon as the process can catch it, long before the bot is up: it lives, and reloads once started", async () => {
    const main = startMain({ KNOWLEDGE_DIR: "knowledge", LOG_LEVEL: "info" }, "pipe");
    running.push(main);
    // Linux lists the signals a process catches: SIGHUP (1) is the lowest bit.
    const catchesHangUp = () => {
      try {
        return (BigInt(`0x${/SigCgt:\s*([0-9a-f]+)/.exec(readFileSync(`/proc/${main.child.pid}/status`, "utf8"))![1]}`) & 1n) === 1n;
      } catch {
        return false;
      }
    };
    while (!catchesHangUp()) {
      if (main.child.exitCode !== null) throw new Error(main.stderr());
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    main.child.kill("SIGHUP");
    const reloaded = await main.waitForLine((l) => l.msg === "reload");
    expect(reloaded).toMatchObject({ by: "SIGHUP (system:SIGHUP)", ok: true });
    main.child.stdin!.end();
    expect((await main.exit()).code).toBe(0);
  });
});
