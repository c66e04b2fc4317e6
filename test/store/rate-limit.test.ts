// The rate limit replicas share: two bots, each on its own connection to one database (as two replicas are), count
// one user's questions together; a store that fails leaves each process its own bucket.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Bot } from "../../src/core/bot.js";
import type { User } from "../../src/core/protocol.js";
import { openStore, type Store } from "../../src/store/index.js";
import { KNOWLEDGE_DIR } from "../core/fixture.js";
import { DATABASES, failingStore, type TestDatabase } from "./databases.js";

const user = (id: string): User => ({ id, platform: "slack", isAdmin: false });
const ask = (bot: Bot, id: string) => bot.handle({ text: "예산 얼마야?", user: user(id), lang: "en" });
const SLOWED = "Please slow down";

describe.each(DATABASES)("the shared rate limit on $kind", ({ create }) => {
  let db: TestDatabase;
  let stores: Store[];
  let replicas: Bot[];

  beforeAll(async () => {
    db = await create();
    stores = [openStore(db.env), openStore(db.env)];
    for (const store of stores) await store.migrate();
    replicas = await Promise.all(stores.map((store) => Bot.create({ knowledgeDir: KNOWLEDGE_DIR, store, rateLimitPerMinute: 2, sharedRateLimit: true })));
  });

  afterAll(async () => {
    await Promise.all((stores ?? []).map((s) => s.close()));
    await db?.drop();
  });

  it("counts a user's questions on every replica together, and each user apart", async () => {
    const [a, b] = replicas;
    expect((await ask(a, "U1")).title).not.toBe(SLOWED);
    expect((await ask(b, "U1")).title).not.toBe(SLOWED);
    const third = await ask(a, "U1");
    expect(third.title).toBe(SLOWED);
    expect(third.body).toMatch(/ask again in \d+ s/);
    expect((await ask(b, "U1")).title).toBe(SLOWED);
    expect((await ask(b, "U2")).title).not.toBe(SLOWED);
  });
});

describe("a shared rate limit whose store fails", () => {
  it("falls back to this process's own bucket", async () => {
    const bot = await Bot.create({ knowledgeDir: KNOWLEDGE_DIR, store: failingStore("store down"), rateLimitPerMinute: 1, sharedRateLimit: true });
    expect((await ask(bot, "U1")).title).not.toBe(SLOWED);
    expect((await ask(bot, "U1")).title).toBe(SLOWED);
  });
});
