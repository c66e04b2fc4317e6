// The console chat and `ask` end to end, as child processes, the way a user runs them.
import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyDefaultPack, type TempPack } from "../core/pack.js";
import { run } from "./run.js";

const ask = (args: string[], input = "", env?: Record<string, string>) => run("dist/adapters/console/ask.js", args, input, env);

describe("the console chat (npm start without credentials)", () => {
  it("answers piped lines in order, commands and free text, and exits 0 at the end of input", async () => {
    const r = await run("dist/main.js", [], "예산 얼마야?\n/speaker Gilbert\n/nonsense\nWhat is the capital of France?\n");
    expect(r.code).toBe(0);
    const budget = r.stdout.indexOf("4,600억 원");
    // "Gilbert" is a name, not English: the answer stays in Korean, titled with both names and the handle.
    const gilbert = r.stdout.indexOf("고우찬 (Ko Woo-chan) (gilbert.c)");
    const unknown = r.stdout.indexOf("‘/nonsense’ 명령은 없습니다");
    const france = r.stdout.indexOf("I don't know");
    expect(budget).toBeGreaterThan(0);
    expect(gilbert).toBeGreaterThan(budget);
    expect(unknown).toBeGreaterThan(gilbert);
    expect(france).toBeGreaterThan(unknown);
    expect(r.stdout).toContain("출처:");
  });

  it("ends when its output's reader has gone (`npm start | head -1`), instead of erring on every write", async () => {
    // Its own DATA_DIR, as run() gives: the store is not written into the checkout.
    const dataDir = await mkdtemp(join(tmpdir(), "eventdesk-data-"));
    const child = spawn(process.execPath, ["dist/main.js"], { env: { PATH: process.env.PATH ?? "", DATA_DIR: dataDir }, stdio: ["pipe", "pipe", "pipe"] });
    const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
    child.stdout.once("data", () => {
      child.stdout.destroy();
      child.stdin.write("예산\n예산\n");
    });
    expect(await exited).toBe(0);
    child.stdin.destroy();
    await rm(dataDir, { recursive: true, force: true });
  });

  it("lets the console user reload, as an admin", async () => {
    const r = await run("dist/main.js", [], "/reload\n");
    expect(r.stdout).toContain("다시 불러왔습니다");
  });
});

describe("npm run ask", () => {
  it("prints the answer as text", async () => {
    const r = await ask(["고우찬이 발표한 키노트는?"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("미래 투자와 혁신 계획");
  });

  it("--json prints one object with answered, text, citations, command, lang and version", async () => {
    const r = await ask(["--json", "/budget"]);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ answered: true, command: "budget", lang: "ko", version: expect.stringMatching(/^[0-9a-f]{10}$/) });
    expect(out.text).toContain("4,600억 원");
    expect(out.citations[0]).toMatchObject({ source: "fntimes", quote: expect.stringContaining("현재 총 4600억원의 예산을 투입해") });
  });

  it("--jsonl answers one line per input line, in order, and exits 0 when it does not know", async () => {
    const r = await ask(["--jsonl"], "예산\n\nWho is the CEO of Naver?\n/speaker 이채영\n");
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split("\n").map((l) => JSON.parse(l));
    // Free text, a blank line among it, is answered by `ask`; a blank line gets the help.
    expect(lines.map((l) => [l.command, l.answered])).toEqual([
      ["ask", true],
      ["ask", true],
      ["ask", false],
      ["speaker", true],
    ]);
    expect(lines[0].text).toContain("4,600억 원");
    expect(lines[1].text).toMatch(/^EventDesk 도움말\n/);
    expect(lines[2]).toMatchObject({ lang: "en", text: expect.stringMatching(/^I don't know\n/) });
    expect(lines[3].text).toMatch(/^이채영 \(Lee Chae-young\)/);
  });

  describe("when it cannot work", () => {
    let pack: TempPack;
    beforeAll(async () => {
      pack = await copyDefaultPack();
      await pack.edit("people.yaml", "name: { ko: 이확영, en: Lee Hwak-young }", "name: { ko: 이확영 }");
    });
    afterAll(() => pack.remove());

    it("a broken pack: exit 1 and every problem on stderr, with file, line and field, and no stack trace", async () => {
      for (const entry of ["dist/adapters/console/ask.js", "dist/main.js"]) {
        const r = await run(entry, ["예산"], "", { KNOWLEDGE_DIR: pack.dir });
        expect(r.code, entry).toBe(1);
        expect(r.stdout).toBe("");
        expect(r.stderr).toMatch(/eventdesk: the knowledge pack has 1 problem\(s\):\n {2}ifkakao-2022\/people\.yaml:\d+ \(people\[2\]\.name\.en\)/);
        expect(r.stderr).not.toMatch(/\n\s+at /);
      }
    });

    it("a bad variable: exit 1 naming it and where to get it", async () => {
      const r = await run("dist/main.js", [], "", { SLACK_BOT_TOKEN: "not-a-token" });
      expect(r.code).toBe(1);
      expect(r.stderr).toContain("SLACK_BOT_TOKEN: a bot token starts with xoxb-");
      expect(r.stderr).toContain("OAuth & Permissions");
      expect(r.stderr).not.toContain("not-a-token");
    });

    it("DISCORD_MODE=http with nothing else: exit 1 naming what HTTP mode needs, not a console chat", async () => {
      const r = await run("dist/main.js", [], "예산\n", { DISCORD_MODE: "HTTP" });
      expect(r.code).toBe(1);
      expect(r.stdout).toBe("");
      expect(r.stderr).toContain("DISCORD_PUBLIC_KEY: is missing");
      expect(r.stderr).toContain("DISCORD_APPLICATION_ID: is missing");
    });

    it("an unknown flag (a typo such as --jsnol): usage on stderr naming it, exit 2, nothing answered", async () => {
      const r = await ask(["--jsnol", "예산"]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain("unknown option --jsnol");
      expect(r.stderr).toContain("usage: npm run ask");
      expect(r.stdout).toBe("");
    });

    it("no question: usage on stderr, exit 2", async () => {
      const r = await ask([]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain("usage: npm run ask");
    });
  });
});
