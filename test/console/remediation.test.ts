// Remediation follow-up through the console, as a user runs it (`npm start`, compiled, as a child process), on SQLite
// in DATA_DIR and on PostgreSQL: an update recorded in one run is shown, with who and how long ago, by the next run
// (a restart) on the same store, with overdue and history; a database that cannot be reached costs only the update.
import { describe, expect, it } from "vitest";
import { DATABASES, databaseFor, rowsOf } from "../store/databases.js";
import { run } from "./run.js";

const chat = (lines: string[], env: Record<string, string>) => run("dist/main.js", [], lines.join("\n") + "\n", env);
const answersOf = (stdout: string) => stdout.split(/\(지식 버전 [0-9a-f]+\)|\(knowledge version [0-9a-f]+\)/);

describe.each(DATABASES)("remediation follow-up in the console on $kind", ({ create }) => {
  const database = databaseFor(create);

  it("records updates in one run; the next run shows them with who and when, lists the overdue and the history", async () => {
    const first = await chat(["/remediation update bcp-dr status in progress", "/remediation update bcp-dr due 2022-12-20", "/remediation update bcp-dr status finished"], {
      ...database.db.env,
      EVENTDESK_NOW: "2022-12-10T10:00:00+09:00",
      LOG_LEVEL: "warn",
    });
    expect(first.code).toBe(0);
    expect(first.stderr).toBe("");
    const updates = answersOf(first.stdout);
    expect(updates[0]).toContain("(bcp-dr): status announced → in progress\nRecorded by console.");
    expect(updates[1]).toContain("due none → 2022-12-20");
    expect(updates[2]).toMatch(/“finished” is not a status\. The statuses: `?announced`?, `?planned`?, `?in_progress`?, `?done`?/);
    expect(await rowsOf(database.db, "SELECT field, value, user_id, user_name FROM remediation_updates ORDER BY seq")).toEqual([
      { field: "status", value: "in_progress", user_id: "console", user_name: "console" },
      { field: "due", value: "2022-12-20", user_id: "console", user_name: "console" },
    ]);

    const next = await chat(["/remediation 데이터센터 방재", "/remediation overdue", "/remediation history bcp-dr"], { ...database.db.env, EVENTDESK_NOW: "2022-12-22T10:00:00+09:00", LOG_LEVEL: "warn" });
    expect(next.code).toBe(0);
    expect(next.stderr).toBe("");
    const [area, overdue, history] = answersOf(next.stdout);
    expect(area).toContain("진행 중, 기한 2022-12-20, 12일 전 console이(가) 변경");
    expect(overdue).toContain("기한이 지난 재발방지 항목 1개");
    expect(overdue).toContain("기한 2022-12-20 (2일 지남)");
    expect(history).toContain("2022-12-10 01:00 UTC — status: announced → in progress, changed 12 days ago by console");
  });
});

describe("remediation follow-up with a store that cannot be reached", () => {
  it("says the update could not be recorded, and answers /remediation from the knowledge", async () => {
    const r = await chat(["/remediation update bcp-dr status done", "/remediation 데이터센터 방재"], { DATABASE_URL: "postgres://postgres@127.0.0.1:9/eventdesk", LOG_LEVEL: "error" });
    expect(r.code).toBe(0);
    const [update, area] = answersOf(r.stdout);
    expect(update).toMatch(/could not record: \S/);
    expect(area).toContain("비상대응계획 및 데이터센터 DR 체계 구축 (발표 고우찬 (Ko Woo-chan) (gilbert.c), 발표됨)");
  });
});
