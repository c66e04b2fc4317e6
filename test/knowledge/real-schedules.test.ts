// Real published exports (pretalx, frab, c3voc, the CCC hub's 2.0), read from ../shared as published — never
// copied into the repo. Expected local times are worked out by hand from each event's `date`.
import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadKnowledge } from "../../src/core/knowledge/load.js";
import { keyOf } from "../../src/core/knowledge/packs.js";
import { fieldName } from "../../src/core/knowledge/places.js";
import { parseSchedule, type ImportedEvent, type ImportedSchedule, type ScheduleResult } from "../../src/core/knowledge/schedule.js";
import { formatProblem } from "../../src/core/knowledge/schema.js";
import { REAL_SCHEDULES, tempFolder } from "./schedule-fixtures.js";

const FILES = ["36c3-wiki.json", "jev22-everything.json", "pretalx-democon.json", "hub-schedule2.json", "invalid-example.json"] as const;

const texts = new Map<string, string>();
const read = new Map<string, ScheduleResult>();

beforeAll(async () => {
  for (const file of FILES) {
    const text = await readFile(`${REAL_SCHEDULES}/${file}`, "utf8");
    texts.set(file, text);
    read.set(file, parseSchedule(file, text));
  }
});

const schedule = (file: string): ImportedSchedule => {
  const r = read.get(file)!;
  expect(r.problems).toEqual([]);
  return r.schedule!;
};
const byId = (file: string, id: string): ImportedEvent => schedule(file).events.find((e) => (e.id ?? e.code) === id)!;
const lineOf = (text: string, needle: string) => text.split("\n").findIndex((l) => l.includes(needle)) + 1;
const when = (e: ImportedEvent) => ({ date: e.date, time: e.time, zone: e.zone, utcOffset: e.utcOffset, start: e.start, durationMinutes: e.durationMinutes, endTime: e.endTime });

describe("36c3-wiki.json: frab wiki export, no time_zone_name, links as plain strings", () => {
  it("reads all 631 events, without a warning, in CET from their own +01:00 (not Asia/Seoul)", () => {
    const s = schedule("36c3-wiki.json");
    expect(read.get("36c3-wiki.json")!.warnings).toEqual([]);
    expect(s.format).toBe("1.x");
    expect(s.events).toHaveLength(631);
    expect(s.conference).toMatchObject({ title: "36th Chaos Communication Congress - Wiki", acronym: "36c3", timeZone: "UTC+01:00", timeZoneFrom: "offsets", zoneLabel: "CET", start: "2019-12-27", end: "2019-12-30", days: 4 });
    expect(new Set(s.events.map((e) => e.zone))).toEqual(new Set(["CET"]));
  });

  it("states known events at the times their `date` gives, after midnight on the next calendar day", () => {
    // "2019-12-27T20:00:00+01:00", duration "0:10"
    expect(when(byId("36c3-wiki.json", "1298"))).toEqual({ date: "2019-12-27", time: "20:00", zone: "CET", utcOffset: "+01:00", start: "2019-12-27T19:00:00.000Z", durationMinutes: 10, endTime: "20:10" });
    // Listed under 2019-12-27, "2019-12-28T00:00:00+01:00", duration "1:30"
    expect(when(byId("36c3-wiki.json", "1570"))).toMatchObject({ date: "2019-12-28", time: "00:00", durationMinutes: 90, endTime: "01:30" });
    const e = byId("36c3-wiki.json", "1298");
    expect(e).toMatchObject({ room: "Assembly:Free Software Foundation Europe", tracks: ["self organized sessions"], type: "other", language: "en", persons: [{ name: "Dreirik" }] });
    expect(fieldName(e.path)).toBe('schedule.conference.days[0].rooms["Assembly:Free Software Foundation Europe"][0]');
  });

  it("accepts links given as plain strings, and cuts a long description to a readable length", () => {
    expect(byId("36c3-wiki.json", "1479").links).toEqual([
      { title: "b76.ch/9843", url: "https://b76.ch/9843" },
      { title: "b76.ch/9728", url: "https://b76.ch/9728" },
      { title: "b76.ch/9607", url: "https://b76.ch/9607" },
      { title: "b76.ch/9339", url: "https://b76.ch/9339" },
    ]);
    const long = byId("36c3-wiki.json", "1244").description!; // 3,894 characters as published
    expect(long.length).toBeLessThanOrEqual(601);
    expect(long).toMatch(/^This workshop is heavily hands on/);
    expect(long).not.toMatch(/\n|  /);
  });
});

