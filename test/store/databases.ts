// The real databases the store tests run against: SQLite in a temporary folder, and PostgreSQL on 127.0.0.1 in a
// schema of its own per test run (created here, dropped by `drop`), so runs side by side never see each other's rows.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, beforeAll } from "vitest";
import { openStore } from "../../src/store/index.js";
import { SQLITE_FILE } from "../../src/store/sqlite.js";
import type { Store } from "../../src/store/store.js";

/** The CI database: trust authentication, as user postgres. */
export const PG_URL = process.env.EVENTDESK_TEST_PG_URL ?? "postgres://postgres@127.0.0.1:5432/test";

export interface TestDatabase {
  /** The variables that point EventDesk at it: DATA_DIR, and DATABASE_URL for PostgreSQL. */
  env: { DATA_DIR: string; DATABASE_URL?: string };
  drop(): Promise<void>;
}

export function sqliteDatabase(): TestDatabase {
  const dir = mkdtempSync(join(tmpdir(), "eventdesk-store-"));
  return { env: { DATA_DIR: dir }, drop: async () => rmSync(dir, { recursive: true, force: true }) };
}

async function asAdmin(sql: string): Promise<void> {
  const client = new pg.Client(PG_URL);
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export async function postgresDatabase(): Promise<TestDatabase> {
  const schema = `eventdesk_test_${randomBytes(6).toString("hex")}`;
  await asAdmin(`CREATE SCHEMA ${schema}`);
  const url = new URL(PG_URL);
  url.searchParams.set("options", `-c search_path=${schema}`);
  const dir = mkdtempSync(join(tmpdir(), "eventdesk-store-"));
  return {
    env: { DATA_DIR: dir, DATABASE_URL: url.toString() },
    drop: async () => {
      rmSync(dir, { recursive: true, force: true });
      await asAdmin(`DROP SCHEMA ${schema} CASCADE`);
    },
  };
}

/** Both kinds, for `describe.each`. */
export const DATABASES = [
  { kind: "sqlite", create: async () => sqliteDatabase() },
  { kind: "postgres", create: postgresDatabase },
] as const;

/** The rows a query finds, read straight from the database EventDesk wrote (a test's own eyes, not the store's). */
export async function rowsOf(db: TestDatabase, sql: string): Promise<Record<string, unknown>[]> {
  if (!db.env.DATABASE_URL) {
    const file = new Database(join(db.env.DATA_DIR, SQLITE_FILE), { readonly: true });
    try {
      return file.prepare(sql).all() as Record<string, unknown>[];
    } finally {
      file.close();
    }
  }
  const client = new pg.Client(db.env.DATABASE_URL);
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

/** A store whose every call fails with `reason` (a database gone bad), but for what `working` does instead. */
export function failingStore(reason: string, working: Partial<Store> = {}): Store {
  const fail = async () => Promise.reject(new Error(reason));
  return {
    kind: "failing",
    migrate: async () => 1,
    logQuestion: fail,
    rate: fail,
    insights: fail,
    recordRemediationUpdate: fail,
    remediationUpdates: fail,
    subscribe: fail,
    unsubscribe: fail,
    subscriptions: fail,
    remind: fail,
    reminders: fail,
    claimAlert: fail,
    recallConversation: fail,
    rememberConversation: fail,
    claimEvent: fail,
    takeToken: fail,
    close: async () => undefined,
    ...working,
  };
}

/** The database of one `describe.each(DATABASES)` block: created before its tests, dropped after them. */
export function databaseFor(create: () => Promise<TestDatabase>): { readonly db: TestDatabase } {
  const held = {} as { db: TestDatabase };
  beforeAll(async () => {
    held.db = await create();
  });
  afterAll(async () => {
    await held.db?.drop();
  });
  return held;
}

/** The same, with a store opened and migrated on it (closed after the tests, before the database is dropped). */
export function migratedStoreFor(create: () => Promise<TestDatabase>): { readonly db: TestDatabase; readonly store: Store } {
  const held = databaseFor(create) as { db: TestDatabase; store: Store };
  beforeAll(async () => {
    held.store = openStore(held.db.env);
    await held.store.migrate();
  });
  afterAll(async () => {
    await held.store?.close();
  });
  return held;
}
