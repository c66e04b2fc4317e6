// The Slack adapter: a Bolt app over Socket Mode (SLACK_APP_TOKEN set) or HTTP (Bolt's HTTPReceiver, mounted on
// the shared HTTP server at /slack/events rather than on a port of its own).
import type { IncomingMessage, ServerResponse } from "node:http";
import { App, HTTPReceiver, SocketModeReceiver, type webApi } from "@slack/bolt";
import type { Logger } from "pino";
import type { Bot } from "../../core/bot.js";
import { ConfigError, explain } from "../../config.js";
import type { Adapter } from "../adapter.js";
import { InFlight } from "../kit/in-flight.js";
import { boltLogger } from "./bolt-logger.js";
import { registerHandlers } from "./handlers.js";
import { SLACK_EVENTS_PATH } from "./names.js";

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
}

/** A Slack Web API failure at start-up, as a message naming the variable to fix instead of a stack trace. */
function startupError(error: unknown, variable: "SLACK_BOT_TOKEN" | "SLACK_APP_TOKEN", apiUrl: string | undefined): Error {
  const e = error as { code?: string; data?: { error?: string }; message?: string };
  if (e.code === "slack_webapi_platform_error") return new ConfigError([explain(variable, `Slack rejected it (${e.data?.error ?? "unknown error"})`)]);
  if (e.code === "slack_webapi_request_error" || e.code === "slack_webapi_http_error") {
    const where = apiUrl ? explain("SLACK_API_URL", `${apiUrl} could not be used`) : "Slack could not be reached";
    return new ConfigError([`${where}: ${e.message}`]);
  }
  return error instanceof Error ? error : new Error(String(error));
}

// The WebClient's default retries a failing call for about 30 minutes, in the background, and stop() waits for
// the answers in flight. A person is waiting here: give up within seconds (the failure is logged) instead.
export const WEB_API_RETRY = { retries: 3, factor: 2, minTimeout: 500, maxTimeout: 2_000, maxRetryTime: 5_000 } satisfies webApi.RetryOptions;

export function createSlackAdapter(options: SlackOptions, bot: Bot, logger: Logger): Adapter {
  const log = logger.child({ adapter: "slack" });
  const { botToken, appToken, signingSecret, apiUrl } = options;
  if (!appToken && !signingSecret) throw new ConfigError([explain("SLACK_SIGNING_SECRET", "is missing: HTTP mode verifies every request with it")]);
  // The Web API client wants a base URL ending in a slash.
  const clientOptions = { retryConfig: WEB_API_RETRY, ...(apiUrl ? { slackApiUrl: apiUrl.replace(/\/?$/, "/") } : {}) };
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
  const serveEvents = (req: IncomingMessage, res: ServerResponse) => {
    // Until the token is verified, Bolt cannot process a request: Slack retries on 503.
    if (!ready()) return void res.writeHead(503, { "content-type": "text/plain" }).end("not ready");
    try {
      httpReceiver?.requestListener(req, res);
    } catch {
      // Bolt throws for what it does not route (a GET, say) instead of answering it.
      res.writeHead(405, { "content-type": "text/plain" }).end("method not allowed");
    }
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
    async stop() {
      stopping = true;
      await inFlight.drain();
      if (socketReceiver && started) await app.stop();
    },
  };
}
