// Slack events claimed in the store, in process: two adapters (two replicas' worth) on one store answer an event
// sent to both once; a store that cannot be reached lets the event through (answered, with a warning), never drops it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Bot } from "../../src/core/bot.js";
import { openStore, type Store } from "../../src/store/index.js";
import { failingStore, sqliteDatabase, type TestDatabase } from "../store/databases.js";
import { eventPayload, signedHeaders, startFakeSlack, type FakeSlack } from "./fake-slack.js";
import { captureLogs, MEMBER, SIGNING_SECRET, startSlack, type RunningSlack } from "./harness.js";

const JSON_TYPE = "application/json";
let fake: FakeSlack;
let db: TestDatabase;
let store: Store;
const running: RunningSlack[] = [];

beforeAll(async () => {
  fake = await startFakeSlack();
  db = sqliteDatabase();
  store = openStore(db.env);
  await store.migrate();
});

afterAll(async () => {
  await Promise.all(running.map((s) => s.close()));
  await store?.close();
  await db?.drop();
  await fake?.close();
});

async function replica(on: Store, logs = captureLogs()): Promise<RunningSlack> {
  const bot = await Bot.create({ knowledgeDir: "knowledge", logger: logs.logger, store: on });
  const slack = await startSlack(fake, {}, logs.logger, bot);
  running.push(slack);
  return slack;
}

const send = (slack: RunningSlack, eventId: string, event: Record<string, unknown>, retryNum?: number) => {
  const body = JSON.stringify(eventPayload(eventId, event));
  return slack.post(body, JSON_TYPE, {
    ...signedHeaders(SIGNING_SECRET, body),
    ...(retryNum ? { "x-slack-retry-num": String(retryNum), "x-slack-retry-reason": "http_timeout" } : {}),
  });
};
const mention = (channel: string, ts: string) => ({ type: "app_mention", user: MEMBER, text: "<@UBOT> 예산 얼마야?", ts, channel, event_ts: ts });
const postedTo = (channel: string) => fake.calls.filter((c) => c.method === "chat.postMessage" && c.args.channel === channel);

describe("Slack events claimed in the store", () => {
  it("an event sent to one replica and retried on another is answered once", async () => {
    const logsB = captureLogs();
    const [a, b] = [await replica(store), await replica(store, logsB)];
    expect((await send(a, "Ev-claim-1", mention("CCLAIM", "1700000400.000100"))).status).toBe(200);
    await fake.waitFor(() => postedTo("CCLAIM")[0], "the answer in CCLAIM");
    expect((await send(b, "Ev-claim-1", mention("CCLAIM", "1700000400.000100"), 1)).status).toBe(200);
    await fake.waitFor(() => logsB.lines.find((l) => l.msg === "retried Slack event ignored" && l.eventId === "Ev-claim-1"), "B's log of the ignored retry");
    // A later event answered by B: B's answer to the retry, had it given one, would have been posted before it.
    await send(b, "Ev-claim-2", mention("CCLAIM2", "1700000401.000100"));
    await fake.waitFor(() => postedTo("CCLAIM2")[0], "the answer in CCLAIM2");
    expect(postedTo("CCLAIM")).toHaveLength(1);
  });

  it("a store that cannot be reached: the event is answered, with a warning", async () => {
    const logs = captureLogs();
    const slack = await replica(failingStore("connect ECONNREFUSED 127.0.0.1:5432"), logs);
    await send(slack, "Ev-claim-down", mention("CDOWN", "1700000500.000100"));
    await fake.waitFor(() => postedTo("CDOWN")[0], "the answer in CDOWN");
    expect(logs.lines.find((l) => l.msg === "Slack event not claimed in the store: answering it (other replicas may too)")).toEqual(
      expect.objectContaining({ eventId: "Ev-claim-down", store: "failing", err: expect.objectContaining({ message: "connect ECONNREFUSED 127.0.0.1:5432" }) }),
    );
  });
});
