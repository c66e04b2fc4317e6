// The question log as the core writes it: every answer recorded with its outcome, the user hashed, a direct message's
// text kept only with LOG_QUESTIONS=full — and a store that throws, hangs or is down never fails a question.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import Database from "better-sqlite3";
import { join } from "node:path";
import { Bot } from "../../src/core/bot.js";
import type { Request } from "../../src/core/protocol.js";
import { openStore, type Store } from "../../src/store/index.js";
import { SQLITE_FILE } from "../../src/store/sqlite.js";
import { captureLogs } from "../slack/harness.js";
import { KNOWLEDGE_DIR } from "../core/fixture.js";
import { failingStore, sqliteDatabase, type TestDatabase } from "./databases.js";

const member = (id: string, platform = "slack"): Request["user"] => ({ id, platform, isAdmin: false });

function allQuestions(db: TestDatabase): Record<string, unknown>[] {
  const file = new Database(join(db.env.DATA_DIR, SQLITE_FILE), { readonly: true });
  try {
    return file.prepare("SELECT * FROM questions ORDER BY at, rowid").all() as Record<string, unknown>[];
  } finally {
    file.close();
  }
}

/** The rows of these answers, once written (writes are fire and forget). */
async function logged(db: TestDatabase, ...ids: (string | undefined)[]): Promise<Record<string, unknown>[]> {
  await expect.poll(() => allQuestions(db).filter((r) => ids.includes(r.id as string)).length).toBe(ids.length);
  return ids.map((id) => allQuestions(db).find((r) => r.id === id)!);
}

describe("the question log, written by the core", () => {
  let db: TestDatabase;
  let store: Store;

  beforeAll(async () => {
    db = sqliteDatabase();
    store = openStore(db.env);
    await store.migrate();
  });

  afterAll(async () => {
    await store.close();
    await db.drop();
  });

  it("records each answer (text, normalised form, command, outcome, platform, channel, version, latency) with an id ratings refer to", async () => {
    const bot = await Bot.create({ knowledgeDir: KNOWLEDGE_DIR, store });
    const known = await bot.handle({ text: "예산 얼마야?", user: member("U1"), channel: "C1" });
    const unknown = await bot.handle({ text: "What is the Wi-Fi password?", user: member("U1"), channel: "C1" });
    const slash = await bot.handle({ command: "speaker", text: "고우찬", user: member("42", "discord"), channel: "D-chan" });
    const rows = await logged(db, known.id, unknown.id, slash.id);
    expect(rows[0]).toMatchObject({ text: "예산 얼마야?", normalized: "예산 얼마야", platform: "slack", channel: "C1", answered: 1, knowledge_version: bot.snapshot.version, direct: 0 });
    expect(rows[1]).toMatchObject({ text: "What is the Wi-Fi password?", normalized: "what is the wifi password", answered: 0, command: "ask" });
    expect(rows[2]).toMatchObject({ text: "/speaker 고우찬", command: "speaker", platform: "discord", answered: 1 });
    expect(rows.every((r) => typeof r.latency_ms === "number" && r.latency_ms >= 0)).toBe(true);
    expect(rows[0].user_hash).toBe(rows[1].user_hash);
    expect(JSON.stringify(rows)).not.toMatch(/"U1"|"42"/);
  });

  it("keeps no text of a direct message unless LOG_QUESTIONS=full, and none at all with none", async () => {
    const ask = async (logQuestions: "public" | "full" | "none", text: string, direct: boolean) => {
      const bot = await Bot.create({ knowledgeDir: KNOWLEDGE_DIR, store, logQuestions });
      const answer = await bot.handle({ text, user: member("UDM"), channel: "DDM", direct });
      return (await logged(db, answer.id))[0];
    };
    expect(await ask("public", "secret dm question", true)).toMatchObject({ text: null, normalized: null, direct: 1, command: "ask" });
    expect(await ask("full", "kept dm question", true)).toMatchObject({ text: "kept dm question", direct: 1 });
    expect(await ask("none", "channel question", false)).toMatchObject({ text: null, normalized: null, direct: 0 });
    expect(JSON.stringify(allQuestions(db))).not.toContain("secret dm question");
  });

  it("does not log answers about the bot itself (a rating, a refused admin command) nor offer to rate them", async () => {
    const bot = await Bot.create({ knowledgeDir: KNOWLEDGE_DIR, store });
    const before = allQuestions(db).length;
    const rated = await bot.handle({ text: "/rate up", user: member("UMETA"), channel: "CMETA" });
    const refused = await bot.handle({ text: "/insights", user: member("UMETA"), channel: "CMETA" });
    expect(rated.id).toBeUndefined();
    expect(refused.id).toBeUndefined();
    expect(refused.title).toMatch(/Admins only|관리자 전용/);
    const budget = await bot.handle({ text: "/budget", user: member("UMETA"), channel: "CMETA" });
    await logged(db, budget.id);
    expect(allQuestions(db).length).toBe(before + 1);
  });
});

describe("a store that fails never fails a question", () => {
  const failing = (logQuestion: Store["logQuestion"]): Store => failingStore("store down", { logQuestion });

  it("answers when the store throws at once, and logs a warning", async () => {
    const logs = captureLogs();
    const bot = await Bot.create({
      knowledgeDir: KNOWLEDGE_DIR,
      logger: logs.logger,
      store: failing(() => {
        throw new Error("disk full");
      }),
    });
    const answer = await bot.handle({ text: "예산 얼마야?", user: member("U1") });
    expect(answer.body).toContain("4,600억");
    await expect.poll(() => logs.lines.find((l) => l.msg === "question not logged")).toMatchObject({ level: 40, store: "failing", err: { message: "disk full" } });
  });

  it("answers when the store's write never settles: the reply does not wait for it", async () => {
    const bot = await Bot.create({ knowledgeDir: KNOWLEDGE_DIR, store: failing(() => new Promise<void>(() => undefined)) });
    const answer = await bot.handle({ text: "/budget", user: member("U1") });
    expect(answer.body).toContain("4,600억");
  });

  it("says so when a rating or insights cannot reach the store, instead of failing", async () => {
    const bot = await Bot.create({ knowledgeDir: KNOWLEDGE_DIR, store: failing(async () => undefined) });
    const admin = { id: "UADMIN", platform: "slack", isAdmin: true };
    await bot.handle({ text: "/budget", user: admin });
    expect((await bot.handle({ text: "/rate down", user: admin })).title).toMatch(/Not rated|평가하지 못했습니다/);
    expect((await bot.handle({ text: "/insights", user: admin })).title).toMatch(/could not be read|읽지 못했습니다/);
  });

  it("answers when PostgreSQL is unreachable (DATABASE_URL on a closed port)", async () => {
    const logs = captureLogs();
    const down = openStore({ DATA_DIR: "unused", DATABASE_URL: "postgres://postgres@127.0.0.1:9/none" });
    await expect(down.migrate()).rejects.toThrow();
    const bot = await Bot.create({ knowledgeDir: KNOWLEDGE_DIR, logger: logs.logger, store: down });
    const answer = await bot.handle({ text: "예산 얼마야?", user: member("U1") });
    expect(answer.body).toContain("4,600억");
    await expect.poll(() => logs.lines.find((l) => l.msg === "question not logged"), { timeout: 10_000 }).toMatchObject({ store: "postgres" });
    await down.close();
  });
});
