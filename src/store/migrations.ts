// Versioned schema migrations, run at start-up (and again by the first call after a failed start-up). Each version
// runs once, in a transaction, recorded in schema_migrations; a released version is never edited, only followed.
import type { SqlDriver } from "./sql.js";

export interface Migration {
  version: number;
  name: string;
  statements: readonly string[];
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: "question log, ratings, settings",
    statements: [
      `CREATE TABLE settings (name TEXT PRIMARY KEY, value TEXT NOT NULL)`,
      `CREATE TABLE questions (
        id TEXT PRIMARY KEY,
        at BIGINT NOT NULL,
        user_hash TEXT NOT NULL,
        platform TEXT NOT NULL,
        channel TEXT,
        direct INTEGER NOT NULL,
        command TEXT NOT NULL,
        text TEXT,
        normalized TEXT,
        answered INTEGER NOT NULL,
        knowledge_version TEXT NOT NULL,
        latency_ms DOUBLE PRECISION NOT NULL
      )`,
      `CREATE INDEX questions_at ON questions (at)`,
      `CREATE TABLE ratings (
        answer_id TEXT NOT NULL,
        user_hash TEXT NOT NULL,
        rating INTEGER NOT NULL,
        at BIGINT NOT NULL,
        PRIMARY KEY (answer_id, user_hash)
      )`,
      `CREATE INDEX ratings_at ON ratings (at)`,
    ],
  },
  {
    version: 2,
    name: "remediation updates",
    statements: [
      // One row per change an admin made with /remediation update: the knowledge's YAML stays the base, these the
      // overlay on it. `seq` orders them (times can tie under a fixed EVENTDESK_NOW); `item` is the key, event/id.
      `CREATE TABLE remediation_updates (
        seq BIGINT PRIMARY KEY,
        item TEXT NOT NULL,
        field TEXT NOT NULL,
        value TEXT NOT NULL,
        at BIGINT NOT NULL,
        platform TEXT NOT NULL,
        user_id TEXT NOT NULL,
        user_name TEXT
      )`,
      `CREATE INDEX remediation_updates_item ON remediation_updates (item, seq)`,
    ],
  },
  {
    version: 3,
    name: "alerts",
    statements: [
      // A channel's subscription to sessions: all of them (kind "all", key ""), a track's, a room's or one session.
      `CREATE TABLE subscriptions (
        platform TEXT NOT NULL,
        channel TEXT NOT NULL,
        kind TEXT NOT NULL,
        item_key TEXT NOT NULL,
        label TEXT NOT NULL,
        lang TEXT NOT NULL,
        created_at BIGINT NOT NULL,
        PRIMARY KEY (platform, channel, kind, item_key)
      )`,
      // A person's reminder of one session, sent by direct message: the one place a raw user id is kept (it is where
      // the message goes).
      `CREATE TABLE reminders (
        platform TEXT NOT NULL,
        user_id TEXT NOT NULL,
        session_key TEXT NOT NULL,
        lang TEXT NOT NULL,
        created_at BIGINT NOT NULL,
        PRIMARY KEY (platform, user_id, session_key)
      )`,
      `CREATE INDEX reminders_session ON reminders (session_key)`,
      // One row per alert sent: claimed before posting, so that an alert is posted once whatever the replicas.
      `CREATE TABLE alerts_sent (
        target TEXT NOT NULL,
        session_key TEXT NOT NULL,
        starts_at BIGINT NOT NULL,
        claimed_at BIGINT NOT NULL,
        PRIMARY KEY (target, session_key, starts_at)
      )`,
    ],
  },
  {
    version: 4,
    name: "replicas: conversations and claimed platform events",
    statements: [
      // What a conversation remembers between questions (the last answer's subjects), as JSON, so that a follow-up
      // continues on whichever replica gets it. Rows older than the conversation TTL are deleted as new ones are written.
      `CREATE TABLE conversations (
        id TEXT PRIMARY KEY,
        value TEXT NOT NULL,
        updated_at BIGINT NOT NULL
      )`,
      `CREATE INDEX conversations_updated_at ON conversations (updated_at)`,
      // A platform event claimed before it is answered (Slack's event_id): a retry landing on another replica finds it.
      `CREATE TABLE events_claimed (
        event_key TEXT PRIMARY KEY,
        claimed_at BIGINT NOT NULL
      )`,
      `CREATE INDEX events_claimed_at ON events_claimed (claimed_at)`,
    ],
  },
  {
    version: 5,
    name: "rate limit shared by replicas",
    statements: [
      // One token bucket per user; `granted` says whether the last take got a token (read back in the same statement).
      `CREATE TABLE rate_buckets (
        user_key TEXT PRIMARY KEY,
        tokens DOUBLE PRECISION NOT NULL,
        at BIGINT NOT NULL,
        granted INTEGER NOT NULL
      )`,
    ],
  },
];

/** The schema version now; applies every migration newer than the database's, in order. */
export async function migrate(db: SqlDriver, migrations: readonly Migration[] = MIGRATIONS): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.query(`CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)`);
    const rows = await tx.query<{ version: number | string }>(`SELECT version FROM schema_migrations`);
    const applied = new Set(rows.map((r) => Number(r.version)));
    let current = Math.max(0, ...applied);
    for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
      if (applied.has(m.version)) continue;
      for (const statement of m.statements) await tx.query(statement);
      await tx.query(`INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)`, [m.version, m.name, Date.now()]);
      current = Math.max(current, m.version);
    }
    return current;
  });
}
