// The little the SQL store needs from a database driver. Statements are written once, with `?` placeholders and SQL
// that SQLite and PostgreSQL both read (BIGINT epoch milliseconds for times, INTEGER 0/1 for flags).

export type SqlValue = string | number | null;

export interface SqlRunner {
  /** The rows of one statement (none for statements that return none). */
  query<Row = Record<string, unknown>>(sql: string, params?: readonly SqlValue[]): Promise<Row[]>;
}

export interface SqlDriver extends SqlRunner {
  readonly dialect: "sqlite" | "postgres";
  /** Runs `work` in one transaction; on PostgreSQL, other processes migrating at the same time wait for it. */
  transaction<T>(work: (tx: SqlRunner) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
