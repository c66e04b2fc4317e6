// The evaluation questions (the shared development set plus our own: every fact of FACTS.md in Korean and
// English, paraphrases, and unanswerable questions that share words with the knowledge), scored by the
// shared scorer itself through `npm run ask -- --jsonl`.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";

const SCORER = "../shared/eval/score.mjs";

describe("accuracy", () => {
  it("passes at least 90% of test/eval/questions.jsonl", () => {
    expect(existsSync(SCORER), `${SCORER} must sit beside the project`).toBe(true);
    const r = spawnSync(process.execPath, [SCORER, "--min", "0.9", "test/eval/questions.jsonl"], { encoding: "utf8", timeout: 120_000 });
    const summary = r.stdout.trim().split("\n").slice(-3).join("\n");
    console.log(summary);
    expect(r.status, r.stdout + r.stderr).toBe(0);
  });
});
