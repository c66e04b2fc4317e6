// Two replicas behind a load balancer, as production runs them: two compiled bots (`node dist/main.js`) in Slack HTTP
// mode on one PostgreSQL (a schema of this run's own), each with its own DATA_DIR, answering through one fake Slack
// Web API on 127.0.0.1. A follow-up asked on B continues the conversation begun on A; /reload by an admin on A makes
// B answer from the new version; the same Slack event (same event_id) sent to A and then retried on B is answered once.
import { appendFileSync, cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMain, type RunningMain } from "../robustness/child.js";
import { startFakePlatforms, type Delivery, type FakePlatforms } from "../robustness/fake-platforms.js";
import { SECRETS, send, SLACK_SIGNING_SECRET, slackSlashCommand, type SignedRequest } from "../robustness/signed.js";
import { eventPayload, signedHeaders } from "../slack/fake-slack.js";
import { postgresDatabase, type TestDatabase } from "../store/databases.js";

const ADMIN = "UADMIN";
/** Generous: two bots and a database share a two-core machine with other tests. */
const WAIT_MS = 60_000;

let fake: FakePlatforms;
let db: TestDatabase;
let knowledgeDir: string;
const dataDirs: string[] = [];
const running: RunningMain[] = [];
let a: { main: RunningMain; port: number };
let b: { main: RunningMain; port: number };

async function replica(name: string): Promise<{ main: RunningMain; port: number }> {
  const dataDir = mkdtempSync(join(tmpdir(), `eventdesk-replica-${name}-`));
  dataDirs.push(dataDir);
  const main = startMain({
    ...db.env,
    DATA_DIR: dataDir,
    KNOWLEDGE_DIR: knowledgeDir,
    LOG_LEVEL: "info",
    PORT: "0",
    SLACK_BOT_TOKEN: SECRETS.SLACK_BOT_TOKEN,
    SLACK_SIGNING_SECRET,
    SLACK_API_URL: fake.slackApiUrl,
    SLACK_ADMIN_USER_IDS: ADMIN,
    RATE_LIMIT_PER_MINUTE: "0",
  });
  running.push(main);
  const port = Number((await main.waitForLine((l) => l.msg === "HTTP server listening", WAIT_MS)).port);
  await main.waitForLine((l) => l.msg === "EventDesk is running", WAIT_MS);
  await main.waitForLine((l) => l.msg === "reload notices: listening", WAIT_MS);
  return { main, port };
}

/** An Events API request, signed now (a retry is signed again by Slack, with its retry headers). */
function slackEvent(eventId: string, event: Record<string, unknown>, retryNum?: number): SignedRequest {
  const body = JSON.stringify(eventPayload(eventId, event));
  const retry: Record<string, string> = retryNum === undefined ? {} : { "x-slack-retry-num": String(retryNum), "x-slack-retry-reason": "http_timeout" };
  return { path: "/slack/events", headers: { "content-type": "application/json", ...signedHeaders(SLACK_SIGNING_SECRET, body), ...retry }, body };
}

const mention = (text: string, ts: string, thread_ts?: string) => ({
  type: "app_mention",
  user: "U1",
  text: `<@UBOT> ${text}`,
  ts,
  event_ts: ts,
  channel: "C1",
  ...(thread_ts ? { thread_ts } : {}),
});

/** The text of a delivery (its fallback text and blocks), to search. */
const shown = (d: Delivery) => JSON.stringify(d.body);
const postedIn = (thread: string) => (d: Delivery) => d.route === "chat.postMessage" && d.body.thread_ts === thread;

beforeAll(async () => {
  fake = await startFakePlatforms();
  db = await postgresDatabase();
  knowledgeDir = mkdtempSync(join(tmpdir(), "eventdesk-replica-knowledge-"));
  cpSync("knowledge", knowledgeDir, { recursive: true });
  // One after the other: both migrate the same schema (the migration lock would serialise them anyway).
  a = await replica("a");
  b = await replica("b");
}, 180_000);

