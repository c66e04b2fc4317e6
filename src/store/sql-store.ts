// The Store over either SQL driver: the same statements for SQLite and PostgreSQL. Users are kept only as
// sha256(salt, platform:id), with a salt made once per install and kept in the database itself.
import { createHash, randomBytes } from "node:crypto";
import { migrate } from "./migrations.js";
import type { SqlDriver, SqlRunner } from "./sql.js";
import { REMEDIATION_FIELDS, type AlertClaim, type AlertFilter, type Insights, type QuestionRecord, type Rating, type RatingRecord, type Reminder, type RemediationField, type RemediationUpdate, type RemediationUpdateRecord, type Store, type Subscription, type UserRef } from "./store.js";

/** After a failed start (a database that is down), the next call tries again only after this long: calls meanwhile fail at once. */
const RETRY_AFTER_MS = 5_000;

const SALT_SETTING = "user_hash_salt";

const flag = (b: boolean) => (b ? 1 : 0);
const ratingValue = (r: Rating) => (r === "up" ? 1 : -1);
const ratingOf = (value: unknown): Rating | undefined => (value === undefined || value === null ? undefined : Number(value) > 0 ? "up" : "down");

const filterKey = (f: AlertFilter) => (f.kind === "all" ? "" : f.key);
const filterOf = (kind: string, key: string): AlertFilter => (kind === "all" ? { kind: "all" } : { kind: kind as "track" | "room" | "session", key });

export class SqlStore implements Store {
  private ready: Promise<{ version: number; salt: string }> | undefined;
  private failedAt = 0;
  /** Writes not yet settled: closing waits for them, so that a question asked just before exit is still logged. */
  private readonly writing = new Set<Promise<unknown>>();

  constructor(private readonly db: SqlDriver, private readonly now: () => number = Date.now) {}

  get kind(): string {
    return this.db.dialect;
  }

  async migrate(): Promise<number> {
    return (await this.started()).version;
  }

  /** Migrated, with the salt read: once, or again after a failure once RETRY_AFTER_MS has passed. */
  private started() {
    if (!this.ready || (this.failedAt && this.now() - this.failedAt >= RETRY_AFTER_MS)) {
      this.failedAt = 0;
      this.ready = this.start().catch((error: unknown) => {
        this.failedAt = this.now();
        throw error;
      });
    }
    return this.ready;
  }

  private async start() {
    const version = await migrate(this.db);
    // Two processes starting at once: the first salt written wins, and both read that one.
    await this.db.query(`INSERT INTO settings (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING`, [SALT_SETTING, randomBytes(32).toString("hex")]);
    const [row] = await this.db.query<{ value: string }>(`SELECT value FROM settings WHERE name = ?`, [SALT_SETTING]);
    return { version, salt: row.value };
  }

  private async userHash(user: UserRef): Promise<string> {
    const { salt } = await this.started();
    return createHash("sha256").update(salt).update("\0").update(`${user.platform}:${user.id}`).digest("hex");
  }

  /** Runs a write, remembered until it settles. */
  private write<T>(work: () => Promise<T>): Promise<T> {
    const pending = work();
    const settled = pending.catch(() => undefined).finally(() => this.writing.delete(settled));
    this.writing.add(settled);
    return pending;
  }

  logQuestion(q: QuestionRecord): Promise<void> {
    return this.write(() => this.insertQuestion(q));
  }