describe("jev22-everything.json: many sub-conferences in one file, Europe/Amsterdam", () => {
  it("reads all 433 events without a warning", () => {
    const s = schedule("jev22-everything.json");
    expect(read.get("jev22-everything.json")!.warnings).toEqual([]);
    expect(s.events).toHaveLength(433);
    expect(s.conference).toMatchObject({ timeZone: "Europe/Amsterdam", timeZoneFrom: "time_zone_name", zoneLabel: "CET", days: 6 });
  });

  it("states times in Europe/Amsterdam, also for the one event written at New York's offset", () => {
    // "2022-12-26T15:00:00+01:00", "02:00"
    expect(when(byId("jev22-everything.json", "9183"))).toEqual({ date: "2022-12-26", time: "15:00", zone: "CET", utcOffset: "+01:00", start: "2022-12-26T14:00:00.000Z", durationMinutes: 120, endTime: "17:00" });
    // "2022-12-27T10:30:00-05:00" is 15:30 UTC, 16:30 in Amsterdam.
    expect(when(byId("jev22-everything.json", "6713"))).toMatchObject({ date: "2022-12-27", time: "16:30", zone: "CET", start: "2022-12-27T15:30:00.000Z", endTime: "17:30" });
    // Listed under 2022-12-27, "2022-12-28T04:00:00+01:00"
    expect(when(byId("jev22-everything.json", "1000"))).toMatchObject({ date: "2022-12-28", time: "04:00" });
  });

  it("keeps what events publish: room, abstract and description as plain text, persons by public name", () => {
    const e = byId("jev22-everything.json", "9183");
    expect(e).toMatchObject({ room: "Vortragsraum 1 - Ahlam - H2-1.6", tracks: ["Freiräume"], language: "de", type: "Diskussion", persons: [{ name: "Peter Arun Pfaff", code: "UMSJZX", id: "139" }] });
    expect(e.abstract).toMatch(/^Eine Oral-History der Freiräume für Kunst und Kultur in München, mit Ausblick auf 2023 Welche Kämpfe/);
    expect(e.description).not.toMatch(/\r|\n/);
    expect(byId("jev22-everything.json", "2920").description).not.toContain("&quot;");
    expect(byId("jev22-everything.json", "9553").tracks).toEqual([]);
    // No biographies or answers: only what a schedule shows publicly.
    expect(Object.keys(e.persons[0]).sort()).toEqual(["code", "id", "name"]);
  });
});

describe("pretalx-democon.json: pretalx, time_zone_name UTC but every date written at +01:00", () => {
  it("states times in the named zone, and says once that the offsets disagree with it", () => {
    const s = schedule("pretalx-democon.json");
    expect(s.events).toHaveLength(36);
    // "2020-12-14T09:00:00+01:00" is 08:00 UTC.
    expect(when(byId("pretalx-democon.json", "25"))).toEqual({ date: "2020-12-14", time: "08:00", zone: "UTC", utcOffset: "+00:00", start: "2020-12-14T08:00:00.000Z", durationMinutes: 30, endTime: "08:30" });
    // "2020-12-16T14:00:00+01:00", "01:30"
    expect(when(byId("pretalx-democon.json", "50"))).toMatchObject({ date: "2020-12-16", time: "13:00", endTime: "14:30" });
    expect(byId("pretalx-democon.json", "50").persons).toEqual([{ name: "Randy Crawford", code: expect.any(String), id: expect.any(String) }]);
    const text = texts.get("pretalx-democon.json")!;
    expect(read.get("pretalx-democon.json")!.warnings).toEqual([
      {
        file: "pretalx-democon.json",
        line: lineOf(text, '"time_zone_name": "UTC"'),
        field: "schedule.conference.time_zone_name",
        message: expect.stringMatching(/^36 of 36 events are written at another UTC offset .*"Focused 5thgeneration hardware" at \+01:00, UTC is \+00:00.*stated in UTC$/),
        value: '"UTC"',
      },
    ]);
  });
});

