// The process as a platform runs it: `src/main.ts` in a child process with Slack's HTTP mode and Discord's HTTP
// interactions endpoint on one port, health checks, answers over signed requests, and SIGTERM with an answer in
// flight: the answer is delivered and the process exits 0 within 10 seconds. Its logs carry no secret.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMain, type RunningMain } from "./child.js";
import { startFakePlatforms, type FakePlatforms } from "./fake-platforms.js";
import { DISCORD_APPLICATION_ID, SECRETS, discordCommand, discordKeys, send, slackSlashCommand } from "./signed.js";

const discord = discordKeys();

describe("main.ts as a child process, in HTTP mode", () => {
  let fake: FakePlatforms;
  let main: RunningMain;
  let port: number;
  let dataDir: string;

  beforeAll(async () => {
    fake = await startFakePlatforms();
    dataDir = await mkdtemp(join(tmpdir(), "eventdesk-lifecycle-"));
    main = startMain({
      ...SECRETS,
      PORT: "0",
      LOG_LEVEL: "info",
      KNOWLEDGE_DIR: "knowledge",
      DATA_DIR: dataDir,
      SLACK_API_URL: fake.slackApiUrl,
      DISCORD_MODE: "http",
      DISCORD_PUBLIC_KEY: discord.publicKeyHex,
      DISCORD_APPLICATION_ID,
      DISCORD_API_URL: fake.discordApiUrl,
    });
    port = Number((await main.waitForLine((l) => l.msg === "HTTP server listening")).port);
    await main.waitForLine((l) => l.msg === "EventDesk is running");
  });

  afterAll(async () => {
    main.child.kill("SIGKILL");
    await fake.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it("is alive and ready once the knowledge is loaded and the adapters started", async () => {
    for (const path of ["/healthz", "/readyz"]) expect((await fetch(`http://127.0.0.1:${port}${path}`)).status).toBe(200);
  });

  it("answers a signed Discord interaction and a signed Slack slash command", async () => {
    const reply = await send(port, discord.interaction(discordCommand("900", "budget", undefined)));
    expect(reply.status).toBe(200);
    expect(JSON.stringify(await reply.json())).toContain("4,600억");
    expect((await send(port, slackSlashCommand("/speaker", "고우찬", "U1", fake.responseUrl("warm-up")))).status).toBe(200);
    expect(JSON.stringify((await fake.waitFor((d) => d.key === "warm-up")).body)).toContain("고우찬");
  });

  it("on SIGTERM finishes the answer in flight, then exits 0 within 10 seconds", async () => {
    fake.responseDelayMs = 1_500;
    expect((await send(port, slackSlashCommand("/budget", "", "U2", fake.responseUrl("in-flight")))).status).toBe(200);
    await fake.waitFor((d) => d.key === "in-flight");
    main.child.kill("SIGTERM");
    const { code, afterMs } = await main.exit();
    expect(code).toBe(0);
    expect(afterMs).toBeLessThan(10_000);
    expect(fake.completedResponses.has("in-flight")).toBe(true);
  });

  it("logged each question once, with its request id, command, latency and outcome, and never a secret", () => {
    const answered = main.lines().filter((l) => l.msg === "answered");
    expect(answered.map((l) => l.platform).sort()).toEqual(["discord", "slack", "slack"]);
    for (const line of answered) {
      expect(line).toMatchObject({ requestId: expect.any(String), command: expect.any(String), answered: true, ms: expect.any(Number) });
    }
    expect(new Set(answered.map((l) => l.requestId)).size).toBe(3);
    for (const secret of Object.values(SECRETS)) expect(main.stderr()).not.toContain(secret);
  });
});
