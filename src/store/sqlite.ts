// SQLite (better-sqlite3) in DATA_DIR: the default store, one file, no server. better-sqlite3 is synchronous; its calls
// are wrapped in promises so that the SQL store is written once for both databases.
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import type { SqlDriver, SqlRunner, SqlValue } from "./sql.js";

export const SQLITE_FILE = "eventdesk.sqlite";

export class SqliteDriver implements SqlDriver {
  readonly dialect = "sqlite";
  private db: Database.Database | undefined;

  /** Opens the file on first use: a folder that cannot be written fails that call (logged), never the start-up. */
  constructor(private readonly file: string) {}

  private open(): Database.Database {
    if (this.db) return this.db;
    mkdirSync(dirname(this.file), { recursive: true });
    const db = new Database(this.file);
    // WAL: readers (insights) never wait for the log's writes; a busy file is waited for briefly, not failed at once.
    db.pragma("journal_mode = WAL");
    db.pragma("busy_timeout = 2000");
    // With WAL, NORMAL loses at most the last writes on a power cut, and spares every insert an fsync.
    db.pragma("synchronous = NORMAL");
    return (this.db = db);
  }

  private run<Row>(sql: string, params: readonly SqlValue[]): Row[] {
    const statement = this.open().prepare(sql);
    if (statement.reader) return statement.all(...params) as Row[];
    statement.run(...params);
    return [];
  }

  async query<Row = Record<string, unknown>>(sql: string, params: readonly SqlValue[] = []): Promise<Row[]> {
    return this.run<Row>(sql, params);
  }

  async transaction<T>(work: (tx: SqlRunner) => Promise<T>): Promise<T> {
    const db = this.open();
    db.exec("BEGIN IMMEDIATE");
    try {
      const result = await work(this);
      db.exec("COMMIT");
      return result;
    } catch (error) {
      if (db.inTransaction) db.exec("ROLLBACK");
      throw error;
    }
  }

  async close(): Promise<void> {
    this.db?.close();
    this.db = undefined;
  }
}