describe("hub-schedule2.json: schedule JSON 2.0", () => {
  it("reads the flat event list, rooms and tracks by reference, persons from schedule.persons", () => {
    const s = schedule("hub-schedule2.json");
    expect(read.get("hub-schedule2.json")!.warnings).toEqual([]);
    expect(s).toMatchObject({ format: "2.0", version: "2024-12-26 20:23" });
    expect(s.conference).toMatchObject({ title: "38C3", acronym: "38c3", url: "https://events.ccc.de/congress/2024/", timeZone: "Europe/Berlin", zoneLabel: "CET", start: "2024-12-27", end: "2024-12-30" });
    expect(s.conference.rooms).toEqual(["Saal 1", "Saal GLITCH", "Saal ZIGZAG", "Stage HUFF", "Stage YELL"]);
    expect(s.conference.tracks[0]).toEqual({ name: "Art & Beauty", color: "#F9B000" });
    const [opening, nfs] = s.events;
    expect(opening).toMatchObject({ guid: "270fa44c-821a-577f-8ca3-33e8d4a8c2a7", code: "HQCCYH", title: "38C3: Opening Ceremony", type: "OTHER", room: "Saal 1", tracks: ["CCC"], language: "en" });
    expect(opening.id).toBeUndefined();
    // "2024-12-27T10:30:00+01:00" to "…11:00:00+01:00"
    expect(when(opening)).toEqual({ date: "2024-12-27", time: "10:30", zone: "CET", utcOffset: "+01:00", start: "2024-12-27T09:30:00.000Z", durationMinutes: 30, endTime: "11:00" });
    expect(opening.persons.map((p) => [p.name, p.role])).toEqual([["Gabriela Bogk", "SPEAKER"], ["Aline Blankertz", "SPEAKER"], ["Senficon", "CONTRIBUTOR"]]);
    expect(opening.persons[0].url).toBe("https://events.ccc.de/congress/2024/hub/user/speaker_0c16ffaa-709d-599f-959f-9a38b911361a/");
    expect(opening.links).toEqual([
      { title: "foo bar", url: "https://example.net/" },
      { title: "fahrplan.events.ccc.de/congress/2024/fahrplan/talk/HQCCYH/", url: "https://fahrplan.events.ccc.de/congress/2024/fahrplan/talk/HQCCYH/", type: "ORIGIN" },
      { title: "fahrplan.events.ccc.de/congress/2024/fahrplan/talk/HQCCYH/feedback/", url: "https://fahrplan.events.ccc.de/congress/2024/fahrplan/talk/HQCCYH/feedback/", type: "FEEDBACK" },
    ]);
    // Track by slug; "2024-12-28T00:15:00+01:00" to "…00:55:00+01:00"
    expect(nfs).toMatchObject({ room: "Saal ZIGZAG", tracks: ["Hardware & Making"], subtitle: "Most Wanted Using Deep Reinforcement Learning", date: "2024-12-28", time: "00:15", endTime: "00:55" });
    // 968 characters as published: cut after the last sentence that fits in about 600.
    expect(nfs.description).toMatch(/^15 years ago, .* Hence I thought: "How hard can it possibly be\?"\.$/);
    expect(nfs.description!.length).toBeLessThanOrEqual(600);
  });
});

