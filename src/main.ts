// Starts the adapters the configuration enables (the console chat when none), reloads on SIGHUP,
// and shuts down gracefully on SIGTERM/SIGINT.
import "dotenv/config";
import type { Logger } from "pino";
import { createAdapters } from "./adapters/index.js";
import type { Adapter } from "./adapters/adapter.js";
import { Bot, KnowledgeError } from "./core/bot.js";
import type { User } from "./core/protocol.js";
import { botOptions, ConfigError, loadConfig, platformsEnabled } from "./config.js";
import { startHttpServer, type HttpServer } from "./http.js";
import { createLogger } from "./log.js";
import { reloadAuditLog } from "./audit.js";
import { watchFolder } from "./watch.js";

/** How long answers in flight get to finish after SIGTERM before the process exits anyway. */
const SHUTDOWN_GRACE_MS = 8_000;

const SIGNAL_USER: User = { id: "SIGHUP", platform: "system", isAdmin: true, trusted: true, name: "SIGHUP" };
const WATCH_USER: User = { id: "watch", platform: "system", isAdmin: true, trusted: true, name: "KNOWLEDGE_WATCH" };

async function main(): Promise<void> {
  const config = loadConfig();
  // In the console chat, info logs would drown the conversation: warn unless asked.
  const logger = createLogger(config.LOG_LEVEL ?? (platformsEnabled(config) ? "info" : "warn"));
  const bot = await Bot.create({ ...botOptions(config), logger, onReload: reloadAuditLog(config.DATA_DIR) });
  logger.info({ version: bot.snapshot.version, files: bot.snapshot.files.length }, "knowledge loaded");
  process.on("SIGHUP", () => void bot.reload(SIGNAL_USER));
  if (config.KNOWLEDGE_WATCH) {
    const stopWatching = watchFolder(config.KNOWLEDGE_DIR, () => void bot.reload(WATCH_USER), (err) => logger.error({ err }, "knowledge watch failed"));
    process.once("exit", stopWatching);
  }

  const adapters = await createAdapters(config, bot, logger);
  const http = adapters.some((a) => a.routes)
    ? await startHttpServer(adapters, config.PORT, () => adapters.every((a) => a.ready()), config.HOST)
    : undefined;
  if (http) logger.info({ port: http.port }, "HTTP server listening");
  await Promise.all(adapters.map((a) => a.start()));
  logger.info({ adapters: adapters.map((a) => a.name) }, "EventDesk is running");
  for (const signal of ["SIGTERM", "SIGINT"] as const) process.once(signal, () => void shutdown(signal, adapters, http, logger));
  // An adapter that finishes on its own (the console at the end of its input) ends the process.
  const finished = adapters.map((a) => a.finished).filter((f) => f !== undefined);
  if (finished.length) {
    await Promise.race(finished);
    await shutdown("end of input", adapters, http, logger);
  }
}

async function shutdown(signal: string, adapters: Adapter[], http: HttpServer | undefined, logger: Logger): Promise<void> {
  logger.info({ signal }, "shutting down");
  setTimeout(() => process.exit(1), SHUTDOWN_GRACE_MS + 1_000).unref();
  await Promise.race([
    Promise.allSettled([...adapters.map((a) => a.stop()), http?.close()]),
    new Promise((resolve) => setTimeout(resolve, SHUTDOWN_GRACE_MS).unref()),
  ]);
  logger.info("stopped");
  logger.flush();
  process.exit(0);
}

main().catch((error) => {
  if (error instanceof KnowledgeError || error instanceof ConfigError) process.stderr.write(`eventdesk: ${error.message}\n`);
  else process.stderr.write(`eventdesk: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
