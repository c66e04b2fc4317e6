import { afterEach, describe, expect, it } from "vitest";
import { loadKnowledge } from "../../src/core/knowledge/load.js";
import { formatProblem } from "../../src/core/knowledge/schema.js";
import { copyDefaultPack, type TempPack } from "./pack.js";

let pack: TempPack | undefined;
afterEach(async () => {
  await pack?.remove();
  pack = undefined;
});

describe("loading the knowledge pack", () => {
  it("loads the default pack with every section, and quotes that occur verbatim in the article", async () => {
    const r = await loadKnowledge("knowledge");
    expect(r.problems).toEqual([]);
    const k = r.knowledge!;
    // The count the article states; the pack holds the full published list beside it.
    expect(k.events.get("ifkakao-2022")?.sessions).toBe(106);
    expect([...k.sessions.values()].filter((s) => s.event === "ifkakao-2022")).toHaveLength(125);
    expect(k.tracks.size).toBe(12);
    expect(k.budgets.get("ifkakao-2022/recurrence-prevention-investment")?.total).toBe(460_000_000_000);
    expect(k.people.get("ifkakao-2022/namgoong-hoon")?.aliases).toEqual(expect.arrayContaining(["Namkoong Whon", "Namgung Hun", "Nkay"]));
    expect([...k.facts.values()].filter((f) => f.headline).length).toBeGreaterThanOrEqual(6);
    expect(r.version).toMatch(/^[0-9a-f]{10}$/);
  });

  it("gives the same version for the same files and a new one when a file changes", async () => {
    pack = await copyDefaultPack();
    const a = await loadKnowledge(pack.dir);
    expect((await loadKnowledge(pack.dir)).version).toBe(a.version);
    await pack.edit("event.yaml", "speakers: 120", "speakers: 121");
    expect((await loadKnowledge(pack.dir)).version).not.toBe(a.version);
  });

  it("reports a YAML syntax error with file and line", async () => {
    pack = await copyDefaultPack();
    await pack.edit("budget.yaml", "  currency: KRW", "  currency: [KRW");
    const r = await loadKnowledge(pack.dir);
    expect(r.knowledge).toBeUndefined();
    expect(r.problems[0]).toMatchObject({ file: "ifkakao-2022/budget.yaml", line: expect.any(Number) });
    expect(r.problems[0].message).toMatch(/YAML syntax/);
  });

  it("reports one YAML syntax error once, and nothing that follows from it", async () => {
    pack = await copyDefaultPack();
    // One mis-indented line: the YAML parser lists 8 errors for it, every one after the first a consequence.
    await pack.edit("people.yaml", "    handle: gilbert.c", "   handle: gilbert.c");
    const r = await loadKnowledge(pack.dir);
    expect(r.problems.map(formatProblem)).toEqual(["ifkakao-2022/people.yaml:22: YAML syntax: Sequence item without - indicator"]);
  });

  it("reports schema, reference and quote problems together, in one pass", async () => {
    pack = await copyDefaultPack();
    await pack.edit("people.yaml", "name: { ko: 고우찬, en: Ko Woo-chan }", "name: { ko: 고우찬 }");
    // Any word is a kind (a schedule's own types are kept); a list is not.
    await pack.edit("sessions.yaml", "kind: keynote", "kind: [keynote]");
    await pack.edit("sessions.yaml", "speakers: [lee-chae-young]", "speakers: [lee-chae-yong]");
    await pack.edit("budget.yaml", "quote: 현재 총 4600억원의", "quote: 현재 총 5000억원의");
    const r = await loadKnowledge(pack.dir);
    expect(r.knowledge).toBeUndefined();
    // Exactly the four planted: the sessions and remediation naming the rejected ko-woo-chan are not "dangling".
    expect(r.problems.map((p) => `${p.file} ${p.field}`)).toEqual([
      "ifkakao-2022/people.yaml people[1].name.en",
      "ifkakao-2022/sessions.yaml sessions[0].kind",
      "ifkakao-2022/budget.yaml budget.quote",
      "ifkakao-2022/sessions.yaml sessions[2].speakers[0]",
    ]);
  });

  it("reports every schema violation with file, line and field", async () => {
    pack = await copyDefaultPack();
    await pack.edit("people.yaml", "name: { ko: 고우찬, en: Ko Woo-chan }", "name: { ko: 고우찬 }");
    await pack.edit("sessions.yaml", "kind: keynote", "kind: [keynote]");
    const r = await loadKnowledge(pack.dir);
    const shown = r.problems.map(formatProblem);
    expect(r.problems).toHaveLength(2);
    expect(r.problems[0]).toMatchObject({ file: "ifkakao-2022/people.yaml", field: "people[1].name.en" });
    expect(r.problems[0].line).toBe(20);
    expect(r.problems[1]).toMatchObject({ file: "ifkakao-2022/sessions.yaml", field: "sessions[0].kind", line: 6 });
    expect(shown[1]).toMatch(/^ifkakao-2022\/sessions\.yaml:6 \(sessions\[0\]\.kind\): /);
  });

  it("reports duplicate ids, dangling references and quotes not found in their source", async () => {
    pack = await copyDefaultPack();
    await pack.edit("tracks.yaml", "- id: backend", "- id: ai");
    await pack.edit("sessions.yaml", "speakers: [lee-chae-young]", "speakers: [lee-chae-yong]");
    await pack.edit("budget.yaml", "quote: 현재 총 4600억원의", "quote: 현재 총 5000억원의");
    const r = await loadKnowledge(pack.dir);
    const messages = r.problems.map(formatProblem).join("\n");
    expect(messages).toMatch(/tracks\.yaml:\d+ \(tracks\[2\]\.id\): duplicate id "ai" \(first defined in ifkakao-2022\/tracks\.yaml:\d+\)/);
    expect(messages).toMatch(/sessions\.yaml:\d+ \(sessions\[2\]\.speakers\[0\]\): refers to people "lee-chae-yong"/);
    expect(messages).toMatch(/budget\.yaml:\d+ \(budget\.quote\): the quote does not occur verbatim in article-fntimes\.txt/);
    expect(r.problems).toHaveLength(3);
  });

  it("says so when the folder does not exist, is a file or holds no YAML", async () => {
    const missing = await loadKnowledge("/nonexistent/eventdesk");
    expect(missing.problems[0].message).toMatch(/the folder does not exist.*KNOWLEDGE_DIR/);
    const file = await loadKnowledge("knowledge/ifkakao-2022/people.yaml");
    expect(file.problems.map(formatProblem)).toEqual([
      "knowledge/ifkakao-2022/people.yaml: cannot read the knowledge folder: it is a file, and KNOWLEDGE_DIR must name a folder",
    ]);
    pack = await copyDefaultPack();
    const empty = await loadKnowledge(`${pack.dir}/ifkakao-2022/..`);
    expect(empty.problems).toEqual([]);
  });
});
