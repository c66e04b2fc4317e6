// The alert scheduler: every ALERT_EVERY_MS it looks at the CURRENT snapshot (a reload that moves a session moves its
// alerts) for sessions starting within ALERT_MINUTES of the bot's clock, and for each channel subscribed to one and
// each person who asked to be reminded, claims the alert in the store before posting it. The claim is one INSERT on
// a unique (target, session, start) key, so an alert goes out once even with several replicas on one PostgreSQL; a
// session moved to a new start is a new alert. An alert for a platform whose adapter is not connected is left
// unclaimed for a later tick; a post that fails is logged (the alert is not retried); nothing throws out of the timer.
import type { Logger } from "pino";
import type { Adapter, PostTarget } from "./adapters/adapter.js";
import { alertAnswer, covers, startingSoon } from "./core/alerts.js";
import type { Lang } from "./core/locale.js";
import type { Snapshot } from "./core/snapshot/snapshot.js";
import type { Store } from "./store/store.js";

/** How often the scheduler looks for sessions starting soon. */
export const ALERT_EVERY_MS = 30_000;

export interface AlertSchedulerOptions {
  /** Whose snapshot is current (the Bot): read afresh on every tick; and, when it says, the events a channel is
   * bound to (EVENT_CHANNELS): a channel bound to one event gets no alerts of another's sessions. */
  knowledge: { readonly snapshot: Snapshot; eventsIn?(channel: string): readonly string[] };
  /** The bot's clock (EVENTDESK_NOW sets it). */
  clock: () => Date;
  store: Store;
  /** The adapters that post, by name (`User.platform`); read on every tick, so adapters added later count. */
  adapters: readonly Adapter[];
  /** Alerts go out for sessions starting within this many minutes. */
  minutes: number;
  logger?: Logger;
}

/** What one tick did, for logs and tests. */
export interface TickReport {
  /** Alerts this process claimed and posted. */
  posted: number;
  /** Alerts this process claimed but could not post (logged). */
  failed: number;
  /** Alerts another tick or replica had claimed already. */
  skipped: number;
  /** Alerts left unclaimed because their platform's adapter is not running or not connected: a later tick (or
   * another replica) posts them while they are still due. */
  waiting: number;
}

const asLang = (lang: string): Lang => (lang === "en" ? "en" : "ko");

export class AlertScheduler {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;

  constructor(private readonly options: AlertSchedulerOptions) {}

  /** Starts ticking, now and then every `everyMs` (an unref'd timer: it never keeps the process alive). */
  start(everyMs = ALERT_EVERY_MS): void {
    if (this.timer) return;
    void this.safeTick();
    this.timer = setInterval(() => void this.safeTick(), everyMs);
    this.timer.unref();
  }

  /** Stops ticking; resolves once a tick under way has finished. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running?.catch(() => undefined);
  }

  /** A tick from the timer: skipped while the last one still runs; a failure (the store down) is logged. */
  private async safeTick(): Promise<void> {
    if (this.running) return;
    this.running = this.tick().catch((err: unknown) => this.options.logger?.warn({ err }, "alerts: tick failed"));
    try {
      await this.running;
    } finally {
      this.running = undefined;
    }
  }

  /** Claims and posts every alert due at `now` (the bot's clock by default). */
  async tick(now: Date = this.options.clock()): Promise<TickReport> {
    const { store, minutes, logger } = this.options;
    const snapshot = this.options.knowledge.snapshot;
    const report: TickReport = { posted: 0, failed: 0, skipped: 0, waiting: 0 };
    const soon = startingSoon(snapshot, now, minutes);
    if (!soon.length) return report;
    const subscriptions = await store.subscriptions();
    const reminders = await store.reminders(soon.map((s) => s.key));
    for (const session of soon) {
      const due: { platform: string; target: PostTarget; lang: Lang }[] = [
        ...subscriptions.filter((sub) => covers(snapshot, sub.filter, session) && (this.options.knowledge.eventsIn?.(sub.channel).includes(session.event) ?? true)).map((sub) => ({ platform: sub.platform, target: { kind: "channel", id: sub.channel } as const, lang: asLang(sub.lang) })),
        ...reminders.filter((r) => r.session === session.key).map((r) => ({ platform: r.platform, target: { kind: "user", id: r.user } as const, lang: asLang(r.lang) })),
      ];
      for (const { platform, target, lang } of due) {
        const adapter = this.options.adapters.find((a) => a.name === platform && a.post);
        if (!adapter?.ready()) {
          report.waiting++;
          continue;
        }
        const claimed = await store.claimAlert({ target: `${platform}:${target.kind}:${target.id}`, session: session.key, startsAt: new Date(session.start!) });
        if (!claimed) {
          report.skipped++;
          continue;
        }
        const where = { platform, target: target.kind, session: session.key, ...(target.kind === "channel" ? { channel: target.id } : {}) };
        try {
          await adapter.post!(target, alertAnswer(snapshot, session, now, lang));
          report.posted++;
          logger?.info(where, "alert posted");
        } catch (err) {
          report.failed++;
          logger?.error({ ...where, err }, "alert not posted");
        }
      }
    }
    return report;
  }
}
