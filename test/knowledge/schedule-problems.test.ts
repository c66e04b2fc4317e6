// Small schedules written here: how they are read, and how broken ones are reported (file, line, field)
// while a reload keeps the old knowledge answering.
import { afterEach, describe, expect, it } from "vitest";
import { loadKnowledge } from "../../src/core/knowledge/load.js";
import { formatProblem } from "../../src/core/knowledge/schema.js";
import { ask, RELOADS } from "../core/fixture.js";
import { copyDefaultPack, type TempPack } from "../core/pack.js";
import { ADMIN, event, recordingBot, tempFolder, tinySchedule } from "./schedule-fixtures.js";

let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => {
  await cleanup?.();
  cleanup = undefined;
});

async function folder(files: Record<string, string>) {
  const f = await tempFolder();
  cleanup = f.remove;
  for (const [name, text] of Object.entries(files)) await f.write(name, text);
  return f;
}

/** The 1-based line of the first line containing `needle`. */
const lineOf = (text: string, needle: string) => text.split("\n").findIndex((l) => l.includes(needle)) + 1;

describe("a small schedule on its own", () => {
  it("becomes sessions, tracks and people; times are read in the schedule's time zone", async () => {
    const text = tinySchedule([
      event(1, "Rust at scale", { track: "Rust + AI", date: "2022-12-08T03:00:00Z", persons: [{ name: "김철수", organisation: "카카오" }] }),
      event(2, "Opening", { track: null, type: "keynote", date: "2022-12-07T15:30:00Z", persons: [{ name: "Kim", handle: "ryan.kim" }, { name: "ryan.test" }] }),
      event(3, "Lightning", { type: "workshop", links: [{ title: "Slides", url: "https://example.org/slides/3" }] }),
    ]);
    const f = await folder({ "conf/schedule.json": text });
    const r = await loadKnowledge(f.dir);
    expect(r.problems).toEqual([]);
    const k = r.knowledge!;
    expect(r.files).toEqual(["conf/schedule.json"]);
    // The schedule is an event of its own: every item is keyed under it.
    expect([...k.events.keys()]).toEqual(["tiny2022"]);
    expect(k.events.get("tiny2022")).toMatchObject({ name: { en: "Tiny tiny2022" }, acronym: "tiny2022", start: "2022-12-08", end: "2022-12-08", timezone: "Asia/Seoul", source: "schedule-tiny2022" });
    const session = (id: string) => k.sessions.get(`tiny2022/${id}`)!;
    const person = (id: string) => k.people.get(`tiny2022/${id}`)!;
    expect(session("1")).toMatchObject({ id: "1", event: "tiny2022", date: "2022-12-08", time: "12:00", kind: "talk", tracks: ["tiny2022/rust", "tiny2022/ai"], url: "https://example.org/session/1" });
    // 15:30 UTC on the 7th is 00:30 on the 8th in Seoul.
    expect(session("2")).toMatchObject({ date: "2022-12-08", time: "00:30", zone: "KST", start: "2022-12-07T15:30:00.000Z", kind: "keynote", tracks: [], speakers: ["tiny2022/ryan.kim", "tiny2022/ryan.test"] });
    // A type other than the pack's kinds is kept as published.
    expect(session("3")).toMatchObject({ kind: "workshop", links: [{ title: "Slides", url: "https://example.org/slides/3" }] });
    expect([...k.tracks.keys()].sort()).toEqual(["tiny2022/ai", "tiny2022/rust"]);
    expect(person("gimcheolsu")).toMatchObject({ name: { ko: "김철수" }, organisation: { ko: "카카오" } });
    expect(person("gimcheolsu").handle).toBeUndefined();
    expect(person("ryan.kim")).toMatchObject({ name: { ko: "Kim" }, handle: "ryan.kim", aliases: ["ryan.kim"] });
    // ryan.test speaks twice: cited by the first session, with the second as a further citation.
    expect(person("ryan.test")).toMatchObject({ handle: "ryan.test", url: "https://example.org/session/2", more: [{ url: "https://example.org/session/3" }] });
    expect(session("2").quote).toBe("‘Opening’ — Kim (ryan.kim), ryan.test, 2022-12-08 00:30 KST, Online");
    expect(session("1").quote).toBe("‘Rust at scale’ — 김철수, 2022-12-08 12:00 KST, Online (Rust + AI)");
    expect(k.tracks.get("tiny2022/rust")).toMatchObject({ source: "schedule-tiny2022", quote: "Tiny tiny2022 tracks: AI, Rust" });
  });

  it("accepts pretalx's public_name for persons", async () => {
    const text = tinySchedule([event(7, "Talk", { persons: [{ public_name: "Jane Doe" } as never] })]);
    const r = await loadKnowledge((await folder({ "schedule.json": text })).dir);
    expect(r.problems).toEqual([]);
    expect(r.knowledge!.sessions.get("tiny2022/7")!.speakers).toEqual(["tiny2022/jane-doe"]);
    expect(r.knowledge!.people.get("tiny2022/jane-doe")).toMatchObject({ name: { ko: "Jane Doe" } });
  });
});

