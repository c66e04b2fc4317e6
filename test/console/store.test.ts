// The console chat with its store, as a user runs it (`npm start`, compiled, as a child process): /rate rates the last
// answer, /insights reads the log back (and as CSV), on SQLite in DATA_DIR and on PostgreSQL; and a database that
// cannot be reached costs no answer.
import { describe, expect, it } from "vitest";
import { DATABASES, databaseFor, rowsOf } from "../store/databases.js";
import { run } from "./run.js";

const chat = (input: string, env: Record<string, string>) => run("dist/main.js", [], input, env);

describe.each(DATABASES)("the console chat on $kind", ({ create }) => {
  const database = databaseFor(create);

  it("/rate rates the last answer, changeably; /insights shows refused questions, 👎 answers and the share answered; /insights csv gives CSV", async () => {
    const lines = ["/rate up", "예산 얼마야?", "/rate up", "/rate down", "What is the Wi-Fi password?", "what is the wifi password", "/insights", "/insights 30 csv", "/insights forever"];
    const r = await chat(lines.join("\n") + "\n", { ...database.db.env, LOG_LEVEL: "warn" });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    const answers = r.stdout.split(/\(지식 버전 [0-9a-f]+\)|\(knowledge version [0-9a-f]+\)/);
    expect(answers[0]).toContain("평가할 답이 아직 없습니다");
    expect(answers[2]).toContain("평가 고맙습니다");
    expect(answers[3]).toContain("👎 (👍에서 바꿈)");

    const insights = answers[6];
    expect(insights).toContain("인사이트: 최근 7일");
    expect(insights).toMatch(/답하지 못한 질문[^\n]*\n- 2 × What is the Wi-Fi password\?/);
    expect(insights).toMatch(/👎를 가장 많이 받은 답[^\n]*\n- 1 👎 · 0 👍 — \/ask: 예산 얼마야/);
    expect(insights).toContain("- console: 33% (3개 중 1개)");

    const csv = answers[7].slice(answers[7].indexOf("--- insights-30d.csv ---")).split("\n").slice(1, 6);
    expect(csv).toEqual([
      "section,platform,command,question,count,asked,answered,share,down,up",
      "refused,,,What is the Wi-Fi password?,2,,,,,",
      "downvoted,,ask,예산 얼마야,,,,,1,0",
      "answered,console,,,,3,1,0.333,,",
      "answered,all,,,,3,1,0.333,,",
    ]);
    expect(answers[8]).toContain("“forever” is not a period");

    const ratings = await rowsOf(database.db, "SELECT rating FROM ratings");
    expect(ratings.map((row) => Number(row.rating))).toEqual([-1]);
  });
});

describe("a store that cannot be reached", () => {
  it("answers every question all the same, with a warning on stderr, and exits 0", async () => {
    const r = await chat("예산 얼마야?\n/speaker 고우찬\n/rate up\n", { DATABASE_URL: "postgres://postgres@127.0.0.1:9/eventdesk", LOG_LEVEL: "warn" });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("4,600억 원");
    expect(r.stdout).toContain("고우찬");
    expect(r.stdout).toContain("지금은 평가를 저장할 수 없습니다");
    const warnings = r.stderr.trim().split("\n").map((line) => JSON.parse(line) as { msg: string; level: number });
    expect(warnings.map((w) => w.msg)).toContain("store unavailable: answering without the question log until it is back");
    expect(warnings.every((w) => w.level === 40)).toBe(true);
  });
});
