// Starts what the configuration enables (the console chat when no platform is), in an order where nobody else's bad
// day stops the bot: the health endpoints first, then the knowledge (a schedule URL that fails is read from its last
// good copy, or else reported and left out), then each platform on its own (one that is unreachable or slow is logged,
// retried in the background, and never holds up the others). SIGHUP reloads (and SCHEDULE_REFRESH_MINUTES, when a
// schedule changed); SIGTERM/SIGINT let answers in flight finish and log what was dropped.
import "dotenv/config";
import { setTimeout as sleep } from "node:timers/promises";
import type { Logger } from "pino";
import { createAdapters } from "./adapters/index.js";
import { AlertScheduler } from "./alerts.js";
import type { Adapter } from "./adapters/adapter.js";
import { reloadAuditLog } from "./audit.js";
import { coalesce } from "./coalesce.js";
import { Bot, KnowledgeError, type ReloadEvent } from "./core/bot.js";
import type { User } from "./core/protocol.js";
import { botOptions, ConfigError, httpPort, loadConfig, platformsEnabled, scheduleCopiesDir, servesHttpRoutes, type Config } from "./config.js";
import { startHttpServer, type HttpServer } from "./http.js";
import { openStore, type Store } from "./store/index.js";
import { StoreConversations } from "./core/understand/store-conversations.js";
import { ReloadNotices } from "./reload-notices.js";
import { createLogger } from "./log.js";
import { logUncaughtWith, onSighup } from "./process-policy.js";
import { refreshSchedules } from "./schedule-refresh.js";
import { watchFolder } from "./watch.js";

/** How long answers in flight get to finish after SIGTERM before the process exits anyway. */
const SHUTDOWN_GRACE_MS = 8_000;
/** A platform that has not answered by then is logged as slow (its own call limits end the attempt). */
const START_SLOW_MS = 15_000;
/** Waits between attempts to start a platform that could not be reached: 2 s, 4 s, … up to a minute. */
const retryWait = (attempt: number) => Math.min(60_000, 1_000 * 2 ** attempt);

const SIGNAL_USER: User = { id: "SIGHUP", platform: "system", isAdmin: true, trusted: true, name: "SIGHUP" };
const WATCH_USER: User = { id: "watch", platform: "system", isAdmin: true, trusted: true, name: "KNOWLEDGE_WATCH" };
const REFRESH_USER: User = { id: "refresh", platform: "system", isAdmin: true, trusted: true, name: "SCHEDULE_REFRESH_MINUTES" };
const NOTICE_USER: User = { id: "notice", platform: "system", isAdmin: true, trusted: true, name: "another replica's reload" };

export async function start(): Promise<void> {
  const config = loadConfig();
  // In the console chat, info logs would drown the conversation: warn unless asked.
  const logger = createLogger(config.LOG_LEVEL ?? (platformsEnabled(config) ? "info" : "warn"));
  logUncaughtWith((fields, message) => logger.error(fields, message));

  // Adapters join the list once created; the server answers /healthz meanwhile and /readyz when all are ready.
  const adapters: Adapter[] = [];
  const http = await listen(config, adapters, logger);
  const store = await startStore(config, logger);
  // Replicas on one PostgreSQL tell each other of their reloads; a reload made for another's notice is not re-told.
  let notices: ReloadNotices | undefined;
  const audit = reloadAuditLog(config.DATA_DIR);
  const onReload = async (event: ReloadEvent) => {
    if (event.ok && event.by !== NOTICE_USER) void notices?.publish(event.versionAfter);
    await audit(event);
  };
  // Conversations in the store, so that a follow-up continues on whichever replica gets it.
  const conversations = new StoreConversations(store, logger);
  const bot = await Bot.create({ ...botOptions(config), logger, store, conversations, onReload });
  logger.info({ version: bot.snapshot.version, files: bot.snapshot.files.length }, "knowledge loaded");
  if (config.DATABASE_URL) {
    const reload = coalesce(() => bot.reload(NOTICE_USER));
    notices = new ReloadNotices({ url: config.DATABASE_URL, logger, version: () => bot.snapshot.version, reload: () => reload() }).start();
  }
  for (const [channel, event] of config.EVENT_CHANNELS.map((entry) => entry.split("=")))
    if (!bot.snapshot.knowledge.events.has(event)) logger.warn({ channel, event, events: [...bot.snapshot.knowledge.events.keys()] }, "EVENT_CHANNELS names an event the knowledge does not hold: that channel sees every event");
  onSighup(coalesce(() => bot.reload(SIGNAL_USER)));
  /** What runs on its own (the file watcher, the schedule refresh, the alert scheduler): stopped first on shutdown. */
  const reloaders: (() => void)[] = [];
  if (config.KNOWLEDGE_WATCH) {
    const reload = coalesce(() => bot.reload(WATCH_USER));
    reloaders.push(watchFolder(config.KNOWLEDGE_DIR, () => void reload(), (err) => logger.error({ err }, "knowledge watch failed")));
  }
  if (config.SCHEDULE_REFRESH_MINUTES && config.SCHEDULE_URLS.length) {
    const reload = coalesce(() => bot.reload(REFRESH_USER));
    const everyMs = config.SCHEDULE_REFRESH_MINUTES * 60_000;
    reloaders.push(refreshSchedules({ urls: config.SCHEDULE_URLS, copiesDir: scheduleCopiesDir(config), everyMs, reload, logger }));
  }

  adapters.push(...(await createAdapters(config, bot, logger)));
  if (config.ALERT_MINUTES > 0) {
    // Reads the adapters list on every tick: a platform still connecting simply gets its alerts once it posts.
    const alerts = new AlertScheduler({ knowledge: bot, clock: () => bot.now(), store, adapters, minutes: config.ALERT_MINUTES, logger });
    alerts.start();
    reloaders.push(() => void alerts.stop());
  }
  if (notices) reloaders.push(() => void notices?.stop());
  for (const signal of ["SIGTERM", "SIGINT"] as const) process.once(signal, () => void shutdown(signal, reloaders, adapters, http, store, logger));
  await Promise.all(adapters.map((a) => keepStarting(a, logger)));
  logger.info({ adapters: adapters.map((a) => a.name) }, "EventDesk is running");
  // An adapter that finishes on its own (the console at the end of its input) ends the process.
  const finished = adapters.map((a) => a.finished).filter((f) => f !== undefined);
  if (finished.length) {
    await Promise.race(finished);
    await shutdown("end of input", reloaders, adapters, http, store, logger);
  }
}

