// The store against real SQLite and real PostgreSQL: migrations, the question log (users hashed, never raw),
// ratings (one per user per answer, changeable) and insights over a period.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore, type Store } from "../../src/store/index.js";
import { MIGRATIONS } from "../../src/store/migrations.js";
import type { QuestionRecord } from "../../src/store/store.js";
import { DATABASES, rowsOf, type TestDatabase } from "./databases.js";

const DAY = 24 * 60 * 60 * 1000;
const NOW = new Date("2026-11-20T12:00:00Z");
const ago = (days: number) => new Date(NOW.getTime() - days * DAY);

function question(extra: Partial<QuestionRecord>): QuestionRecord {
  return {
    id: randomUUID(),
    at: ago(1),
    user: { platform: "slack", id: "U1" },
    platform: "slack",
    channel: "C1",
    direct: false,
    command: "ask",
    text: "Who is X?",
    normalized: "who is x",
    answered: true,
    knowledgeVersion: "v1",
    latencyMs: 3.5,
    ...extra,
  };
}

describe.each(DATABASES)("the store on $kind", ({ kind, create }) => {
  let db: TestDatabase;
  let store: Store;

  const rows = (table: string) => rowsOf(db, `SELECT * FROM ${table}`);

  beforeAll(async () => {
    db = await create();
    store = openStore(db.env);
  });

  afterAll(async () => {
    await store?.close();
    await db?.drop();
  });

  it("migrates to the newest version, once: a second store on the same database finds nothing to do", async () => {
    const newest = Math.max(...MIGRATIONS.map((m) => m.version));
    expect(store.kind).toBe(kind);
    expect(await store.migrate()).toBe(newest);
    const again = openStore(db.env);
    try {
      expect(await again.migrate()).toBe(newest);
    } finally {
      await again.close();
    }
    expect((await rows("schema_migrations")).map((r) => Number(r.version))).toEqual(MIGRATIONS.map((m) => m.version));
  });

  it("logs a question with every field, keeping the user only as a salted sha256", async () => {
    const q = question({ user: { platform: "discord", id: "424242" }, platform: "discord", channel: "C9" });
    await store.logQuestion(q);
    const [row] = (await rows("questions")).filter((r) => r.id === q.id);
    expect(row).toMatchObject({ platform: "discord", channel: "C9", command: "ask", text: "Who is X?", normalized: "who is x", knowledge_version: "v1" });
    expect(Number(row.at)).toBe(q.at.getTime());
    expect(Number(row.answered)).toBe(1);
    expect(Number(row.latency_ms)).toBeCloseTo(3.5);
    expect(row.user_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(await rows("questions"))).not.toContain("424242");
    // The same user hashes the same way (ratings and questions meet), another differently.
    const other = question({ user: { platform: "discord", id: "424242" } });
    const stranger = question({ user: { platform: "discord", id: "7" } });
    await store.logQuestion(other);
    await store.logQuestion(stranger);
    const hashes = Object.fromEntries((await rows("questions")).map((r) => [r.id, r.user_hash]));
    expect(hashes[other.id]).toBe(row.user_hash);
    expect(hashes[stranger.id]).not.toBe(row.user_hash);
  });

  it("keeps one rating per user per answer, and says which one a change replaced", async () => {
    const answerId = randomUUID();
    const alice = { platform: "slack", id: "UALICE" };
    expect(await store.rate({ answerId, user: alice, rating: "up", at: ago(1) })).toEqual({});
    expect(await store.rate({ answerId, user: alice, rating: "down", at: ago(1) })).toEqual({ previous: "up" });
    expect(await store.rate({ answerId, user: { platform: "slack", id: "UBOB" }, rating: "down", at: ago(1) })).toEqual({});
    const mine = (await rows("ratings")).filter((r) => r.answer_id === answerId);
    expect(mine.map((r) => Number(r.rating)).sort()).toEqual([-1, -1]);
    expect(JSON.stringify(mine)).not.toContain("UALICE");
  });

  it("reads insights over a period: refused questions by normalised form, the most 👎 answers, the share answered per platform", async () => {
    const fresh = openStore(db.env);
    const since = ago(7);
    // Only this test's rows: a period of its own, far from the other tests' rows.
    const shift = (d: Date) => new Date(d.getTime() - 400 * DAY);
    const at = shift(ago(2));
    const refused = [
      question({ at, text: "What is the Wi-Fi password?", normalized: "what is the wifi password", answered: false }),
      question({ at, text: "what is the wifi password", normalized: "what is the wifi password", answered: false, platform: "discord" }),
      question({ at, text: "Where is lunch?", normalized: "where is lunch", answered: false, platform: "console" }),
      // Outside the period: not counted.
      question({ at: shift(ago(9)), text: "Where is lunch?", normalized: "where is lunch", answered: false }),
      // A direct message's text is not kept: it counts in the share, not in the list.
      question({ at, text: undefined, normalized: undefined, answered: false, direct: true }),
    ];
    const disliked = question({ at, command: "budget", text: "/budget", normalized: "budget" });
    const liked = question({ at, command: "speaker", text: "/speaker A", normalized: "speaker a" });
    for (const q of [...refused, disliked, liked]) await fresh.logQuestion(q);
    for (const [id, user, rating] of [[disliked.id, "U1", "down"], [disliked.id, "U2", "down"], [disliked.id, "U3", "up"], [liked.id, "U1", "up"]] as const) {
      await fresh.rate({ answerId: id, user: { platform: "slack", id: user }, rating, at });
    }
    const insights = await fresh.insights(shift(since), shift(NOW));
    await fresh.close();
    expect(insights.refused).toEqual([
      { normalized: "what is the wifi password", example: expect.stringMatching(/wi-?fi password/i), count: 2 },
      { normalized: "where is lunch", example: "Where is lunch?", count: 1 },
    ]);
    expect(insights.downvoted).toEqual([{ command: "budget", normalized: "budget", down: 2, up: 1 }]);
    expect(insights.platforms).toEqual([
      { platform: "console", asked: 1, answered: 0 },
      { platform: "discord", asked: 1, answered: 0 },
      { platform: "slack", asked: 4, answered: 2 },
    ]);
  });
});
