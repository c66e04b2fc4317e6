// Files no loader should trust: a YAML alias bomb (a few lines that expand to billions of nodes) and any error the
// loader did not expect become a problem naming the file. Start-up says so without a stack trace; a reload reports
// it to the admin, audits it and logs it.
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { AUDIT_FILE, reloadAuditLog } from "../../src/audit.js";
import { Bot, KnowledgeError } from "../../src/core/bot.js";
import { loadKnowledge } from "../../src/core/knowledge/load.js";
import { ask, RELOADS } from "../core/fixture.js";
import { copyDefaultPack, type TempPack } from "../core/pack.js";
import { collectingLogger } from "../discord/support.js";
import { ADMIN } from "./schedule-fixtures.js";

const laughs = ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"];
for (const [prev, next] of ["ab", "bc", "cd", "de", "ef", "fg", "gh", "hi"].map((p) => p.split(""))) {
  laughs.push(`${next}: &${next} [${Array(9).fill(`*${prev}`).join(", ")}]`);
}
const ALIAS_BOMB = laughs.join("\n") + "\n";

let cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups) await c();
  cleanups = [];
});

async function pack(): Promise<TempPack> {
  const p = await copyDefaultPack();
  cleanups.push(p.remove);
  return p;
}

describe("hostile knowledge files", RELOADS, () => {
  it("an alias bomb is a problem naming its file, not a crash or a hang", async () => {
    const p = await pack();
    await p.write("bomb.yaml", ALIAS_BOMB);
    const r = await loadKnowledge(p.dir);
    expect(r.knowledge).toBeUndefined();
    expect(r.problems).toEqual([expect.objectContaining({ file: "ifkakao-2022/bomb.yaml", message: expect.stringMatching(/alias/i) })]);
  });

  it("stops a start-up with a message naming the file, no stack trace", async () => {
    const p = await pack();
    await p.write("bomb.yaml", ALIAS_BOMB);
    const error = await Bot.create({ knowledgeDir: p.dir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KnowledgeError);
    expect((error as Error).message).toContain("ifkakao-2022/bomb.yaml");
    expect((error as Error).message).not.toMatch(/\n\s+at /);
  });

  it("on reload: the admin's reply names the file, the audit records it, the log says what failed", async () => {
    const p = await pack();
    const dataDir = await mkdtemp(join(tmpdir(), "eventdesk-audit-"));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    const logs = collectingLogger();
    const bot = await Bot.create({ knowledgeDir: p.dir, onReload: reloadAuditLog(dataDir), logger: logs.logger });
    await p.write("bomb.yaml", ALIAS_BOMB);
    const reply = await ask(bot, "/reload", { user: { ...ADMIN }, lang: "en" });
    expect(reply.answered).toBe(false);
    expect(reply.body).toContain("ifkakao-2022/bomb.yaml");
    const audit = JSON.parse((await readFile(join(dataDir, AUDIT_FILE), "utf8")).trim());
    expect(audit).toMatchObject({ ok: false, problems: [expect.objectContaining({ file: "ifkakao-2022/bomb.yaml" })] });
    const logged = logs.lines.find((l) => l.msg === "reload");
    expect(JSON.stringify(logged)).toContain("ifkakao-2022/bomb.yaml");
  });

  it("a file the loader cannot even read is a problem naming it", async () => {
    const p = await pack();
    await writeFile(join(p.dir, "ifkakao-2022", "broken.yaml"), Buffer.from([0xff, 0xfe, 0x00, 0x3a]));
    const r = await loadKnowledge(p.dir);
    expect(r.problems.map((x) => x.file)).toContain("ifkakao-2022/broken.yaml");
  });
});
