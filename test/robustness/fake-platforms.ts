// One loopback server standing in for both platforms' outbound side: Slack's Web API (/slack/api/<method>) and
// response_urls (/slack/response/<id>), and Discord's REST (/discord/api/...). It records every delivery and can
// be told to answer some attempts with a fault (429 + Retry-After, 500) or to answer slowly.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type Platform = "slack" | "discord";

export interface Delivery {
  platform: Platform;
  /** `chat.postMessage`, `response`, or Discord's method and route. */
  route: string;
  /** The response_url id or the Discord interaction token: which question this answers. */
  key: string;
  body: Record<string, unknown>;
  /** 1 for the first attempt at this route and key, 2 for the first retry, … */
  attempt: number;
  at: number;
  status: number;
}

/** What to answer one attempt with; undefined lets it through. */
export type Fault = (d: Pick<Delivery, "platform" | "route" | "key" | "attempt">) => { status: 404 | 429 | 500; retryAfterSeconds?: number } | undefined;

export interface FakePlatforms {
  slackApiUrl: string;
  discordApiUrl: string;
  responseUrl(id: string): string;
  deliveries: Delivery[];
  fault: Fault;
  /** How long the fake waits before answering a response_url post (an answer in flight). */
  responseDelayMs: number;
  /** How long the fake waits before answering a Slack Web API call (a hung chat.postMessage). */
  webApiDelayMs: number;
  /** Response_url posts whose answer reached the bot (its connection was still open when the fake answered). */
  completedResponses: Set<string>;
  /** Forgets every delivery and attempt count, and lets everything through again. */
  reset(): void;
  /** Resolves when a delivery `matches`, now or later; rejects after `timeoutMs`. */
  waitFor(matches: (d: Delivery) => boolean, timeoutMs?: number): Promise<Delivery>;
  close(): Promise<void>;
}

const BOT_USER_ID = "UBOT";
const WEB_API_ANSWERS: Record<string, Record<string, unknown>> = {
  "auth.test": { ok: true, user_id: BOT_USER_ID, bot_id: "BBOT", team_id: "T1", user: "eventdesk", team: "Test" },
  "chat.postMessage": { ok: true, channel: "C1", ts: "1700000000.000200" },
  "chat.postEphemeral": { ok: true, message_ts: "1700000000.000300" },
};
/** The token the fake Web API rejects, for start-up error tests. */
export const REJECTED_SLACK_TOKEN = "xoxb-rejected-by-the-fake";

async function readBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  if (!text) return {};
  if (req.headers["content-type"]?.includes("json")) return JSON.parse(text) as Record<string, unknown>;
  return Object.fromEntries(new URLSearchParams(text));
}

/** Where a request goes and which question it belongs to. */
function classify(req: IncomingMessage): { platform: Platform; route: string; key: string } {
  const path = (req.url ?? "/").split("?")[0];
  if (path.startsWith("/slack/response/")) return { platform: "slack", route: "response", key: path.slice("/slack/response/".length) };
  if (path.startsWith("/slack/api/")) return { platform: "slack", route: path.slice("/slack/api/".length), key: "" };
  // /discord/api/v10/webhooks/<application>/<token>[/messages/@original]
  const [, , , , , , token = "", ...rest] = path.split("/");
  return { platform: "discord", route: `${req.method} webhooks${rest.length ? "/" + rest.join("/") : ""}`, key: token };
}

export async function startFakePlatforms(): Promise<FakePlatforms> {
  const attempts = new Map<string, number>();
  const waiters = new Set<() => void>();
  const serve = async (req: IncomingMessage, res: ServerResponse) => {
    const body = await readBody(req);
    const { platform, route, key } = classify(req);
    const slot = `${platform} ${route} ${key || String(body.channel ?? "")}:${String(body.text ?? "").slice(0, 40)}`;
    const attempt = (attempts.get(slot) ?? 0) + 1;
    attempts.set(slot, attempt);
    const fault = fake.fault({ platform, route, key, attempt });
    const status = fault?.status ?? 200;
    fake.deliveries.push({ platform, route, key, body, attempt, at: performance.now(), status });
    waiters.forEach((w) => w());
    if (fault) {
      const retryAfter = fault.retryAfterSeconds === undefined ? {} : { "retry-after": String(fault.retryAfterSeconds) };
      const payload = platform === "discord" && status === 429 ? { message: "You are being rate limited.", retry_after: fault.retryAfterSeconds ?? 1, global: false } : { ok: false, error: "fake_fault" };
      return void res.writeHead(status, { "content-type": "application/json", ...retryAfter }).end(JSON.stringify(payload));
    }
    if (route === "response") {
      await new Promise((resolve) => setTimeout(resolve, fake.responseDelayMs));
      if (!req.socket.destroyed) fake.completedResponses.add(key);
      return void res.writeHead(200, { "content-type": "text/plain" }).end("ok");
    }
    if (platform === "slack") await new Promise((resolve) => setTimeout(resolve, fake.webApiDelayMs));
    if (req.socket.destroyed) return;
    const answer = platform === "slack" ? (WEB_API_ANSWERS[route] ?? { ok: true }) : { id: "1", channel_id: "1" };
    const rejected = req.headers.authorization === `Bearer ${REJECTED_SLACK_TOKEN}`;
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(rejected ? { ok: false, error: "invalid_auth" } : answer));
  };
  const server = createServer((req, res) => void serve(req, res));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const fake: FakePlatforms = {
    slackApiUrl: `${base}/slack/api/`,
    discordApiUrl: `${base}/discord/api`,
    responseUrl: (id) => `${base}/slack/response/${id}`,
    deliveries: [],
    fault: () => undefined,
    responseDelayMs: 0,
    webApiDelayMs: 0,
    completedResponses: new Set(),
    reset() {
      fake.deliveries.length = 0;
      fake.fault = () => undefined;
      fake.responseDelayMs = 0;
      fake.webApiDelayMs = 0;
      attempts.clear();
    },
    waitFor(matches, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = fake.deliveries.find(matches);
          if (!found) return;
          done();
          resolve(found);
        };
        const timer = setTimeout(() => {
          done();
          reject(new Error("timed out waiting for a delivery"));
        }, timeoutMs);
        const done = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      });
    },
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
  return fake;
}
