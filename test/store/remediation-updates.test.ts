// Follow-up tracking for remediation items, on real SQLite and PostgreSQL: /remediation update (admins) records who
// changed what and when; answers show the item as it now stands with "changed 2 days ago by …"; overdue and history
// read the changes back; they outlive a reload and a new Bot on the same store; and a store that is down costs the
// update ("could not record: …") but never an answer.
import { beforeAll, describe, expect, it } from "vitest";
import { Bot } from "../../src/core/bot.js";
import type { Answer, User } from "../../src/core/protocol.js";
import { openStore, type Store } from "../../src/store/index.js";
import { KNOWLEDGE_DIR, RELOADS } from "../core/fixture.js";
import { DATABASES, migratedStoreFor, failingStore, rowsOf, type TestDatabase } from "./databases.js";

const ADMIN: User = { id: "U-ADMIN", platform: "slack", isAdmin: true, name: "Alice" };
const MEMBER: User = { id: "U-MEMBER", platform: "slack", isAdmin: false, name: "Bob" };
const DAY = 86_400_000;

/** A clock the test moves: the bot's "now" (what EVENTDESK_NOW sets). */
function clockAt(iso: string) {
  let now = new Date(iso);
  return { clock: () => now, advance: (ms: number) => (now = new Date(now.getTime() + ms)) };
}

const line = (a: Answer, text: string): string => a.body.split("\n").find((l) => l.includes(text)) ?? "";

describe.each(DATABASES)("remediation updates on $kind", ({ create }) => {
  const database = migratedStoreFor(create);
  let db: TestDatabase;
  let store: Store;

  beforeAll(async () => {
    ({ db, store } = database);
  });


  it("records an update with who and when; /remediation and free questions show it, 'changed 2 days ago by Alice'", async () => {
    const time = clockAt("2024-06-01T09:00:00Z");
    const bot = await Bot.create({ knowledgeDir: KNOWLEDGE_DIR, store, clock: time.clock });
    const updated = await bot.handle({ text: "/remediation update bcp-dr status in progress", user: ADMIN });
    expect(updated.title).toBe("Remediation item updated");
    expect(updated.body).toContain("status announced → **in progress**");
    expect(updated.body).toContain("Recorded by Alice");
    // An update is no question: not logged, never offered for rating.
    expect(updated.id).toBeUndefined();
    // By name, in Korean, with a person as owner.
    const owner = await bot.handle({ text: "/remediation update 데이터센터 이중화 owner 고우찬", user: ADMIN });
    expect(owner.body).toContain("담당 없음 → **고우찬");

    const rows = await rowsOf(db, "SELECT item, field, value, at, platform, user_id, user_name FROM remediation_updates ORDER BY seq");
    expect(rows.map((r) => ({ ...r, at: Number(r.at) }))).toEqual([
      { item: "ifkakao-2022/bcp-dr", field: "status", value: "in_progress", at: Date.parse("2024-06-01T09:00:00Z"), platform: "slack", user_id: "U-ADMIN", user_name: "Alice" },
      { item: "ifkakao-2022/datacenter-redundancy", field: "owner", value: "ifkakao-2022/ko-woo-chan", at: Date.parse("2024-06-01T09:00:00Z"), platform: "slack", user_id: "U-ADMIN", user_name: "Alice" },
    ]);

    time.advance(2 * DAY);
    const area = await bot.handle({ text: "/remediation 데이터센터 방재", user: MEMBER });
    expect(line(area, "비상대응계획")).toContain("진행 중, 2일 전 Alice이(가) 변경");
    expect(line(area, "자체 데이터센터 방재")).toContain("발표됨)");
    const english = await bot.handle({ text: "What remediation items are there?", user: MEMBER });
    expect(line(english, "emergency-response")).toContain("in progress, changed 2 days ago by Alice");
    expect(line(english, "Data-center redundancy")).toMatch(/owner Ko Woo-chan .*changed 2 days ago by Alice/);
    // A status filter reads the status as it now stands.
    expect((await bot.handle({ text: "/remediation in progress", user: MEMBER })).body).toContain("emergency-response");
  });

  it("refuses a member's update and records nothing", async () => {
    const bot = await Bot.create({ knowledgeDir: KNOWLEDGE_DIR, store });
    const before = (await rowsOf(db, "SELECT seq FROM remediation_updates")).length;
    const refused = await bot.handle({ text: "/remediation update bcp-dr status done", user: MEMBER });
    expect(refused.title).toBe("Admins only");
    expect(refused.answered).toBe(false);
    expect(await rowsOf(db, "SELECT seq FROM remediation_updates")).toHaveLength(before);
  });

  it("names the valid statuses, items and date form for an unknown one, and records nothing", async () => {
    const bot = await Bot.create({ knowledgeDir: KNOWLEDGE_DIR, store, clock: () => new Date("2024-06-01T09:00:00Z") });
    const before = (await rowsOf(db, "SELECT seq FROM remediation_updates")).length;
    const status = await bot.handle({ text: "/remediation update bcp-dr status started", user: ADMIN });
    expect(status.title).toBe("Unknown status");
    expect(status.body).toContain("The statuses: `announced`, `planned`, `in_progress`, `done`");
    const item = await bot.handle({ text: "/remediation update no-such-item status done", user: ADMIN });
    expect(item.title).toBe("Unknown remediation item");
    expect(item.body).toContain("- `bcp-dr` — An emergency-response");
    expect(item.body).toContain("- `ops-tool-triplication` — ");
    const date = await bot.handle({ text: "/remediation update bcp-dr due 2024-02-30", user: ADMIN });
    expect(date.title).toBe("Unknown date");
    expect(date.body).toContain("YYYY-MM-DD");
    const usage = await bot.handle({ text: "/remediation update bcp-dr", user: ADMIN });
    expect(usage.body).toContain("/remediation update <item> status|owner|due <value>");
    expect(await rowsOf(db, "SELECT seq FROM remediation_updates")).toHaveLength(before);
  });

  it("/remediation overdue lists the items past their due date and not done; history shows each change", async () => {
    const time = clockAt("2024-07-01T00:00:00Z");
    const bot = await Bot.create({ knowledgeDir: KNOWLEDGE_DIR, store, clock: time.clock, defaultLang: "en" });
    expect((await bot.handle({ text: "/remediation overdue", user: MEMBER })).title).toBe("No remediation item is overdue");
    await bot.handle({ text: "/remediation update ops-tool-triplication due 2024-07-10", user: ADMIN });
    await bot.handle({ text: "/remediation update monitoring-multiplexing due 2024-07-05", user: ADMIN });
    await bot.handle({ text: "/remediation update data-multi-replication due 2024-07-03", user: ADMIN });
    await bot.handle({ text: "/remediation update data-multi-replication status done", user: { ...ADMIN, id: "U-CAROL", name: "Carol" } });
    time.advance(8 * DAY); // 2024-07-09 in Seoul
    const overdue = await bot.handle({ text: "/remediation overdue", user: MEMBER });
    expect(overdue.title).toBe("1 overdue remediation item(s)");
    expect(overdue.body).toContain("Multiplexed (redundant) monitoring systems `monitoring-multiplexing` (announced, due 2024-07-05 (4 days overdue), changed 8 days ago by Alice)");
    expect(overdue.body).not.toContain("ops-tool-triplication"); // not yet due
    expect(overdue.body).not.toContain("data-multi-replication"); // done

    const history = await bot.handle({ text: "/remediation history data-multi-replication", user: MEMBER });
    expect(history.body).toContain("From the knowledge (YAML): status announced, owner none, due none");
    const changes = history.body.split("\n").filter((l) => l.startsWith("- "));
    expect(changes).toEqual([
      "- 2024-07-01 00:00 UTC — due: none → 2024-07-03, changed 8 days ago by Alice",
      "- 2024-07-01 00:00 UTC — status: announced → done, changed 8 days ago by Carol",
    ]);
    expect(history.body).toContain("Now: status done, owner none, due 2024-07-03");
    expect((await bot.handle({ text: "/remediation history whole-system-redundancy", user: MEMBER })).body).toContain("No changes recorded.");
  });

  it("survives a reload, and a new Bot on a new connection to the same store", RELOADS, async () => {
    const time = clockAt("2024-08-01T00:00:00Z");
    const bot = await Bot.create({ knowledgeDir: KNOWLEDGE_DIR, store, clock: time.clock });
    await bot.handle({ text: "/remediation update it-engineering-innovation status planned", user: ADMIN });
    time.advance(3 * DAY);
    const shows = async (b: Bot) => line(await b.handle({ text: "/remediation 투자와 혁신", user: MEMBER }), "IT 엔지니어링");
    expect(await shows(bot)).toContain("계획, 3일 전 Alice이(가) 변경");
    expect((await bot.reload(ADMIN)).ok).toBe(true);
    expect(await shows(bot)).toContain("계획, 3일 전 Alice이(가) 변경");

    const again = openStore(db.env);
    try {
      const restarted = await Bot.create({ knowledgeDir: KNOWLEDGE_DIR, store: again, clock: time.clock });
      expect(await shows(restarted)).toContain("계획, 3일 전 Alice이(가) 변경");
    } finally {
      await again.close();
    }
  });
});

