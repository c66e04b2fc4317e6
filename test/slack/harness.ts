// Starts the real Slack adapter (real Bolt, real Bot from ./knowledge) against the fake Slack, in HTTP mode on the
// shared HTTP server or in Socket Mode, all on 127.0.0.1 with ports chosen by the system.
import { Writable } from "node:stream";
import type { Logger } from "pino";
import type { Adapter } from "../../src/adapters/adapter.js";
import { slackOptionsFrom } from "../../src/adapters/index.js";
import { createSlackAdapter } from "../../src/adapters/slack/adapter.js";
import { Bot } from "../../src/core/bot.js";
import { loadConfig } from "../../src/config.js";
import { startHttpServer, type HttpServer } from "../../src/http.js";
import { createLogger } from "../../src/log.js";
import { signedHeaders, type FakeSlack } from "./fake-slack.js";

export const SIGNING_SECRET = "test-signing-secret";
export const ADMIN = "UADMIN";
export const MEMBER = "UMEMBER";

/** pino lines written by the adapter, parsed, for assertions on what it logged. */
export function captureLogs(): { logger: Logger; lines: Array<Record<string, unknown>> } {
  const lines: Array<Record<string, unknown>> = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split("\n").filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { logger: createLogger("info", sink), lines };
}

export interface RunningSlack {
  adapter: Adapter;
  bot: Bot;
  http?: HttpServer;
  /** POSTs a body to /slack/events, signed unless headers say otherwise. */
  post(body: string, contentType: string, headers?: Record<string, string>): Promise<Response>;
  close(): Promise<void>;
}

export async function startSlack(fake: FakeSlack, env: Record<string, string>, logger: Logger, bot?: Bot): Promise<RunningSlack> {
  const theBot = bot ?? (await Bot.create({ knowledgeDir: "knowledge", logger }));
  const config = loadConfig({
    SLACK_BOT_TOKEN: "xoxb-test",
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: fake.apiUrl,
    SLACK_ADMIN_USER_IDS: ADMIN,
    ...env,
  });
  const adapter = createSlackAdapter(slackOptionsFrom(config)!, theBot, logger);
  const http = adapter.routes ? await startHttpServer([adapter], { port: 0, isReady: () => adapter.ready(), host: "127.0.0.1" }) : undefined;
  await adapter.start();
  return {
    adapter,
    bot: theBot,
    http,
    post: (body, contentType, headers) =>
      fetch(`http://127.0.0.1:${http?.port}/slack/events`, {
        method: "POST",
        headers: { "content-type": contentType, ...(headers ?? signedHeaders(SIGNING_SECRET, body)) },
        body,
      }),
    close: async () => {
      await adapter.stop();
      await http?.close();
    },
  };
}

export const form = (fields: Record<string, string>): string => new URLSearchParams(fields).toString();