afterAll(async () => {
  for (const main of running) main.child.kill("SIGKILL");
  await Promise.all(running.map((m) => m.exit()));
  await fake?.close();
  await db?.drop();
  for (const dir of [knowledgeDir, ...dataDirs]) if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("two replicas on one PostgreSQL", () => {
  it("a follow-up asked on replica B continues the conversation begun on replica A", async () => {
    const thread = "1700000100.000100";
    expect((await send(a.port, slackEvent("EvFollow1", mention("남궁훈 키노트 제목 뭐야", thread)))).status).toBe(200);
    const first = await fake.waitFor(postedIn(thread), WAIT_MS);
    expect(shown(first)).toContain("Our Social Mission");

    expect((await send(b.port, slackEvent("EvFollow2", mention("그 세션 언제야?", "1700000101.000100", thread)))).status).toBe(200);
    const followUp = await fake.waitFor((d) => postedIn(thread)(d) && d !== first, WAIT_MS);
    expect(shown(followUp)).toContain("Our Social Mission");
    expect(shown(followUp)).toContain("11:00 KST");
    expect(shown(followUp)).not.toContain("앞선 대화가 없습니다");
    // B answered it (A never saw the event), and no replica fell back to its own memory.
    expect(b.main.lines().some((l) => l.msg === "retried Slack event ignored")).toBe(false);
    expect([...a.main.lines(), ...b.main.lines()].filter((l) => String(l.msg).startsWith("conversation not"))).toEqual([]);
  });

  it("the same follow-up in another thread, with nothing earlier in it, is not taken for one (the control)", async () => {
    const thread = "1700000200.000100";
    await send(b.port, slackEvent("EvControl", mention("그 세션 언제야?", thread)));
    const answer = await fake.waitFor(postedIn(thread), WAIT_MS);
    expect(shown(answer)).not.toContain("Our Social Mission");
  });

  it("/reload by an admin on A makes B answer from the new version", async () => {
    appendFileSync(join(knowledgeDir, "ifkakao-2022", "facts.yaml"), "\n# edited for the replicas test\n");
    expect((await send(a.port, slackSlashCommand("/reload", "", ADMIN, fake.responseUrl("reload-a")))).status).toBe(200);
    const reply = await fake.waitFor((d) => d.route === "response" && d.key === "reload-a", WAIT_MS);
    const [, before, after] = /(?:version|버전) `?(\w+)`? → `?(\w+)`?/.exec(shown(reply)) ?? [];
    expect(before).toBeDefined();
    expect(after).not.toBe(before);

    // B reloads on A's notice (not on its own): wait for it, then ask B.
    const reloaded = await b.main.waitForLine((l) => l.msg === "reload" && l.versionAfter === after, WAIT_MS);
    expect(reloaded).toEqual(expect.objectContaining({ ok: true, versionBefore: before, by: expect.stringContaining("another replica") }));
    expect((await send(b.port, slackSlashCommand("/budget", "", "U1", fake.responseUrl("budget-b")))).status).toBe(200);
    const answer = await fake.waitFor((d) => d.route === "response" && d.key === "budget-b", WAIT_MS);
    expect(shown(answer)).toContain(after);
    expect(shown(answer)).not.toContain(before);
    // A did not reload again for its own notice, nor B publish one of its own.
    expect(a.main.lines().filter((l) => l.msg === "reload")).toHaveLength(1);
    expect(b.main.lines().filter((l) => l.msg === "reload notices: published")).toEqual([]);
  });

  it("the same signed Slack event sent to A and then retried on B is answered once", async () => {
    const thread = "1700000300.000100";
    await send(a.port, slackEvent("EvOnce", mention("MFA 도입기는 무슨 트랙이야?", thread)));
    await fake.waitFor(postedIn(thread), WAIT_MS);
    expect((await send(b.port, slackEvent("EvOnce", mention("MFA 도입기는 무슨 트랙이야?", thread), 1))).status).toBe(200);
    const ignored = await b.main.waitForLine((l) => l.msg === "retried Slack event ignored" && l.eventId === "EvOnce", WAIT_MS);
    expect(ignored.retryNum).toBe(1);
    // B has decided and logged before it would post: by now a second answer would be on its way. Ask A again to
    // flush: an event answered after that one means B's would have arrived before it, had it been sent.
    await send(a.port, slackEvent("EvAfter", mention("MFA 도입기는 무슨 트랙이야?", "1700000301.000100")));
    await fake.waitFor(postedIn("1700000301.000100"), WAIT_MS);
    expect(fake.deliveries.filter(postedIn(thread))).toHaveLength(1);
  });
});
