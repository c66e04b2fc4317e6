// The store the configuration asks for: PostgreSQL when DATABASE_URL is set, else SQLite in DATA_DIR.
import { join } from "node:path";
import { PostgresDriver } from "./postgres.js";
import { SqlStore } from "./sql-store.js";
import { SQLITE_FILE, SqliteDriver } from "./sqlite.js";
import type { Store } from "./store.js";

export type { Store } from "./store.js";

export interface StoreConfig {
  DATA_DIR: string;
  DATABASE_URL?: string;
}

/** The store, not yet migrated: call `migrate()` (a failure there is the caller's to log; every later call retries it). */
export function openStore(config: StoreConfig): Store {
  return new SqlStore(config.DATABASE_URL ? new PostgresDriver(config.DATABASE_URL) : new SqliteDriver(join(config.DATA_DIR, SQLITE_FILE)));
}
