// Conversations in the store (StoreConversations), on real SQLite and real PostgreSQL: what one process remembers,
// another process on the same database recalls; old conversations expire (and their rows are deleted); a store that
// is down falls back to the process's memory with a warning and never fails the call. Event claims, the same way.
import { afterEach, describe, expect, it } from "vitest";
import type { Remembered } from "../../src/core/answers/compose.js";
import { CONVERSATION_TTL_MS } from "../../src/core/understand/conversation.js";
import { StoreConversations } from "../../src/core/understand/store-conversations.js";
import { openStore, type Store } from "../../src/store/index.js";
import { captureLogs } from "../slack/harness.js";
import { DATABASES, failingStore, rowsOf, type TestDatabase } from "./databases.js";

const T0 = Date.parse("2026-11-20T12:00:00Z");
const remembered = (key: string): Remembered => ({
  subjects: [{ kind: "people", keys: [key] }],
  aspects: [],
  lang: "ko",
  list: [{ kind: "sessions", keys: ["s1", "s2"], by: { at: { instant: "2022-12-07T10:00:00+09:00", which: "now" } } }],
});

describe.each(DATABASES)("StoreConversations on $kind", ({ create }) => {
  let db: TestDatabase;
  const stores: Store[] = [];
  const open = () => {
    const store = openStore(db.env);
    stores.push(store);
    return store;
  };

  afterEach(async () => {
    await Promise.all(stores.splice(0).map((s) => s.close()));
    await db.drop();
  });

  it("what one process remembers, another on the same database recalls, as it was written; the latest write wins", async () => {
    db = await create();
    let now = T0;
    const a = new StoreConversations(open(), undefined, CONVERSATION_TTL_MS, () => now);
    const b = new StoreConversations(open(), undefined, CONVERSATION_TTL_MS, () => now);
    await a.remember("slack:C1:1.0", remembered("alice"));
    expect(await b.recall("slack:C1:1.0")).toEqual(remembered("alice"));
    expect(await b.recall("slack:C1:2.0")).toBeUndefined();
    now += 1_000;
    await b.remember("slack:C1:1.0", remembered("bob"));
    expect(await a.recall("slack:C1:1.0")).toEqual(remembered("bob"));
    const rows = await rowsOf(db, "SELECT id, updated_at FROM conversations");
    expect(rows.map((r) => [r.id, Number(r.updated_at)])).toEqual([["slack:C1:1.0", T0 + 1_000]]);
  });

  it("a conversation older than the TTL is forgotten, and its row deleted by a later write", async () => {
    db = await create();
    let now = T0;
    const conversations = new StoreConversations(open(), undefined, 60_000, () => now);
    await conversations.remember("old", remembered("alice"));
    now += 30_000;
    expect(await conversations.recall("old")).toEqual(remembered("alice"));
    now += 30_001;
    expect(await conversations.recall("old")).toBeUndefined();
    await conversations.remember("new", remembered("bob"));
    expect((await rowsOf(db, "SELECT id FROM conversations")).map((r) => r.id)).toEqual(["new"]);
  });

  it("claims an event once across processes, and forgets claims older than asked", async () => {
    db = await create();
    const [a, b] = [open(), open()];
    // One after the other: two SQLite connections of one process cannot both hold a migration's transaction.
    await a.migrate();
    await b.migrate();
    const at = new Date(T0);
    expect(await Promise.all([a.claimEvent("slack:Ev1", at), b.claimEvent("slack:Ev1", at)])).toEqual(expect.arrayContaining([true, false]));
    expect(await a.claimEvent("slack:Ev1", at)).toBe(false);
    expect(await b.claimEvent("slack:Ev2", new Date(T0 + 10), new Date(T0 + 1))).toBe(true);
    expect(await a.claimEvent("slack:Ev1", new Date(T0 + 20))).toBe(true);
  });
});

describe("StoreConversations with a store that is down", () => {
  it("remembers and recalls from this process's memory, warns, and never fails the call", async () => {
    const logs = captureLogs();
    const conversations = new StoreConversations(failingStore("connect ECONNREFUSED 127.0.0.1:5432"), logs.logger);
    await expect(conversations.remember("slack:C1:1.0", remembered("alice"))).resolves.toBeUndefined();
    expect(await conversations.recall("slack:C1:1.0")).toEqual(remembered("alice"));
    expect(await conversations.recall("slack:C1:2.0")).toBeUndefined();
    expect(logs.lines.map((l) => l.msg)).toEqual([
      "conversation not written to the store: kept in this process's memory",
      "conversation not read from the store: using this process's memory",
      "conversation not read from the store: using this process's memory",
    ]);
    expect(logs.lines[0].err).toEqual(expect.objectContaining({ message: "connect ECONNREFUSED 127.0.0.1:5432" }));
  });

  it("a store that never answers is given up on after the wait, and the question goes on from memory", async () => {
    const logs = captureLogs();
    const hanging = failingStore("unused", { recallConversation: () => new Promise(() => undefined), rememberConversation: () => new Promise(() => undefined) });
    const conversations = new StoreConversations(hanging, logs.logger, CONVERSATION_TTL_MS, Date.now, 50);
    await conversations.remember("c", remembered("alice"));
    expect(await conversations.recall("c")).toEqual(remembered("alice"));
    expect(logs.lines).toHaveLength(2);
  });
});