describe("remediation updates with a store that is down", () => {
  it("says 'could not record: <reason>' for an update, and answers remediation questions from the knowledge", async () => {
    const down = openStore({ DATA_DIR: "unused", DATABASE_URL: "postgres://postgres@127.0.0.1:9/none" });
    try {
      const bot = await Bot.create({ knowledgeDir: KNOWLEDGE_DIR, store: down });
      const update = await bot.handle({ text: "/remediation update bcp-dr status done", user: ADMIN });
      expect(update.title).toBe("Not recorded");
      expect(update.body).toMatch(/^could not record: \S/);
      const answer = await bot.handle({ text: "/remediation 데이터센터 방재", user: MEMBER });
      expect(answer.answered).toBe(true);
      expect(line(answer, "비상대응계획")).toContain("발표됨)");
      expect((await bot.handle({ text: "What remediation items are there?", user: MEMBER })).title).toBe("11 remediation items");
      expect((await bot.handle({ text: "/remediation overdue", user: MEMBER })).answered).toBe(true);
      expect((await bot.handle({ text: "/remediation history bcp-dr", user: MEMBER })).body).toMatch(/^could not read the history: \S/);
    } finally {
      await down.close();
    }
  });

  it("names the reason a store that throws gives", async () => {
    const failing = failingStore("disk full", { logQuestion: async () => undefined, rate: async () => ({}), insights: async () => Promise.reject(new Error("store down")) });
    const bot = await Bot.create({ knowledgeDir: KNOWLEDGE_DIR, store: failing });
    expect((await bot.handle({ text: "/remediation update bcp-dr owner 고우찬", user: ADMIN })).body).toBe("기록하지 못했습니다: disk full");
    expect((await bot.handle({ text: "/remediation", user: MEMBER })).title).toBe("재발방지 대책 11개");
  });
});