describe("invalid-example.json: the c3voc validator's invalid example", () => {
  it("is read, with a warning for what the format does not allow, placed by path and line and shown", () => {
    const s = schedule("invalid-example.json");
    const text = texts.get("invalid-example.json")!;
    expect(s.events).toHaveLength(1);
    // "2022-12-28T14:00:00+01:00" in Europe/Zurich, "00:45"
    expect(when(s.events[0])).toEqual({ date: "2022-12-28", time: "14:00", zone: "CET", utcOffset: "+01:00", start: "2022-12-28T13:00:00.000Z", durationMinutes: 45, endTime: "14:45" });
    expect(s.events[0]).toMatchObject({ id: "2814", persons: [{ name: "Mänu", code: "MÄaN0", id: "dsadf" }] });
    expect(s.events[0].description).toMatch(/ausgenützt werden können\. Eine Mischung aus Theorie/);
    expect(s.events[0].description).not.toContain("<br");
    const [warning] = read.get("invalid-example.json")!.warnings;
    expect(warning).toEqual({
      file: "invalid-example.json",
      line: lineOf(text, '"rooms": ['),
      field: "schedule.rooms",
      message: "the room list belongs in schedule.conference.rooms: read from here",
      value: expect.stringMatching(/^\[\{"name": "Winterchaos", "guid": "99411f15-7335-4d36-abac-3ff0419ec954", .{0,20}…$/),
    });
    expect(warning.value!.length).toBeLessThanOrEqual(80);
    expect(s.conference.rooms).toEqual(["Winterchaos"]);
  });

  it("minified, places the same warning by JSON path only — never 'line 1'", () => {
    const minified = JSON.stringify(JSON.parse(texts.get("invalid-example.json")!));
    const r = parseSchedule("min.json", minified);
    expect(r.warnings).toEqual([expect.objectContaining({ field: "schedule.rooms", value: expect.stringMatching(/^\[\{"name": "Winterchaos"/) })]);
    expect(r.warnings[0].line).toBeUndefined();
    expect(formatProblem(r.warnings[0])).toMatch(/^min\.json \(schedule\.rooms\): the room list belongs/);
  });
});

describe("every real export loads as knowledge on its own", () => {
  let folder: Awaited<ReturnType<typeof tempFolder>>;
  beforeAll(async () => {
    folder = await tempFolder();
  });
  afterAll(() => folder.remove());

  // Each becomes an event of its own, named by its conference's acronym.
  const EVENTS: Record<(typeof FILES)[number], string> = {
    "36c3-wiki.json": "36c3",
    "jev22-everything.json": "jev22",
    "pretalx-democon.json": "democon",
    "hub-schedule2.json": "38c3",
    "invalid-example.json": "winterchaos2022",
  };

  it.each(FILES.map((f) => [f]))("%s", async (file) => {
    // Written to a temporary folder (outside the repo) for the loader, one file at a time.
    const dir = `${folder.dir}/${file.replace(/\.json$/, "")}`;
    await folder.write(`${file.replace(/\.json$/, "")}/${file}`, texts.get(file)!);
    const r = await loadKnowledge(dir);
    expect(r.problems).toEqual([]);
    expect(r.warnings).toEqual(read.get(file)!.warnings);
    const events = schedule(file).events;
    const k = r.knowledge!;
    const event = EVENTS[file];
    expect([...k.events.keys()]).toEqual([event]);
    expect(k.sessions.size).toBe(events.length);
    expect([...k.sessions.values()].every((s) => s.event === event && s.key === keyOf(event, s.id))).toBe(true);
    const id = (events[0].id ?? events[0].code!).toLowerCase();
    const first = k.sessions.get(keyOf(event, id))!;
    expect(first).toMatchObject({ id, event, date: events[0].date, time: events[0].time, zone: events[0].zone });
    expect(first.quote).toContain(`${events[0].date} ${events[0].time} ${events[0].zone}`);
  });

  it("all five load side by side as five events, none losing a session to another's ids", async () => {
    for (const file of FILES) await folder.write(`together/${file}`, texts.get(file)!);
    const r = await loadKnowledge(`${folder.dir}/together`);
    expect(r.problems).toEqual([]);
    const k = r.knowledge!;
    expect(new Set(k.events.keys())).toEqual(new Set(Object.values(EVENTS)));
    for (const file of FILES) {
      expect([...k.sessions.values()].filter((s) => s.event === EVENTS[file])).toHaveLength(schedule(file).events.length);
    }
  });
});
