// The Slack adapter: a Bolt app over Socket Mode (SLACK_APP_TOKEN set) or HTTP (Bolt's HTTPReceiver, mounted on
// the shared HTTP server at /slack/events rather than on a port of its own).
import { App, HTTPReceiver, SocketModeReceiver, type webApi } from "@slack/bolt";
import type { Logger } from "pino";
import type { Bot } from "../../core/bot.js";
import { ConfigError, explain } from "../../config.js";
import type { Adapter, PostTarget, Route } from "../adapter.js";
import type { Answer } from "../../core/protocol.js";
import { renderAnswer } from "./render.js";
import { InFlight } from "../kit/in-flight.js";
import { boltLogger } from "./bolt-logger.js";
import { registerHandlers } from "./handlers.js";
import { SLACK_EVENTS_PATH } from "./names.js";
import { recentSignatures, signedBySlack, slackShapeProblem } from "./request.js";

/** What the Slack adapter needs from the configuration. */
export interface SlackOptions {
  botToken: string;
  /** Socket Mode when set (xapp-…); else HTTP mode, verified with the signing secret. */
  appToken?: string;
  signingSecret?: string;
  /** The Web API's base URL (tests point it at a local fake). */
  apiUrl?: string;
  adminUserIds: readonly string[];
  commandPrefix: string;
  /** One Web API call's limit (tests shorten it). */
  webApiTimeoutMs?: number;
}

/**
 * A Slack Web API failure at start-up, as a message naming the variable to fix instead of a stack trace: a rejected
 * token is a ConfigError (the start-up ends); Slack out of reach is a plain Error (the start is tried again).
 */
function startupError(error: unknown, variable: "SLACK_BOT_TOKEN" | "SLACK_APP_TOKEN", apiUrl: string | undefined): Error {
  const e = error as { code?: string; data?: { error?: string }; message?: string };
  if (e.code === "slack_webapi_platform_error") return new ConfigError([explain(variable, `Slack rejected it (${e.data?.error ?? "unknown error"})`)]);
  const where = apiUrl ? `SLACK_API_URL ${apiUrl}` : "Slack's Web API";
  return new Error(`${where} could not be reached to check ${variable}: ${e.message ?? String(error)}`);
}

// The WebClient's default retries a failing call for about 30 minutes, in the background, and stop() waits for
// the answers in flight. A person is waiting here: give up within seconds (the failure is logged) instead.
export const WEB_API_RETRY = { retries: 3, factor: 2, minTimeout: 500, maxTimeout: 2_000, maxRetryTime: 5_000 } satisfies webApi.RetryOptions;
/** One Web API call's limit (a hung chat.postMessage or auth.test must end), and no waiting out a long Retry-After in
 * the client: a rate-limited call fails at once and the caller's retry budget (kit/retry.ts) decides. */
export const WEB_API_LIMITS = { timeout: 10_000, rejectRateLimitedCalls: true, retryConfig: WEB_API_RETRY } as const;

export function createSlackAdapter(options: SlackOptions, bot: Bot, logger: Logger): Adapter {
  const log = logger.child({ adapter: "slack" });
  const { botToken, appToken, signingSecret, apiUrl } = options;
  if (!appToken && !signingSecret) throw new ConfigError([explain("SLACK_SIGNING_SECRET", "is missing: HTTP mode verifies every request with it")]);
  // The Web API client wants a base URL ending in a slash.
  const clientOptions = { ...WEB_API_LIMITS, timeout: options.webApiTimeoutMs ?? WEB_API_LIMITS.timeout, ...(apiUrl ? { slackApiUrl: apiUrl.replace(/\/?$/, "/") } : {}) };
  const boltLog = boltLogger(log);
  const socketReceiver = appToken
    ? new SocketModeReceiver({ appToken, logger: boltLog, installerOptions: { clientOptions: { ...clientOptions } } })
    : undefined;
  const httpReceiver =
    socketReceiver || !signingSecret ? undefined : new HTTPReceiver({ signingSecret, endpoints: SLACK_EVENTS_PATH, logger: boltLog });
  // deferInitialization: the token is checked (auth.test) in start(), where a rejection can become a clear message.
  const app = new App({ receiver: socketReceiver ?? httpReceiver, token: botToken, clientOptions, logger: boltLog, deferInitialization: true });

  const inFlight = new InFlight();
  let started = false;
  let stopping = false;
  let connected = !socketReceiver;
  socketReceiver?.client.on("connected", () => (connected = true));
  for (const state of ["reconnecting", "disconnected"]) socketReceiver?.client.on(state, () => (connected = false));

  registerHandlers(app, {
    bot,
    logger: log,
    adminUserIds: new Set(options.adminUserIds),
    commandPrefix: options.commandPrefix,
    inFlight,
  });
  app.error(async (error) => void log.error({ err: error }, "Slack handler failed"));

  const ready = () => started && !stopping && connected;
  const answered = recentSignatures();
  const serveEvents: Route = (req, res, body) => {
    const refuse = (status: number, why: string) => void res.writeHead(status, { "content-type": "text/plain" }).end(why);
    // Until the token is verified, Bolt cannot process a request: Slack retries on 503.
    if (!ready()) return refuse(503, "not ready");
    // Bolt throws for what it does not route (a GET, say) instead of answering it.
    if (req.method !== "POST") return refuse(405, "method not allowed");
    if (!signedBySlack(req.headers, body, signingSecret!, Math.floor(Date.now() / 1000))) return refuse(401, "invalid request signature");
    if (!answered.firstTime(String(req.headers["x-slack-signature"]))) {
      log.warn("replayed Slack request ignored");
      return refuse(200, "");
    }
    const problem = slackShapeProblem(body, req.headers["content-type"]);
    if (problem) {
      log.warn({ problem }, "malformed Slack request");
      return refuse(400, "malformed request");
    }
    // Bolt reads `rawBody` when it is there instead of the stream, which the server has already read.
    Object.assign(req, { rawBody: body });
    httpReceiver?.requestListener(req, res);
  };

  return {
    name: "slack",
    routes: httpReceiver ? { [SLACK_EVENTS_PATH]: serveEvents } : undefined,
    ready,
    async start() {
      await app.init().catch((error: unknown) => Promise.reject(startupError(error, "SLACK_BOT_TOKEN", apiUrl)));
      if (socketReceiver) await app.start().catch((error: unknown) => Promise.reject(startupError(error, "SLACK_APP_TOKEN", apiUrl)));
      started = true;
      log.info({ mode: socketReceiver ? "socket" : "http" }, "Slack adapter ready");
    },
    async post(target: PostTarget, answer: Answer) {
      // A user id as the channel posts in the person's DM with the app (chat:write alone; no conversations.open).
      await app.client.chat.postMessage({ channel: target.id, unfurl_links: false, unfurl_media: false, ...renderAnswer(answer) });
    },
    async stop(graceMs) {
      stopping = true;
      const unfinished = await inFlight.drain(graceMs);
      if (socketReceiver && started) await app.stop();
      return unfinished;
    },
  };
}