describe("a broken schedule", RELOADS, () => {
  it("of the wrong shape is reported at the field that is wrong", async () => {
    const text = JSON.stringify({ schedule: { conference: { title: "x", days: { Online: [] } } } }, null, 2);
    const r = await loadKnowledge((await folder({ "bad.json": text })).dir);
    expect(r.knowledge).toBeUndefined();
    expect(r.problems).toEqual([expect.objectContaining({ file: "bad.json", field: "schedule.conference.days", line: lineOf(text, '"days"') })]);
  });

  it("with missing fields and bad dates still loads: every field left out is a warning with file, line, field and value", async () => {
    const good = JSON.parse(tinySchedule([event(1, "A"), event(2, "B"), event(3, "C"), event(4, "D")]));
    const events = good.schedule.conference.days[0].rooms.Online;
    delete events[0].title;
    events[1].date = "2022-12-32T12:00:00+09:00";
    events[2].date = "next Thursday";
    events[3].persons = [{ organisation: "카카오" }];
    const text = JSON.stringify(good, null, 2);
    const r = await loadKnowledge((await folder({ "conf/broken.json": text })).dir);
    const at = (i: number) => `schedule.conference.days[0].rooms.Online[${i}]`;
    expect(r.problems).toEqual([]);
    expect(r.warnings.map((p) => [p.file, p.field])).toEqual([
      ["conf/broken.json", `${at(0)}.title`],
      ["conf/broken.json", `${at(1)}.date`],
      ["conf/broken.json", `${at(2)}.date`],
      ["conf/broken.json", `${at(3)}.persons[0]`],
    ]);
    // A missing field is placed at its event; a bad value at its own line, and shown.
    expect(r.warnings[0]).toMatchObject({ line: lineOf(text, '"id": 1') - 1, message: 'no title: listed as "1"' });
    expect(r.warnings[1]).toMatchObject({ line: lineOf(text, "2022-12-32"), message: "not a real date-time: the event is kept on its day (2022-12-08) without a time", value: '"2022-12-32T12:00:00+09:00"' });
    expect(r.warnings[2]).toMatchObject({ line: lineOf(text, "next Thursday"), message: expect.stringMatching(/^not a date-time/), value: '"next Thursday"' });
    expect(r.warnings[3]).toMatchObject({ message: expect.stringMatching(/without a name/), value: '{"organisation": "카카오"}' });
    expect(formatProblem(r.warnings[1])).toBe(
      `conf/broken.json:${lineOf(text, "2022-12-32")} (${at(1)}.date): not a real date-time: the event is kept on its day (2022-12-08) without a time (value: "2022-12-32T12:00:00+09:00")`,
    );
    // Each event is kept without what could not be read.
    const k = r.knowledge!;
    const session = (id: string) => k.sessions.get(`tiny2022/${id}`)!;
    expect(session("1").title.en).toBe("1");
    expect(session("2")).toMatchObject({ date: "2022-12-08", title: { en: "B" } });
    expect(session("2").time).toBeUndefined();
    expect(session("4").speakers).toEqual([]);
  });

  it("that is not JSON, or JSON that is no schedule, is a problem placed by line (pretty) or path (minified)", async () => {
    const truncated = tinySchedule([event(1, "A")]).slice(0, 200);
    const minified = JSON.stringify(JSON.parse(tinySchedule([event(1, "A")]))).replace('"title":"A"', '"title":"A",,');
    const r = await loadKnowledge((await folder({ "a.json": truncated, "b.json": '{ "talks": [] }', "c.json": "<html>\n</html>", "d.json": minified })).dir);
    expect(r.problems).toEqual([
      expect.objectContaining({ file: "a.json", line: truncated.split("\n").length, message: expect.stringMatching(/^not JSON/) }),
      expect.objectContaining({ file: "b.json", field: "schedule", message: expect.stringMatching(/^not a schedule: .*pretalx, frab, c3voc/) }),
      expect.objectContaining({ file: "c.json", line: 1, message: expect.stringMatching(/^not JSON: Unexpected token '<'/) }),
      expect.objectContaining({ file: "d.json", field: "schedule.conference.days[0].rooms.Online[0].title", message: expect.stringMatching(/^not JSON: .* \(at character \d+\)$/), value: expect.stringContaining('"title":"A",,') }),
    ]);
    expect(r.problems[3].line).toBeUndefined();
  });

  it("that repeats a session id keeps both (a recurrence); another conference's id is its own; a second file of one conference joins it", async () => {
    const text = tinySchedule([event(1, "A"), event(1, "A again")]);
    const other = tinySchedule([event(1, "Z")], "other2022");
    const r = await loadKnowledge((await folder({ "one.json": text, "three.json": other, "two.json": tinySchedule([event(9, "Y")]) })).dir);
    expect(r.problems).toEqual([]);
    const k = r.knowledge!;
    expect([...k.events.keys()]).toEqual(["tiny2022", "other2022"]);
    const titles = (event: string) => [...k.sessions.values()].filter((s) => s.event === event).map((s) => s.title.en);
    expect(titles("tiny2022")).toEqual(["A", "A again", "Y"]);
    expect(titles("other2022")).toEqual(["Z"]);
    // No guid, the same id, another title: most likely a mistake, so it is said.
    expect(r.warnings).toEqual([
      expect.objectContaining({ file: "one.json", line: lineOf(text, '"A again"') - 2, message: expect.stringMatching(/^shared with "A", which has another title/), value: '"1"' }),
    ]);
  });

  it("makes a reload fail with every problem while the old knowledge keeps answering", async () => {
    const pack: TempPack = await copyDefaultPack();
    cleanup = pack.remove;
    const { bot, events } = await recordingBot(pack.dir);
    const before = bot.snapshot.version;
    await pack.write("schedule.json", tinySchedule([event(1, "A")]).replace('"title": "A"', '"title": "A",,'));
    const a = await ask(bot, "/reload", { user: { ...ADMIN }, lang: "en" });
    expect(a.answered).toBe(false);
    expect(a.body).toMatch(/ifkakao-2022\/schedule\.json:\d+ \(schedule\.conference\.days\[0\]\.rooms\.Online\[0\]\.title\): not JSON: /);
    expect(a.body).toContain(`The previous knowledge (version ${before}) keeps answering`);
    expect(bot.snapshot.version).toBe(before);
    expect(events).toEqual([expect.objectContaining({ ok: false, versionBefore: before, versionAfter: before })]);
    const after = await ask(bot, "/speaker 고우찬");
    expect(after).toMatchObject({ answered: true, version: before });
  });
});
