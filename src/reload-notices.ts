// `/reload` on one replica reloads them all (PostgreSQL only: SQLite is one process). After a successful reload a
// process publishes NOTIFY eventdesk_reload with its new version and its own id; every process LISTENs on a dedicated
// connection (re-made with a growing wait when it drops) and reloads when a notice is another process's and names a
// version other than its own, from a store in the same schema. A notice missed while the connection was down is not
// replayed: the next reload, a SIGHUP or a restart brings that replica up to date.
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { setTimeout as sleep } from "node:timers/promises";
import pg from "pg";
import type { Logger } from "pino";

export const RELOAD_CHANNEL = "eventdesk_reload";

export interface ReloadNotice {
  version: string;
  origin: string;
  /** The schema the sender's store is in: NOTIFY reaches the whole database, and deployments on other schemas of it
   * (or test runs side by side) must not reload each other. */
  schema: string;
}

/** This process, as its notices name it: unique across hosts and restarts. */
export const PROCESS_ID = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

/** Waits between attempts to (re)connect the listener: 1 s, 2 s, 4 s, … up to 30 s. */
const reconnectWait = (attempt: number) => Math.min(30_000, 1_000 * 2 ** Math.max(0, attempt - 1));

export interface ReloadNoticesOptions {
  url: string;
  logger: Logger;
  /** The version this process answers from now. */
  version: () => string;
  /** Reloads this process, for a notice from another one. */
  reload: (notice: ReloadNotice) => Promise<unknown>;
  origin?: string;
}

export class ReloadNotices {
  private client: pg.Client | undefined;
  private stopped = false;
  private listened = false;
  /** The store's schema (current_schema() on this URL), read when the listener connects. */
  private schema: string | undefined;
  private readonly origin: string;
  /** Resolves once the first LISTEN succeeded (or the listener was stopped): tests and start-up logs wait on it. */
  readonly listening: Promise<void>;
  private markListening!: () => void;

  constructor(private readonly options: ReloadNoticesOptions) {
    this.origin = options.origin ?? PROCESS_ID;
    this.listening = new Promise((resolve) => (this.markListening = resolve));
  }

  /** Starts listening in the background; never throws (a database that is down is retried). */
  start(): this {
    void this.keepListening();
    return this;
  }

  private async keepListening(): Promise<void> {
    for (let attempt = 1; !this.stopped; attempt++) {
      // Named, so that an operator (or a test) can find this process's listener in pg_stat_activity.
      const client = new pg.Client({ connectionString: this.options.url, connectionTimeoutMillis: 5_000, keepAlive: true, application_name: `eventdesk-reload ${this.origin}`.slice(0, 63) });
      let gone = false;
      const ended = new Promise<unknown>((resolve) => {
        client.once("end", () => ((gone = true), resolve(undefined)));
        client.on("error", (err) => ((gone = true), resolve(err)));
      });
      client.on("notification", (message) => {
        if (message.channel === RELOAD_CHANNEL) void this.received(message.payload);
      });
      try {
        await client.connect();
        const [row] = (await client.query<{ schema: string | null }>(`SELECT current_schema() AS schema`)).rows;
        this.schema = row?.schema ?? "";
        await client.query(`LISTEN ${RELOAD_CHANNEL}`);
        this.client = client;
        if (this.listened) this.options.logger.info({ channel: RELOAD_CHANNEL }, "reload notices: listening again");
        else this.options.logger.info({ channel: RELOAD_CHANNEL, origin: this.origin }, "reload notices: listening");
        this.listened = true;
        this.markListening();
        attempt = 0;
        const reason = await ended;
        this.client = undefined;
        if (this.stopped) return;
        this.options.logger.warn({ err: reason instanceof Error ? reason : undefined }, "reload notices: connection lost, reconnecting");
      } catch (err) {
        if (this.stopped) return;
        this.options.logger.warn({ err, attempt, retryInSeconds: reconnectWait(attempt) / 1000 }, "reload notices: cannot listen");
      } finally {
        // A connection the server cut is already over: ending it again could wait forever.
        if (!gone) await client.end().catch(() => undefined);
      }
      await sleep(reconnectWait(Math.max(1, attempt)), undefined, { ref: false });
    }
  }

  private async received(payload: string | undefined): Promise<void> {
    let notice: ReloadNotice;
    try {
      const parsed = JSON.parse(payload ?? "") as Partial<ReloadNotice>;
      if (typeof parsed.version !== "string" || typeof parsed.origin !== "string" || typeof parsed.schema !== "string") throw new Error("no version, origin or schema");
      notice = { version: parsed.version, origin: parsed.origin, schema: parsed.schema };
    } catch {
      this.options.logger.warn({ payload }, "reload notices: unreadable notice ignored");
      return;
    }
    if (notice.schema !== this.schema || notice.origin === this.origin || notice.version === this.options.version()) return;
    this.options.logger.info({ from: notice.origin, version: notice.version, ours: this.options.version() }, "reload notices: another replica reloaded, reloading");
    await this.options.reload(notice).catch((err: unknown) => this.options.logger.error({ err }, "reload notices: reload failed"));
  }

  /** Tells the other processes this one now answers from `version`. A database that is down is logged, never thrown. */
  async publish(version: string): Promise<void> {
    try {
      const schema = this.schema ?? (await this.currentSchema());
      const payload = JSON.stringify({ version, origin: this.origin, schema } satisfies ReloadNotice);
      // The listening connection when it is up (and still answers); else a short-lived one.
      const sent = this.client ? await this.client.query(`SELECT pg_notify($1, $2)`, [RELOAD_CHANNEL, payload]).then(() => true, () => false) : false;
      if (!sent) {
        const once = new pg.Client({ connectionString: this.options.url, connectionTimeoutMillis: 5_000 });
        once.on("error", () => undefined);
        try {
          await once.connect();
          await once.query(`SELECT pg_notify($1, $2)`, [RELOAD_CHANNEL, payload]);
        } finally {
          await once.end().catch(() => undefined);
        }
      }
      this.options.logger.info({ channel: RELOAD_CHANNEL, version }, "reload notices: published");
    } catch (err) {
      this.options.logger.warn({ err, version }, "reload notices: not published: other replicas keep their knowledge until reloaded");
    }
  }

  /** The schema, when the listener has not connected yet: asked on a short-lived connection. */
  private async currentSchema(): Promise<string> {
    const once = new pg.Client({ connectionString: this.options.url, connectionTimeoutMillis: 5_000 });
    once.on("error", () => undefined);
    try {
      await once.connect();
      const [row] = (await once.query<{ schema: string | null }>(`SELECT current_schema() AS schema`)).rows;
      return row?.schema ?? "";
    } finally {
      await once.end().catch(() => undefined);
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.markListening();
    await this.client?.end().catch(() => undefined);
  }
}
