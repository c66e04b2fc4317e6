// PostgreSQL (pg) when DATABASE_URL is set: for several replicas sharing one log. A pool with short connection and
// statement limits, so that a database that is down fails a call in seconds (the caller logs it) instead of hanging.
import pg from "pg";
import type { SqlDriver, SqlRunner, SqlValue } from "./sql.js";

/** Statements are written with `?`; PostgreSQL numbers its placeholders. No statement here has a `?` in a literal. */
export const numberPlaceholders = (sql: string): string => {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
};

/** Any constant will do: it only has to be the same in every EventDesk process migrating the same database. */
const MIGRATION_LOCK = 0x45_44_45_53; // "EDES"

const runner = (client: pg.Pool | pg.PoolClient): SqlRunner => ({
  async query<Row>(sql: string, params: readonly SqlValue[] = []) {
    const result = await client.query(numberPlaceholders(sql), params as SqlValue[]);
    return result.rows as Row[];
  },
});

export class PostgresDriver implements SqlDriver {
  readonly dialect = "postgres";
  private readonly pool: pg.Pool;
  private readonly direct: SqlRunner;

  constructor(connectionString: string, limits: { connectMs?: number; statementMs?: number } = {}) {
    this.pool = new pg.Pool({
      connectionString,
      max: 5,
      connectionTimeoutMillis: limits.connectMs ?? 3_000,
      statement_timeout: limits.statementMs ?? 5_000,
      idleTimeoutMillis: 30_000,
    });
    // An idle client whose server went away emits here; unhandled, it would end the process.
    this.pool.on("error", () => undefined);
    this.direct = runner(this.pool);
  }

  query<Row = Record<string, unknown>>(sql: string, params?: readonly SqlValue[]): Promise<Row[]> {
    return this.direct.query<Row>(sql, params);
  }

  async transaction<T>(work: (tx: SqlRunner) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query("BEGIN");
      await client.query("SELECT pg_advisory_xact_lock($1)", [MIGRATION_LOCK]);
      const result = await work(runner(client));
      await client.query("COMMIT");
      return result;
    } catch (error) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}