/** The store, migrated when it can be: one that is down is logged and tried again by its next call, never fatal. */
async function startStore(config: Config, logger: Logger): Promise<Store> {
  const store = openStore(config);
  try {
    const version = await store.migrate();
    logger.info({ store: store.kind, schemaVersion: version }, "store ready");
  } catch (err) {
    logger.warn({ err, store: store.kind }, "store unavailable: answering without the question log until it is back");
  }
  return store;
}

/** The HTTP server, when a platform is on and either serves HTTP routes or PORT asks for health checks. */
async function listen(config: Config, adapters: readonly Adapter[], logger: Logger): Promise<HttpServer | undefined> {
  if (!platformsEnabled(config) || (!servesHttpRoutes(config) && config.PORT === undefined)) return undefined;
  const http = await startHttpServer(adapters, { port: httpPort(config), host: config.HOST, isReady: () => adapters.length > 0 && adapters.every((a) => a.ready()), logger });
  logger.info({ port: http.port }, "HTTP server listening");
  return http;
}

/**
 * Starts an adapter, trying again while its platform cannot be reached. A rejected credential (ConfigError) is for
 * the operator to fix: it ends the start-up with its message. Resolves once started; meanwhile the others run.
 */
async function keepStarting(adapter: Adapter, logger: Logger): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const slow = setTimeout(() => logger.warn({ adapter: adapter.name, seconds: START_SLOW_MS / 1000 }, `${adapter.name}: no answer yet, still trying`), START_SLOW_MS);
    try {
      return await adapter.start();
    } catch (error) {
      if (error instanceof ConfigError) throw error;
      const wait = retryWait(attempt);
      logger.error({ adapter: adapter.name, attempt, problem: (error as Error).message, retryInSeconds: wait / 1000 }, `${adapter.name} could not start`);
      await sleep(wait, undefined, { ref: false });
    } finally {
      clearTimeout(slow);
    }
  }
}

async function shutdown(signal: string, reloaders: readonly (() => void)[], adapters: Adapter[], http: HttpServer | undefined, store: Store, logger: Logger): Promise<void> {
  logger.info({ signal }, "shutting down");
  for (const stop of reloaders) stop();
  setTimeout(() => process.exit(1), SHUTDOWN_GRACE_MS + 1_000).unref();
  const dropped = await Promise.all(adapters.map((a) => a.stop(SHUTDOWN_GRACE_MS).catch(() => 0)));
  await http?.close();
  // After the adapters: the answers they finished may still be writing to the question log.
  await store.close().catch((err: unknown) => logger.warn({ err }, "store did not close cleanly"));
  const unfinished = dropped.reduce((sum, n) => sum + n, 0);
  if (unfinished > 0) logger.warn({ dropped: Object.fromEntries(adapters.map((a, i) => [a.name, dropped[i]])) }, `stopped with ${unfinished} answer(s) unfinished`);
  logger.info("stopped");
  logger.flush();
  process.exit(0);
}

/** A start-up failure: the message alone for what the operator can fix, the stack for a bug. */
export function startFailed(error: unknown): never {
  const known = error instanceof KnowledgeError || error instanceof ConfigError;
  process.stderr.write(`eventdesk: ${known ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
}
