// Session alerts against real SQLite and real PostgreSQL: /subscribe and /remind keep what they are asked in the
// store; the scheduler, driven tick by tick with a clock (no waiting), claims each alert before posting it, so two
// schedulers on one database post it once; a reload that moves a session moves its alert; reminders go by DM.
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Adapter, PostTarget } from "../../src/adapters/adapter.js";
import { AlertScheduler } from "../../src/alerts.js";
import { Bot } from "../../src/core/bot.js";
import type { Answer, User } from "../../src/core/protocol.js";
import { openStore, type Store } from "../../src/store/index.js";
import { migrate, MIGRATIONS } from "../../src/store/migrations.js";
import { PostgresDriver } from "../../src/store/postgres.js";
import { SQLITE_FILE, SqliteDriver } from "../../src/store/sqlite.js";
import { copyDefaultPack, type TempPack } from "../core/pack.js";
import { RELOADS } from "../core/fixture.js";
import { captureLogs } from "../slack/harness.js";
import { DATABASES, rowsOf, type TestDatabase } from "../store/databases.js";

const KEYNOTE = "ifkakao-2022/110";
const MIN = 60_000;
const ADMIN: User = { id: "admin", platform: "system", isAdmin: true, trusted: true };

/** A stand-in for an adapter: records what it was asked to post. */
function recorder(name: string): Adapter & { posts: { target: PostTarget; answer: Answer }[] } {
  const posts: { target: PostTarget; answer: Answer }[] = [];
  return {
    name,
    posts,
    start: async () => undefined,
    stop: async () => 0,
    ready: () => true,
    post: async (target, answer) => void posts.push({ target, answer }),
  };
}

const as = (id: string, channel: string) => ({ user: { id, platform: "slack", isAdmin: false }, channel });