  private async insertQuestion(q: QuestionRecord): Promise<void> {
    const user = await this.userHash(q.user);
    await this.db.query(
      `INSERT INTO questions (id, at, user_hash, platform, channel, direct, command, text, normalized, answered, knowledge_version, latency_ms)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [q.id, q.at.getTime(), user, q.platform, q.channel ?? null, flag(q.direct), q.command, q.text ?? null, q.normalized ?? null, flag(q.answered), q.knowledgeVersion, q.latencyMs],
    );
  }

  rate(r: RatingRecord): Promise<{ previous?: Rating }> {
    return this.write(() => this.upsertRating(r));
  }

  private async upsertRating(r: RatingRecord): Promise<{ previous?: Rating }> {
    const user = await this.userHash(r.user);
    return this.db.transaction(async (tx) => {
      const [before] = await tx.query<{ rating: number }>(`SELECT rating FROM ratings WHERE answer_id = ? AND user_hash = ?`, [r.answerId, user]);
      await tx.query(
        `INSERT INTO ratings (answer_id, user_hash, rating, at) VALUES (?, ?, ?, ?)
         ON CONFLICT (answer_id, user_hash) DO UPDATE SET rating = excluded.rating, at = excluded.at`,
        [r.answerId, user, ratingValue(r.rating), r.at.getTime()],
      );
      const previous = ratingOf(before?.rating);
      return previous ? { previous } : {};
    });
  }

  async insights(since: Date, until: Date, limit = 10): Promise<Insights> {
    await this.started();
    // This process's questions still being written count too: an admin asking right after sees them.
    await Promise.all(this.writing);
    const period = [since.getTime(), until.getTime()];
    const refused = await this.db.query<{ normalized: string; example: string; count: number | string }>(
      `SELECT normalized, MIN(text) AS example, COUNT(*) AS count FROM questions
       WHERE at >= ? AND at <= ? AND answered = 0 AND normalized IS NOT NULL
       GROUP BY normalized ORDER BY count DESC, normalized LIMIT ?`,
      [...period, limit],
    );
    const down = `SUM(CASE WHEN r.rating < 0 THEN 1 ELSE 0 END)`;
    const downvoted = await this.db.query<{ command: string; normalized: string | null; down: number | string; up: number | string }>(
      `SELECT q.command, q.normalized, ${down} AS down, SUM(CASE WHEN r.rating > 0 THEN 1 ELSE 0 END) AS up
       FROM ratings r JOIN questions q ON q.id = r.answer_id
       WHERE r.at >= ? AND r.at <= ?
       GROUP BY q.command, q.normalized HAVING ${down} > 0 ORDER BY down DESC, up, q.command LIMIT ?`,
      [...period, limit],
    );
    const platforms = await this.db.query<{ platform: string; asked: number | string; answered: number | string }>(
      `SELECT platform, COUNT(*) AS asked, SUM(answered) AS answered FROM questions WHERE at >= ? AND at <= ? GROUP BY platform ORDER BY platform`,
      period,
    );
    return {
      since,
      until,
      refused: refused.map((r) => ({ normalized: r.normalized, example: r.example, count: Number(r.count) })),
      downvoted: downvoted.map((d) => ({ command: d.command, ...(d.normalized === null ? {} : { normalized: d.normalized }), down: Number(d.down), up: Number(d.up) })),
      platforms: platforms.map((p) => ({ platform: p.platform, asked: Number(p.asked), answered: Number(p.answered) })),
    };
  }

  recordRemediationUpdate(u: RemediationUpdateRecord): Promise<void> {
    return this.write(async () => {
      await this.started();
      const insert = (tx: SqlRunner) =>
        tx.query(
          `INSERT INTO remediation_updates (seq, item, field, value, at, platform, user_id, user_name)
           SELECT COALESCE(MAX(seq), 0) + 1, ?, ?, ?, ?, ?, ?, ? FROM remediation_updates`,
          [u.item, u.field, u.value, u.at.getTime(), u.by.platform, u.by.id, u.by.name ?? null],
        );
      // One statement is atomic in SQLite (one writer); on PostgreSQL, replicas writing at once take the store's lock
      // in a transaction, so that two never take the same seq.
      await (this.db.dialect === "postgres" ? this.db.transaction(insert) : insert(this.db));
    });
  }

  async remediationUpdates(item?: string): Promise<RemediationUpdate[]> {
    await this.started();
    const rows = await this.db.query<{ seq: number | string; item: string; field: string; value: string; at: number | string; platform: string; user_id: string; user_name: string | null }>(
      `SELECT seq, item, field, value, at, platform, user_id, user_name FROM remediation_updates${item === undefined ? "" : " WHERE item = ?"} ORDER BY seq`,
      item === undefined ? [] : [item],
    );
    return rows
      .filter((r) => (REMEDIATION_FIELDS as readonly string[]).includes(r.field))
      .map((r) => ({
        seq: Number(r.seq),
        item: r.item,
        field: r.field as RemediationField,
        value: r.value,
        at: new Date(Number(r.at)),
        by: { platform: r.platform, id: r.user_id, ...(r.user_name === null ? {} : { name: r.user_name }) },
      }));
  }

  subscribe(sub: Subscription): Promise<boolean> {
    return this.write(async () => {
      await this.started();
      const inserted = await this.db.query(
        `INSERT INTO subscriptions (platform, channel, kind, item_key, label, lang, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (platform, channel, kind, item_key) DO NOTHING RETURNING channel`,
        [sub.platform, sub.channel, sub.filter.kind, filterKey(sub.filter), sub.label, sub.lang, sub.at.getTime()],
      );
      if (inserted.length) return true;
      await this.db.query(`UPDATE subscriptions SET label = ?, lang = ? WHERE platform = ? AND channel = ? AND kind = ? AND item_key = ?`, [
        sub.label,
        sub.lang,
        sub.platform,
        sub.channel,
        sub.filter.kind,
        filterKey(sub.filter),
      ]);
      return false;
    });
  }

  unsubscribe(platform: string, channel: string, filter?: AlertFilter): Promise<number> {
    return this.write(async () => {
      await this.started();
      const which = filter ? ` AND kind = ? AND item_key = ?` : "";
      const removed = await this.db.query(`DELETE FROM subscriptions WHERE platform = ? AND channel = ?${which} RETURNING channel`, [
        platform,
        channel,
        ...(filter ? [filter.kind, filterKey(filter)] : []),
      ]);
      return removed.length;
    });
  }

  async subscriptions(where?: { platform: string; channel: string }): Promise<Subscription[]> {
    await this.started();
    const rows = await this.db.query<{ platform: string; channel: string; kind: string; item_key: string; label: string; lang: string; created_at: number | string }>(
      `SELECT platform, channel, kind, item_key, label, lang, created_at FROM subscriptions${where ? ` WHERE platform = ? AND channel = ?` : ""}
       ORDER BY platform, channel, created_at, kind, item_key`,
      where ? [where.platform, where.channel] : [],
    );
    return rows.map((r) => ({ platform: r.platform, channel: r.channel, filter: filterOf(r.kind, r.item_key), label: r.label, lang: r.lang, at: new Date(Number(r.created_at)) }));
  }

  remind(r: Reminder): Promise<boolean> {
    return this.write(async () => {
      await this.started();
      const inserted = await this.db.query(
        `INSERT INTO reminders (platform, user_id, session_key, lang, created_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (platform, user_id, session_key) DO NOTHING RETURNING user_id`,
        [r.platform, r.user, r.session, r.lang, r.at.getTime()],
      );
      return inserted.length > 0;
    });
  }

  async reminders(sessions: readonly string[]): Promise<Reminder[]> {
    await this.started();
    if (!sessions.length) return [];
    const rows = await this.db.query<{ platform: string; user_id: string; session_key: string; lang: string; created_at: number | string }>(
      `SELECT platform, user_id, session_key, lang, created_at FROM reminders WHERE session_key IN (${sessions.map(() => "?").join(", ")})
       ORDER BY created_at, platform, user_id`,
      sessions,
    );
    return rows.map((r) => ({ platform: r.platform, user: r.user_id, session: r.session_key, lang: r.lang, at: new Date(Number(r.created_at)) }));
  }

  claimAlert(c: AlertClaim): Promise<boolean> {
    return this.write(async () => {
      await this.started();
      // One statement, atomic on both databases: of two replicas claiming at once, one inserts and the other finds
      // the row there and gets nothing back.
      const claimed = await this.db.query(
        `INSERT INTO alerts_sent (target, session_key, starts_at, claimed_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (target, session_key, starts_at) DO NOTHING RETURNING target`,
        [c.target, c.session, c.startsAt.getTime(), this.now()],
      );
      return claimed.length > 0;
    });
  }

  async recallConversation(id: string, since: Date): Promise<string | undefined> {
    await this.started();
    const [row] = await this.db.query<{ value: string }>(`SELECT value FROM conversations WHERE id = ? AND updated_at >= ?`, [id, since.getTime()]);
    return row?.value;
  }

  rememberConversation(id: string, value: string, at: Date, expireBefore?: Date): Promise<void> {
    return this.write(async () => {
      await this.started();
      await this.db.query(
        `INSERT INTO conversations (id, value, updated_at) VALUES (?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
        [id, value, at.getTime()],
      );
      if (expireBefore) await this.db.query(`DELETE FROM conversations WHERE updated_at < ?`, [expireBefore.getTime()]);
    });
  }

  claimEvent(key: string, at: Date, expireBefore?: Date): Promise<boolean> {
    return this.write(async () => {
      await this.started();
      if (expireBefore) await this.db.query(`DELETE FROM events_claimed WHERE claimed_at < ?`, [expireBefore.getTime()]);
      // As claimAlert: one atomic statement, so that of two replicas claiming at once exactly one gets the row back.
      const claimed = await this.db.query(`INSERT INTO events_claimed (event_key, claimed_at) VALUES (?, ?) ON CONFLICT (event_key) DO NOTHING RETURNING event_key`, [key, at.getTime()]);
      return claimed.length > 0;
    });
  }

  async takeToken(userKey: string, perMinute: number, at: Date): Promise<{ granted: boolean; tokens: number }> {
    await this.started();
    // One atomic statement on both databases: the bucket refilled since its last take (at most full), less one when
    // a whole token is there. Replicas taking at once are serialised by the row.
    const refilled = `(CASE WHEN rate_buckets.tokens + (CAST(? AS BIGINT) - rate_buckets.at) * CAST(? AS DOUBLE PRECISION) / 60000.0 < CAST(? AS DOUBLE PRECISION)
      THEN rate_buckets.tokens + (CAST(? AS BIGINT) - rate_buckets.at) * CAST(? AS DOUBLE PRECISION) / 60000.0 ELSE CAST(? AS DOUBLE PRECISION) END)`;
    const refill = [at.getTime(), perMinute, perMinute, at.getTime(), perMinute, perMinute];
    const [row] = await this.db.query<{ tokens: number | string; granted: number | string }>(
      `INSERT INTO rate_buckets (user_key, tokens, at, granted) VALUES (?, ?, ?, 1)
       ON CONFLICT (user_key) DO UPDATE SET
         tokens = CASE WHEN ${refilled} >= 1 THEN ${refilled} - 1 ELSE ${refilled} END,
         granted = CASE WHEN ${refilled} >= 1 THEN 1 ELSE 0 END,
         at = CAST(? AS BIGINT)
       RETURNING tokens, granted`,
      [userKey, perMinute - 1, at.getTime(), ...refill, ...refill, ...refill, ...refill, at.getTime()],
    );
    return { granted: Number(row.granted) === 1, tokens: Number(row.tokens) };
  }

  async close(): Promise<void> {
    await Promise.all(this.writing);
    await this.db.close();
  }
}
