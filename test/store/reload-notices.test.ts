// Reload notices on real PostgreSQL (ReloadNotices): a notice reaches the other listener and not its sender, a
// notice naming the listener's own version is ignored, and a listener whose connection is cut reconnects and hears
// the next notice. No timing assertions: each step waits for what it expects.
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { ReloadNotices, type ReloadNotice } from "../../src/reload-notices.js";
import { captureLogs } from "../slack/harness.js";
import { postgresDatabase, type TestDatabase } from "./databases.js";

const until = async (condition: () => boolean, timeoutMs = 30_000) => {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

const started: ReloadNotices[] = [];
const databases: TestDatabase[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((n) => n.stop()));
  await Promise.all(databases.splice(0).map((d) => d.drop()));
});

/** A schema of this test's own: notices from other runs on the database (other schemas) are ignored. */
async function schemaUrl(): Promise<string> {
  const db = await postgresDatabase();
  databases.push(db);
  return db.env.DATABASE_URL!;
}

function replica(url: string, origin: string, version: string) {
  const logs = captureLogs();
  const heard: ReloadNotice[] = [];
  const state = { version };
  const notices = new ReloadNotices({
    url,
    logger: logs.logger,
    origin,
    version: () => state.version,
    reload: async (notice) => {
      heard.push(notice);
      state.version = notice.version;
    },
  }).start();
  started.push(notices);
  return { notices, heard, logs, state };
}

describe("reload notices on PostgreSQL", () => {
  it("reach the other replica (which reloads), not the sender, and not a replica already on that version", async () => {
    const origin = `test-${Math.random().toString(36).slice(2)}`;
    const url = await schemaUrl();
    const a = replica(url, `${origin}-a`, "v1");
    const b = replica(url, `${origin}-b`, "v1");
    const c = replica(url, `${origin}-c`, "v2");
    const elsewhere = replica(await schemaUrl(), `${origin}-elsewhere`, "v1");
    await Promise.all([a.notices.listening, b.notices.listening, c.notices.listening, elsewhere.notices.listening]);
    await a.notices.publish("v2");
    await until(() => b.heard.length === 1);
    expect(b.heard).toEqual([{ version: "v2", origin: `${origin}-a`, schema: expect.stringMatching(/^eventdesk_test_/) }]);
    // A notice sent after it, to be sure the ones ignored had their chance to arrive.
    await b.notices.publish("v3");
    await until(() => c.heard.length === 1 && a.heard.length === 1);
    expect(a.heard).toEqual([expect.objectContaining({ version: "v3", origin: `${origin}-b` })]);
    expect(c.heard).toEqual([expect.objectContaining({ version: "v3", origin: `${origin}-b` })]);
    expect(b.heard).toHaveLength(1);
    // Another schema of the same database (another deployment, another test run) heard nothing.
    expect(elsewhere.heard).toEqual([]);
  });

  it("a listener whose connection is cut reconnects, and hears the next notice", async () => {
    const origin = `test-${Math.random().toString(36).slice(2)}`;
    const url = await schemaUrl();
    const a = replica(url, `${origin}-a`, "v1");
    const b = replica(url, `${origin}-b`, "v1");
    await Promise.all([a.notices.listening, b.notices.listening]);
    const admin = new pg.Client(url);
    await admin.connect();
    try {
      // This test's two listeners, by their application_name (never another run's): a database restart, as they see it.
      const cut = await admin.query(`SELECT pg_terminate_backend(pid) AS cut FROM pg_stat_activity WHERE application_name IN ($1, $2)`, [`eventdesk-reload ${origin}-a`, `eventdesk-reload ${origin}-b`]);
      expect(cut.rows).toEqual([{ cut: true }, { cut: true }]);
    } finally {
      await admin.end();
    }
    await until(() => b.logs.lines.some((l) => l.msg === "reload notices: listening again"));
    await until(() => a.logs.lines.some((l) => l.msg === "reload notices: listening again"));
    expect(b.logs.lines.map((l) => l.msg)).toContain("reload notices: connection lost, reconnecting");
    await a.notices.publish("v2");
    await until(() => b.heard.length === 1);
    expect(b.heard[0].version).toBe("v2");
  });

  it("a database that cannot be reached: publishing logs a warning and never throws", async () => {
    const logs = captureLogs();
    const notices = new ReloadNotices({ url: "postgres://postgres@127.0.0.1:1/none", logger: logs.logger, version: () => "v1", reload: async () => undefined });
    await expect(notices.publish("v2")).resolves.toBeUndefined();
    expect(logs.lines.map((l) => l.msg)).toEqual(["reload notices: not published: other replicas keep their knowledge until reloaded"]);
  });
});