describe.each(DATABASES)("alerts on $kind", ({ create }) => {
  let db: TestDatabase;
  let pack: TempPack;
  let stores: Store[];
  let bot: Bot;

  beforeAll(async () => {
    db = await create();
    pack = await copyDefaultPack();
    stores = [openStore(db.env), openStore(db.env)];
    bot = await Bot.create({ knowledgeDir: pack.dir, store: stores[0], defaultLang: "en" });
  });

  afterAll(async () => {
    for (const store of stores ?? []) await store.close();
    await db?.drop();
    await pack?.remove();
  });

  const startOf = (key: string) => Date.parse(bot.snapshot.knowledge.sessions.get(key)!.start!);
  const scheduler = (store: Store, adapter: Adapter) => new AlertScheduler({ knowledge: bot, clock: () => new Date(0), store, adapters: [adapter], minutes: 5 });

  it("/subscribe, /subscriptions, /unsubscribe and /remind keep a channel's filters and a person's reminders", async () => {
    const subscribed = await bot.handle({ text: "/subscribe 110", ...as("U1", "C1") });
    expect(subscribed.body).toMatch(/will now get an alert/);
    expect((await bot.handle({ text: "/subscribe 110", ...as("U1", "C1") })).body).toMatch(/already gets/);
    await bot.handle({ text: "/subscribe AI", ...as("U1", "C1") });
    expect((await bot.handle({ text: "/subscriptions", ...as("U1", "C1") })).body).toBe("- Our Social Mission\n- AI");
    expect((await bot.handle({ text: "/subscriptions", ...as("U1", "C2") })).body).toMatch(/No subscriptions/);
    expect((await bot.handle({ text: "/unsubscribe AI", ...as("U1", "C1") })).body).toBe("Removed 1 subscription.");
    expect((await bot.handle({ text: "/subscribe no such thing at all", ...as("U1", "C1") })).answered).toBe(false);
    const reminded = await bot.handle({ text: "/remind 110", ...as("U2", "C1") });
    expect(reminded).toMatchObject({ private: true, answered: true });
    expect(reminded.body).toMatch(/direct message before “Our Social Mission”/);
    expect(await stores[0].subscriptions()).toEqual([expect.objectContaining({ platform: "slack", channel: "C1", filter: { kind: "session", key: KEYNOTE } })]);
    expect((await rowsOf(db, "SELECT user_id, session_key FROM reminders")).map((r) => ({ ...r }))).toEqual([{ user_id: "U2", session_key: KEYNOTE }]);
  });

  it("two schedulers on one database post each alert once: to the channel, and to the person by DM", async () => {
    const [a, b] = [recorder("slack"), recorder("slack")];
    const start = startOf(KEYNOTE);
    // Too early: nothing is due.
    expect(await scheduler(stores[0], a).tick(new Date(start - 6 * MIN))).toEqual({ posted: 0, failed: 0, skipped: 0, waiting: 0 });
    // Both replicas at once, then both again on their next ticks.
    const first = await Promise.all([scheduler(stores[0], a).tick(new Date(start - 5 * MIN)), scheduler(stores[1], b).tick(new Date(start - 5 * MIN))]);
    const again = await Promise.all([scheduler(stores[0], a).tick(new Date(start - 4 * MIN)), scheduler(stores[1], b).tick(new Date(start - 4 * MIN))]);
    expect(first.reduce((n, r) => n + r.posted, 0)).toBe(2);
    expect([...first, ...again].reduce((n, r) => n + r.skipped, 0)).toBe(6);
    const posts = [...a.posts, ...b.posts];
    expect(posts.map((p) => p.target).sort((x, y) => x.kind.localeCompare(y.kind))).toEqual([{ kind: "channel", id: "C1" }, { kind: "user", id: "U2" }]);
    for (const p of posts) {
      expect(p.answer.title).toBe("Starting in 5 minutes: Our Social Mission");
      expect(p.answer.body).toMatch(/11:00/);
    }
    expect(await rowsOf(db, "SELECT target FROM alerts_sent ORDER BY target")).toEqual([{ target: "slack:channel:C1" }, { target: "slack:user:U2" }]);
  });

  it("a reload that moves the session moves its alert: nothing at the old time, once at the new one", RELOADS, async () => {
    const before = startOf(KEYNOTE);
    // The schedule gives the instant; the pack's YAML names the same time (else the YAML's correction wins, without one).
    await pack.edit("schedule.json", '"date": "2022-12-07T11:00:00+09:00",\n        "start": "11:00"', '"date": "2022-12-07T15:00:00+09:00",\n        "start": "15:00"');
    await pack.edit("sessions.yaml", 'time: "11:00"', 'time: "15:00"');
    expect((await bot.reload(ADMIN)).ok).toBe(true);
    const after = startOf(KEYNOTE);
    expect(after - before).toBe(4 * 60 * MIN);
    const adapter = recorder("slack");
    const ticks = [before - 3 * MIN, after - 10 * MIN, after - 2 * MIN, after - 1 * MIN];
    const reports = [];
    for (const t of ticks) reports.push(await scheduler(stores[1], adapter).tick(new Date(t)));
    expect(reports.map((r) => r.posted)).toEqual([0, 0, 2, 0]);
    expect(adapter.posts.map((p) => p.answer.title)).toEqual(["Starting in 2 minutes: Our Social Mission", "Starting in 2 minutes: Our Social Mission"]);
    expect(adapter.posts[0].answer.body).toMatch(/15:00/);
  });

  it("a channel bound to another event (EVENT_CHANNELS) gets no alert of this event's sessions", async () => {
    const adapter = recorder("slack");
    const every = { filter: { kind: "all" }, label: "every session", lang: "en", at: new Date() } as const;
    await stores[0].subscribe({ platform: "slack", channel: "C7", ...every });
    await stores[0].subscribe({ platform: "slack", channel: "C8", ...every });
    const bound = { snapshot: bot.snapshot, eventsIn: (channel: string) => (channel === "C7" ? ["another-event"] : bot.eventsIn(channel)) };
    const report = await new AlertScheduler({ knowledge: bound, clock: () => new Date(startOf("ifkakao-2022/111") - MIN), store: stores[0], adapters: [adapter], minutes: 5 }).tick();
    expect(report.posted).toBeGreaterThan(0);
    expect(new Set(adapter.posts.map((p) => p.target.id))).toEqual(new Set(["C8"]));
    await stores[0].unsubscribe("slack", "C7");
    await stores[0].unsubscribe("slack", "C8");
  });

  it("an alert for a platform not connected yet is left unclaimed, and posted once it is", async () => {
    const adapter = { ...recorder("slack"), connected: false };
    const session = [...bot.snapshot.knowledge.sessions.values()].find((s) => s.start && s.date === "2022-12-09")!;
    await stores[0].subscribe({ platform: "slack", channel: "C6", filter: { kind: "session", key: session.key }, label: "x", lang: "en", at: new Date() });
    const tick = (minutesBefore: number) =>
      new AlertScheduler({ knowledge: bot, clock: () => new Date(Date.parse(session.start!) - minutesBefore * MIN), store: stores[0], adapters: [{ ...adapter, ready: () => adapter.connected }], minutes: 5 }).tick();
    expect(await tick(5)).toMatchObject({ posted: 0, waiting: 1 });
    adapter.connected = true;
    expect(await tick(4)).toMatchObject({ posted: 1, waiting: 0 });
    expect(adapter.posts.map((p) => p.answer.title)).toEqual([`Starting in 4 minutes: ${session.title.en}`]);
    await stores[0].unsubscribe("slack", "C6");
  });

  it("a post that fails is logged and counted, and the tick carries on with the others", async () => {
    const failing: Adapter = { ...recorder("discord"), post: async () => Promise.reject(new Error("Missing Access")) };
    const ok = recorder("slack");
    await stores[0].subscribe({ platform: "discord", channel: "D1", filter: { kind: "all" }, label: "every session", lang: "ko", at: new Date() });
    await stores[0].subscribe({ platform: "slack", channel: "C9", filter: { kind: "all" }, label: "every session", lang: "ko", at: new Date() });
    const day2 = [...bot.snapshot.knowledge.sessions.values()].find((s) => s.start && s.date === "2022-12-08")!;
    const logs = captureLogs();
    const report = await new AlertScheduler({ knowledge: bot, clock: () => new Date(Date.parse(day2.start!) - MIN), store: stores[0], adapters: [failing, ok], minutes: 5, logger: logs.logger }).tick();
    expect(report.failed).toBeGreaterThan(0);
    expect(report.posted).toBe(report.failed);
    expect(ok.posts.map((p) => p.target.id)).toEqual(Array(report.posted).fill("C9"));
    expect(ok.posts[0].answer.title).toMatch(/^1분 후 시작: /);
    expect(logs.lines.filter((l) => l.msg === "alert not posted")).toEqual(Array(report.failed).fill(expect.objectContaining({ platform: "discord", channel: "D1", err: expect.objectContaining({ message: "Missing Access" }) })));
  });
});

describe.each(DATABASES)("the migration runner on $kind", ({ create }) => {
  it("applies version 3 with no version 2, and a version 2 that arrives later (another branch's) after it", async () => {
    const db = await create();
    const driver = db.env.DATABASE_URL ? new PostgresDriver(db.env.DATABASE_URL) : new SqliteDriver(join(db.env.DATA_DIR, SQLITE_FILE));
    try {
      const [one, three] = [MIGRATIONS.find((m) => m.version === 1)!, MIGRATIONS.find((m) => m.version === 3)!];
      expect(await migrate(driver, [three, one])).toBe(3);
      const two = { version: 2, name: "another branch's", statements: [`CREATE TABLE another_branch (id TEXT PRIMARY KEY)`] };
      expect(await migrate(driver, [one, two, three])).toBe(3);
      expect((await rowsOf(db, "SELECT version FROM schema_migrations ORDER BY version")).map((r) => Number(r.version))).toEqual([1, 2, 3]);
      expect(await rowsOf(db, "SELECT * FROM another_branch")).toEqual([]);
    } finally {
      await driver.close();
      await db.drop();
    }
  });
});
