// A local stand-in for Slack on 127.0.0.1: the Web API (auth.test, chat.postMessage, apps.connections.open, …)
// and response_url endpoints, recording everything the bot sends; plus request signing and payload builders.
import { createHmac } from "node:crypto";
import { EventEmitter } from "node:events";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

export const BOT_USER_ID = "UBOT";
/** Tokens the fake Web API rejects with invalid_auth. */
export const REJECTED_BOT_TOKEN = "xoxb-rejected";
export const REJECTED_APP_TOKEN = "xapp-rejected";

export interface ApiCall {
  method: string;
  token: string | undefined;
  args: Record<string, unknown>;
}

export interface Posted {
  /** The response_url's id: `/response/<id>`. */
  id: string;
  body: Record<string, unknown>;
}

export interface FakeSlack {
  apiUrl: string;
  calls: ApiCall[];
  posted: Posted[];
  /** What apps.connections.open hands out (a local WebSocket server in Socket Mode tests). */
  socketUrl: string | undefined;
  responseUrl(id: string): string;
  /** Resolves with the first recorded item that `pick` accepts, now or when it arrives. */
  waitFor<T>(pick: () => T | undefined, what: string): Promise<T>;
  /** Tells waitFor that something else it watches has changed. */
  notify(): void;
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/** The Web API client sends form fields, with objects (blocks) as JSON strings. */
function parseArgs(body: string, contentType: string | undefined): Record<string, unknown> {
  if (contentType?.includes("json")) return body ? JSON.parse(body) : {};
  const args: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(body)) args[k] = k === "blocks" ? JSON.parse(v) : v;
  return args;
}

function apiAnswer(method: string, token: string | undefined, fake: FakeSlack): Record<string, unknown> {
  if (token === REJECTED_BOT_TOKEN || token === REJECTED_APP_TOKEN) return { ok: false, error: "invalid_auth" };
  switch (method) {
    case "auth.test":
      return { ok: true, user_id: BOT_USER_ID, bot_id: "BBOT", team_id: "T1", user: "eventdesk", team: "Test" };
    case "apps.connections.open":
      return token?.startsWith("xapp-") && fake.socketUrl ? { ok: true, url: fake.socketUrl } : { ok: false, error: "not_allowed_token_type" };
    case "chat.postMessage":
      return { ok: true, channel: "C1", ts: "1700000000.000200" };
    case "chat.postEphemeral":
      return { ok: true, message_ts: "1700000000.000300" };
    default:
      return { ok: true };
  }
}

export async function startFakeSlack(): Promise<FakeSlack> {
  const changes = new EventEmitter();
  const server = createServer(async (req, res) => {
    const body = await readBody(req);
    const path = req.url ?? "/";
    if (path.startsWith("/response/")) {
      fake.posted.push({ id: path.slice("/response/".length), body: JSON.parse(body) });
      changes.emit("change");
      return void res.writeHead(200, { "content-type": "text/plain" }).end("ok");
    }
    const method = path.replace(/^\/api\//, "").split("?")[0];
    const token = req.headers.authorization?.replace(/^Bearer /, "");
    fake.calls.push({ method, token, args: parseArgs(body, req.headers["content-type"]) });
    changes.emit("change");
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(apiAnswer(method, token, fake)));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const fake: FakeSlack = {
    apiUrl: `${base}/api/`,
    calls: [],
    posted: [],
    socketUrl: undefined,
    responseUrl: (id) => `${base}/response/${id}`,
    notify: () => void changes.emit("change"),
    waitFor<T>(pick: () => T | undefined, what: string): Promise<T> {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = pick();
          if (found === undefined) return;
          cleanup();
          resolve(found);
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`timed out waiting for ${what}`));
        }, 15_000);
        const cleanup = () => {
          clearTimeout(timer);
          changes.off("change", check);
        };
        changes.on("change", check);
        check();
      });
    },
    close: () => new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
  return fake;
}

/** Slack's request signature: v0= + HMAC-SHA256 of `v0:{timestamp}:{raw body}` with the signing secret. */
export function signedHeaders(secret: string, body: string, timestamp = Math.floor(Date.now() / 1000)): Record<string, string> {
  const signature = "v0=" + createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex");
  return { "x-slack-request-timestamp": String(timestamp), "x-slack-signature": signature };
}

/** The form fields of a slash command, as Slack posts them. */
export function slashPayload(command: string, text: string, user: string, responseUrl: string): Record<string, string> {
  return {
    token: "legacy-verification-token",
    team_id: "T1",
    team_domain: "test",
    channel_id: "C1",
    channel_name: "general",
    user_id: user,
    user_name: user.toLowerCase(),
    command,
    text,
    api_app_id: "A1",
    response_url: responseUrl,
    trigger_id: `trigger-${Math.random().toString(36).slice(2)}`,
  };
}

/** A block_actions payload for a button click in a message. */
export function buttonPayload(actionId: string, value: string, user: string, responseUrl: string) {
  return {
    type: "block_actions",
    team: { id: "T1", domain: "test" },
    user: { id: user, username: user.toLowerCase(), name: user.toLowerCase(), team_id: "T1" },
    api_app_id: "A1",
    token: "legacy-verification-token",
    container: { type: "message", message_ts: "1700000000.000100", channel_id: "C1", is_ephemeral: true },
    trigger_id: `trigger-${Math.random().toString(36).slice(2)}`,
    channel: { id: "C1", name: "general" },
    response_url: responseUrl,
    actions: [{ type: "button", action_id: actionId, block_id: "b1", value, text: { type: "plain_text", text: "x" }, action_ts: "1700000001.000000" }],
  };
}

/** An Events API envelope around one event. */
export function eventPayload(eventId: string, event: Record<string, unknown>) {
  return {
    token: "legacy-verification-token",
    team_id: "T1",
    api_app_id: "A1",
    event,
    type: "event_callback",
    event_id: eventId,
    event_time: 1700000000,
    authorizations: [{ team_id: "T1", user_id: BOT_USER_ID, is_bot: true }],
  };
}
