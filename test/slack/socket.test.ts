// Socket Mode end to end: the fake Web API's apps.connections.open hands out a local WebSocket server, which says
// hello, sends envelopes and records the acks; answers arrive at the response_url and the fake chat.postMessage.
import type { AddressInfo } from "node:net";
import { once } from "node:events";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WebSocketServer, type WebSocket } from "ws";
import { BOT_USER_ID, slashPayload, startFakeSlack, type FakeSlack } from "./fake-slack.js";
import { captureLogs, MEMBER, startSlack, type RunningSlack } from "./harness.js";

interface Ack {
  envelope_id: string;
  /** Whether the answer had already reached the response_url when the ack arrived. */
  answeredBeforeAck: boolean;
}

let fake: FakeSlack;
let wss: WebSocketServer;
let slack: RunningSlack;
const sockets: WebSocket[] = [];
const acks: Ack[] = [];

beforeAll(async () => {
  fake = await startFakeSlack();
  wss = new WebSocketServer({ host: "127.0.0.1", port: 0 });
  await once(wss, "listening");
  fake.socketUrl = `ws://127.0.0.1:${(wss.address() as AddressInfo).port}/`;
  wss.on("connection", (socket) => {
    sockets.push(socket);
    socket.on("message", (data) => {
      const { envelope_id } = JSON.parse(String(data)) as { envelope_id: string };
      acks.push({ envelope_id, answeredBeforeAck: fake.posted.some((p) => p.id === envelope_id) });
      fake.notify();
    });
    socket.send(JSON.stringify({ type: "hello", num_connections: 1, connection_info: { app_id: "A1" }, debug_info: { host: "local" } }));
  });
  slack = await startSlack(fake, { SLACK_APP_TOKEN: "xapp-test" }, captureLogs().logger);
});

afterAll(async () => {
  await slack?.close();
  for (const socket of sockets) socket.terminate();
  await new Promise((resolve) => wss?.close(resolve));
  await fake?.close();
});

const send = (envelope: Record<string, unknown>) => sockets.at(-1)!.send(JSON.stringify(envelope));

describe("Slack Socket Mode", () => {
  it("connects through apps.connections.open with the app token, and serves no HTTP route", () => {
    const open = fake.calls.find((c) => c.method === "apps.connections.open");
    expect(open?.token).toBe("xapp-test");
    expect(slack.adapter.routes).toBeUndefined();
    expect(slack.adapter.ready()).toBe(true);
  });

  it("acks a slash_commands envelope and answers through the response_url", async () => {
    // The response_url's id is the envelope id, so the ack can tell whether the answer came first.
    send({ envelope_id: "env-budget", type: "slash_commands", accepts_response_payload: true, payload: slashPayload("/budget", "", MEMBER, fake.responseUrl("env-budget")) });
    const ack = await fake.waitFor(() => acks.find((a) => a.envelope_id === "env-budget"), "the ack of env-budget");
    expect(ack.answeredBeforeAck).toBe(false);
    const answer = await fake.waitFor(() => fake.posted.find((p) => p.id === "env-budget")?.body, "the answer to env-budget");
    expect(answer.response_type).toBe("ephemeral");
    expect(JSON.stringify(answer.blocks)).toContain("4,600억");
  });

  it("answers an app_mention from an events_api envelope in a thread", async () => {
    const event = { type: "app_mention", user: MEMBER, text: `<@${BOT_USER_ID}> 예산 얼마야?`, ts: "1700000000.000900", channel: "CSOCKET", event_ts: "1700000000.000900" };
    const payload = { team_id: "T1", api_app_id: "A1", type: "event_callback", event_id: "Ev-socket", event_time: 1700000000, event, authorizations: [{ team_id: "T1", user_id: BOT_USER_ID, is_bot: true }] };
    send({ envelope_id: "env-mention", type: "events_api", accepts_response_payload: false, retry_attempt: 0, retry_reason: "", payload });
    await fake.waitFor(() => acks.find((a) => a.envelope_id === "env-mention"), "the ack of env-mention");
    const call = await fake.waitFor(() => fake.calls.find((c) => c.method === "chat.postMessage" && c.args.channel === "CSOCKET"), "chat.postMessage to CSOCKET");
    expect(call.args.thread_ts).toBe("1700000000.000900");
    expect(JSON.stringify(call.args.blocks)).toContain("4,600억");
  });
});
