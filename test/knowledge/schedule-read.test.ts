// Schedules written here, imitating what real exports do: recurring events sharing a guid, colliding ids, links
// as strings or without a scheme, persons with only a public name, HTML abstracts, DST, offsets without a zone,
// versions, minified files and junk.
import { readFile } from "node:fs/promises";
import { afterEach, describe, expect, it } from "vitest";
import { Bot } from "../../src/core/bot.js";
import { loadKnowledge } from "../../src/core/knowledge/load.js";
import { parseSchedule, type ImportedEvent, type ScheduleResult } from "../../src/core/knowledge/schedule.js";
import { ask } from "../core/fixture.js";
import { REAL_SCHEDULES, tempFolder } from "./schedule-fixtures.js";

type Json = Record<string, unknown>;

let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => {
  await cleanup?.();
  cleanup = undefined;
});

async function load(files: Record<string, string>) {
  const f = await tempFolder();
  cleanup = f.remove;
  for (const [name, text] of Object.entries(files)) await f.write(name, text);
  return { dir: f.dir, ...(await loadKnowledge(f.dir)) };
}

const guid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;

/** An event as pretalx writes it, at 30 minutes. */
const ev = (id: number, date: string, extra: Json = {}): Json => ({
  id,
  guid: guid(id),
  date,
  duration: "00:30",
  room: "Saal 1",
  slug: `conf-${id}`,
  title: `Talk ${id}`,
  track: null,
  type: "talk",
  language: "en",
  persons: [{ id: id + 100, code: `P${id}`, public_name: `Speaker ${id}` }],
  links: [],
  ...extra,
});

/** A schedule JSON 1.x with all events in one room of one day, pretty-printed. */
function v1(events: Json[], conference: Json = {}, schedule: Json = {}): string {
  return JSON.stringify(
    {
      $schema: "https://c3voc.de/schedule/schema.json",
      schedule: {
        version: "1.0",
        ...schedule,
        conference: {
          acronym: "fixture24",
          title: "Fixture Conference",
          start: "2024-03-30",
          end: "2024-03-31",
          daysCount: 2,
          timeslot_duration: "00:05",
          time_zone_name: "Europe/Berlin",
          ...conference,
          days: [{ index: 1, date: "2024-03-30", day_start: "2024-03-30T09:00:00+01:00", day_end: "2024-03-31T04:00:00+02:00", rooms: { "Saal 1": events } }],
        },
      },
    },
    null,
    2,
  );
}

const read = (text: string, origin = "fixture.json"): ScheduleResult => parseSchedule(origin, text);
const events = (text: string) => {
  const r = read(text);
  expect(r.problems).toEqual([]);
  return r.schedule!.events;
};
const time = (e: ImportedEvent) => [e.date, e.time, e.zone, e.utcOffset, e.endTime];
const lineOf = (text: string, needle: string) => text.split("\n").findIndex((l) => l.includes(needle)) + 1;

describe("identity", () => {
  it("keeps every occurrence of a recurring workshop that shares one guid, each as its own session", async () => {
    const daily = (day: number) => ev(42, `2024-03-${String(28 + day).padStart(2, "0")}T14:00:00+01:00`, { guid: guid(42), title: "Lockpicking workshop" });
    const text = v1([daily(1), daily(2), daily(3)]);
    const r = read(text);
    expect(r.warnings).toEqual([]);
    expect(r.schedule!.events.map((e) => [e.guid, e.occurrence, e.date])).toEqual([
      [guid(42), 0, "2024-03-29"],
      [guid(42), 1, "2024-03-30"],
      [guid(42), 2, "2024-03-31"],
    ]);
    const loaded = await load({ "schedule.json": text });
    expect(loaded.problems).toEqual([]);
    expect([...loaded.knowledge!.sessions.values()].map((s) => [s.id, s.date, s.time])).toEqual([
      ["42", "2024-03-29", "14:00"],
      ["42-2", "2024-03-30", "14:00"],
      // 13:00 UTC on the 31st is after the change to summer time.
      ["42-3", "2024-03-31", "15:00"],
    ]);
  });

  it("tells apart events whose small ids collide (two pretalx exports in one file) by their guids", async () => {
    const text = v1([ev(7, "2024-03-30T10:00:00+01:00", { guid: guid(1007), title: "From export A" }), ev(7, "2024-03-30T11:00:00+01:00", { guid: guid(2007), title: "From export B" })]);
    const r = read(text);
    expect(r.warnings).toEqual([]);
    expect(r.schedule!.events.map((e) => [e.id, e.guid, e.occurrence])).toEqual([
      ["7", guid(1007), 0],
      ["7", guid(2007), 0],
    ]);
    const loaded = await load({ "schedule.json": text });
    expect([...loaded.knowledge!.sessions.values()].map((s) => [s.id, s.title.en])).toEqual([
      ["7", "From export A"],
      ["7-2", "From export B"],
    ]);
  });

  it("falls back to the id (then code, slug) when there is no guid", () => {
    const [a, b] = events(v1([ev(5, "2024-03-30T10:00:00+01:00", { guid: undefined }), ev(6, "2024-03-30T11:00:00+01:00", { guid: undefined, id: undefined, code: "XYZ9" })]));
    expect([a.guid, b.guid]).toEqual(["id:5", "code:XYZ9"]);
  });
});

describe("links, pages and persons as organisers write them", () => {
  const text = v1(
    [
      ev(1, "2024-03-30T10:00:00+01:00", {
        url: "events.example.org/talk/1",
        links: [
          "www.example.org/slides",
          "https://ok.example/x",
          { url: "example.com", title: "Home" },
          { url: "/media/a.pdf", title: "Paper", type: "paper" },
          "mailto:x@example.org",
          "javascript:alert(1)",
          { title: "no url" },
          "Slides on request",
          "//cdn.example.net/v.mp4",
          "https://ok.example/x",
        ],
        persons: [
          { public_name: "Only Public" },
          { name: "Only Name", code: "ABC123", url: "github.com/only-name" },
          "Plain String",
          { organisation: "Org", biography: "A long biography that must not be kept." },
          { public_name: "", name: "  " },
          42,
        ],
      }),
    ],
    {},
    { base_url: "https://events.example.org/2024/" },
  );
  const at = (rest: string) => `schedule.conference.days[0].rooms["Saal 1"][0].${rest}`;

  it("accepts links as strings, adds https:// to addresses without a scheme, reads relative ones against base_url", () => {
    const [e] = read(text).schedule!.events;
    expect(e.url).toBe("https://events.example.org/talk/1");
    expect(e.links).toEqual([
      { title: "www.example.org/slides", url: "https://www.example.org/slides" },
      { title: "ok.example/x", url: "https://ok.example/x" },
      { title: "Home", url: "https://example.com/" },
      { title: "Paper", url: "https://events.example.org/media/a.pdf", type: "paper" },
      { title: "cdn.example.net/v.mp4", url: "https://cdn.example.net/v.mp4" },
    ]);
  });

  it("drops what is no web address with a warning that shows it", () => {
    const links = read(text).warnings.filter((w) => w.field?.includes(".links"));
    expect(links.map((w) => [w.field, w.message, w.value])).toEqual([
      [at("links[4]"), "not a web address (mailto: link): the link is left out", '"mailto:x@example.org"'],
      [at("links[5]"), "not a web address (javascript: link): the link is left out", '"javascript:alert(1)"'],
      [at("links[6]"), "a link without a web address: left out", '{"title": "no url"}'],
      [at("links[7]"), "not a web address: the link is left out", '"Slides on request"'],
    ]);
    expect(links.map((w) => w.line)).toEqual([lineOf(text, '"mailto:'), lineOf(text, '"javascript:'), lineOf(text, '"no url"') - 1, lineOf(text, '"Slides on request"')]);
  });

  it("takes a person's public name (or name, or a plain string), and only what is public", () => {
    const r = read(text);
    expect(r.schedule!.events[0].persons).toEqual([
      { name: "Only Public" },
      { name: "Only Name", code: "ABC123", url: "https://github.com/only-name" },
      { name: "Plain String" },
    ]);
    expect(r.warnings.filter((w) => w.field?.includes(".persons")).map((w) => [w.field, w.message, w.value])).toEqual([
      [at("persons[3]"), "a person without a name (public_name or name): left out", '{"organisation": "Org", "biography": "A long biography that must not be kept."}'],
      [at("persons[4]"), "a person without a name (public_name or name): left out", '{"public_name": "", "name": "  "}'],
      [at("persons[5]"), "not a person: left out", "42"],
    ]);
  });

  it("loads: the speakers are people, the links the session's", async () => {
    const loaded = await load({ "schedule.json": text });
    expect(loaded.problems).toEqual([]);
    expect(loaded.warnings).toHaveLength(7);
    const k = loaded.knowledge!;
    const s = [...k.sessions.values()].find((x) => x.id === "1")!;
    expect(s.speakers.map((key) => k.people.get(key)!.id)).toEqual(["only-public", "only-name", "plain-string"]);
    expect(s.links.map((l) => l.url)).toContain("https://events.example.org/media/a.pdf");
    expect(s.url).toBe("https://events.example.org/talk/1");
  });
});

describe("abstracts and descriptions", () => {
  const long = "Sentence number one is here. ".repeat(60);
  const text = v1([
    ev(1, "2024-03-30T10:00:00+01:00", {
      title: "Brewing",
      abstract: "<p>Hello&nbsp;<b>world</b> &amp; friends&#33;</p><script>alert(1)</script><br/>Line&#x20;two: zymurgy &unknown; 3 < 4\r\n\r\n",
      description: long,
    }),
  ]);

  it("are plain text: HTML stripped, entities decoded, whitespace folded, cut at a sentence to a readable length", () => {
    const [e] = events(text);
    expect(e.abstract).toBe("Hello world & friends! Line two: zymurgy &unknown; 3 < 4");
    expect(long.length).toBeGreaterThan(1700);
    expect(e.description!.length).toBeLessThanOrEqual(600);
    expect(e.description).toMatch(/^(Sentence number one is here\. )+Sentence number one is here\.$/);
  });

  it("are searchable once loaded: a word only in the abstract finds the session", async () => {
    // Beside it, a session about something else, which the word must not find.
    const [brewing] = JSON.parse(text).schedule.conference.days[0].rooms["Saal 1"];
    const other = ev(2, "2024-03-30T11:00:00+01:00", { abstract: "<p>Baking bread at home.</p>" });
    const loaded = await load({ "schedule.json": v1([brewing, other]) });
    // Kept as published, in the session's own words (no translation to pair it with): its abstract, not a summary.
    expect(loaded.knowledge!.sessions.size).toBe(2);
    const s = [...loaded.knowledge!.sessions.values()].find((x) => x.id === "1")!;
    expect(s.abstract).toMatch(/zymurgy/);
    expect(s.summary).toBeUndefined();
    const bot = await Bot.create({ knowledgeDir: loaded.dir });
    const a = await ask(bot, "talks about zymurgy?", { lang: "en" });
    expect(a.answered).toBe(true);
    expect(a.body).toMatch(/^- \*\*Brewing\*\*: Hello world & friends! Line two: zymurgy/);
    expect(a.body).not.toContain("Talk 2");
    expect(a.citations.map((c) => c.quote)).toEqual([expect.stringMatching(/^‘Brewing’ — Speaker 1, 2024-03-30 10:00 CET/)]);
  });
});

describe("times", () => {
  const dst = [
    ev(1, "2024-03-30T10:00:00+01:00"),
    // 01:30 CET for an hour: the clocks go forward at 02:00, so it ends at 03:30 CEST.
    ev(2, "2024-03-31T01:30:00+01:00", { duration: "01:00" }),
    ev(3, "2024-03-31T10:00:00+02:00"),
    // Written with the winter offset after the change: 09:00 UTC, which is 11:00 in Berlin that day.
    ev(4, "2024-03-31T10:00:00+01:00"),
    // No offset: a wall-clock time in the schedule's zone.
    ev(5, "2024-03-31T10:00:00"),
    // The hour that happens twice when the clocks go back: once in summer time, once in winter time.
    ev(6, "2024-10-27T02:30:00+02:00"),
    ev(7, "2024-10-27T02:30:00+01:00"),
  ];

  it("are stated in time_zone_name from each event's own instant, across both DST changes", () => {
    const r = read(v1(dst));
    expect(r.warnings).toEqual([]);
    expect(r.schedule!.events.map(time)).toEqual([
      ["2024-03-30", "10:00", "CET", "+01:00", "10:30"],
      ["2024-03-31", "01:30", "CET", "+01:00", "03:30"],
      ["2024-03-31", "10:00", "CEST", "+02:00", "10:30"],
      ["2024-03-31", "11:00", "CEST", "+02:00", "11:30"],
      ["2024-03-31", "10:00", "CEST", "+02:00", "10:30"],
      // Half an hour later the clocks have gone back: 02:00 CET.
      ["2024-10-27", "02:30", "CEST", "+02:00", "02:00"],
      ["2024-10-27", "02:30", "CET", "+01:00", "03:00"],
    ]);
    expect(r.schedule!.events.map((e) => e.start)).toEqual([
      "2024-03-30T09:00:00.000Z", "2024-03-31T00:30:00.000Z", "2024-03-31T08:00:00.000Z", "2024-03-31T09:00:00.000Z",
      "2024-03-31T08:00:00.000Z", "2024-10-27T00:30:00.000Z", "2024-10-27T01:30:00.000Z",
    ]);
    expect(r.schedule!.events[1].durationMinutes).toBe(60);
    // Named by what most of its times are in.
    expect(r.schedule!.conference).toMatchObject({ timeZone: "Europe/Berlin", timeZoneFrom: "time_zone_name", zoneLabel: "CEST" });
  });

  it("without time_zone_name are stated at each event's own offset, named CET or CEST", () => {
    const r = read(v1(dst, { time_zone_name: undefined }));
    expect(r.schedule!.events.map(time)).toEqual([
      ["2024-03-30", "10:00", "CET", "+01:00", "10:30"],
      ["2024-03-31", "01:30", "CET", "+01:00", "02:30"],
      ["2024-03-31", "10:00", "CEST", "+02:00", "10:30"],
      ["2024-03-31", "10:00", "CET", "+01:00", "10:30"],
      // Neither an offset nor a zone: as written, in no zone, and said once.
      ["2024-03-31", "10:00", undefined, undefined, "10:30"],
      ["2024-10-27", "02:30", "CEST", "+02:00", "03:00"],
      ["2024-10-27", "02:30", "CET", "+01:00", "03:00"],
    ]);
    expect(r.schedule!.events[4].start).toBeUndefined();
    expect(r.schedule!.conference).toMatchObject({ timeZone: "UTC+01:00", timeZoneFrom: "offsets", zoneLabel: "CET" });
    expect(r.warnings).toEqual([
      expect.objectContaining({ field: "schedule.conference.time_zone_name", message: expect.stringMatching(/^1 event has a time without a UTC offset/) }),
    ]);
  });

  it("at +09:00 without time_zone_name are KST; Z is UTC; other offsets are named by the offset", () => {
    const text = v1([ev(1, "2022-12-07T11:00:00+09:00"), ev(2, "2022-12-07T02:00:00Z"), ev(3, "2022-12-07T16:30:00+05:30")], { time_zone_name: undefined });
    expect(events(text).map(time)).toEqual([
      ["2022-12-07", "11:00", "KST", "+09:00", "11:30"],
      ["2022-12-07", "02:00", "UTC", "+00:00", "02:30"],
      ["2022-12-07", "16:30", "UTC+05:30", "+05:30", "17:00"],
    ]);
  });

  it("in Asia/Seoul are KST whatever offset they are written at; UTC (Z) is no disagreement with the zone", () => {
    const r = read(v1([ev(1, "2022-12-07T02:00:00Z"), ev(2, "2022-12-07T03:00:00Z"), ev(3, "2022-12-07T11:00:00+09:00")], { time_zone_name: "Asia/Seoul" }));
    expect(r.warnings).toEqual([]);
    expect(r.schedule!.events.map(time)).toEqual([
      ["2022-12-07", "11:00", "KST", "+09:00", "11:30"],
      ["2022-12-07", "12:00", "KST", "+09:00", "12:30"],
      ["2022-12-07", "11:00", "KST", "+09:00", "11:30"],
    ]);
  });

  it("an unknown time_zone_name is a warning and the offsets are used", () => {
    const r = read(v1([ev(1, "2024-03-30T10:00:00+01:00")], { time_zone_name: "Mars/Olympus" }));
    expect(r.schedule!.events.map(time)).toEqual([["2024-03-30", "10:00", "CET", "+01:00", "10:30"]]);
    expect(r.warnings).toEqual([expect.objectContaining({ field: "schedule.conference.time_zone_name", value: '"Mars/Olympus"' })]);
  });

  it("an unreadable date falls back to the day's date and the deprecated start, or keeps the event on its day", () => {
    const r = read(v1([ev(1, "30.03.2024 10:00", { start: "10:00" }), ev(2, "2024-02-30T10:00:00+01:00", { start: "05:00" }), ev(3, "soon")]));
    expect(r.schedule!.events.map(time)).toEqual([
      ["2024-03-30", "10:00", "CET", "+01:00", "10:30"],
      // Before the day's start (09:00): after midnight, on the next calendar day.
      ["2024-03-31", "05:00", "CEST", "+02:00", "05:30"],
      ["2024-03-30", undefined, undefined, undefined, undefined],
    ]);
    expect(r.warnings.map((w) => [w.message, w.value])).toEqual([
      ["not a date-time, e.g. 2022-12-07T11:00:00+09:00: read from its day and start instead (2024-03-30 10:00)", '"30.03.2024 10:00"'],
      ["not a real date-time: read from its day and start instead (2024-03-31 05:00)", '"2024-02-30T10:00:00+01:00"'],
      ["not a date-time, e.g. 2022-12-07T11:00:00+09:00: the event is kept on its day (2024-03-30) without a time", '"soon"'],
    ]);
  });
});

describe("versions", () => {
  it("reads 2.0 by its shape even without $schema", async () => {
    const hub = JSON.parse(await readFile(`${REAL_SCHEDULES}/hub-schedule2.json`, "utf8"));
    delete hub.$schema;
    const r = read(JSON.stringify(hub));
    expect(r.schedule).toMatchObject({ format: "2.0", events: [{ code: "HQCCYH" }, { code: "TPGRNN" }] });
  });

  it("names a version it does not read", () => {
    const r = read(JSON.stringify({ $schema: "https://c3voc.de/schema/schedule3", schedule: { version: "x", conference: {}, events: [] } }));
    expect(r.schedule).toBeUndefined();
    expect(r.problems).toEqual([
      { file: "fixture.json", field: "$schema", message: "schedule JSON version 3 is not one this bot reads (it reads 1.x — pretalx, frab, c3voc — and 2.0)", value: '"https://c3voc.de/schema/schedule3"' },
    ]);
  });

  it("a 2.0 event that cannot be read is a warning at its path; the rest is kept", () => {
    const text = JSON.stringify(
      {
        $schema: "https://c3voc.de/schema/schedule2",
        schedule: {
          version: "1",
          conference: { title: "Hub", acronym: "hub24", time_zone_name: "Europe/Berlin", rooms: [{ name: "Saal 1", guid: "r1" }], tracks: [{ name: "Science", slug: "science" }] },
          events: [
            { guid: guid(1), code: "AAA", title: "Kept", start: "2024-12-27T10:00:00+01:00", end: "2024-12-27T10:45:00+01:00", room: { guid: "r1" }, track: { slug: "science" }, participants: [{ guid: "p1", name: "Ada" }], abstract: { de: "Hallo", en: "Hello" } },
            { guid: guid(2), code: "BBB", title: "No time", start: "tomorrow", room: { guid: "nowhere" }, participants: [] },
            "not an event",
          ],
        },
      },
      null,
      2,
    );
    const r = read(text);
    expect(r.schedule!.events.map((e) => [e.code, e.date, e.time, e.room, e.tracks, e.durationMinutes, e.abstract])).toEqual([
      ["AAA", "2024-12-27", "10:00", "Saal 1", ["Science"], 45, "Hello"],
      ["BBB", undefined, undefined, undefined, [], undefined, undefined],
    ]);
    expect(r.warnings.map((w) => [w.field, w.line, w.value])).toEqual([
      ["schedule.events[1].room", lineOf(text, '"nowhere"') - 1, '{"guid": "nowhere"}'],
      ["schedule.events[1].start", lineOf(text, '"tomorrow"'), '"tomorrow"'],
      ["schedule.events[2]", lineOf(text, '"not an event"'), '"not an event"'],
    ]);
  });

  it.each([
    ["[]", "schedule"],
    ['{"schedule": 1}', "schedule"],
    ['{"schedule": {"version": "1"}}', "schedule"],
    ['{"schedule": {"conference": {"title": "x"}}}', "schedule.conference.days"],
    ['{"schedule": {"conference": {"title": "x"}, "events": {}}}', "schedule.events"],
  ])("%s is not a schedule it can read: a problem at %s", (text, field) => {
    const r = read(text);
    expect(r.schedule).toBeUndefined();
    expect(r.problems).toEqual([expect.objectContaining({ file: "fixture.json", field, message: expect.stringMatching(/^(not a schedule|no events to read)/) })]);
    expect(r.problems[0].line).toBeUndefined();
  });
});

describe("placing problems", () => {
  const broken = v1([ev(1, "2024-03-30T10:00:00+01:00"), ev(2, "2024-13-01T10:00:00+01:00", { links: ["javascript:void(0)"], duration: "half an hour" })]);

  it("in a pretty-printed file: JSON path, line and value", () => {
    expect(read(broken).warnings.map((w) => [w.field, w.line, w.value])).toEqual([
      ['schedule.conference.days[0].rooms["Saal 1"][1].links[0]', lineOf(broken, "javascript:void(0)"), '"javascript:void(0)"'],
      ['schedule.conference.days[0].rooms["Saal 1"][1].date', lineOf(broken, "2024-13-01"), '"2024-13-01T10:00:00+01:00"'],
      ['schedule.conference.days[0].rooms["Saal 1"][1].duration', lineOf(broken, "half an hour"), '"half an hour"'],
    ]);
  });

  it("in a minified file: the same JSON paths and values, and no line", () => {
    const pretty = read(broken).warnings;
    const minified = read(JSON.stringify(JSON.parse(broken))).warnings;
    expect(minified).toEqual(pretty.map(({ line: _line, ...w }) => w));
  });

  it("shows a long value cut to about 80 characters", () => {
    const [w] = read(v1([ev(1, `${"x".repeat(500)}`)])).warnings;
    expect(w.value).toMatch(/^"x+…$/);
    expect(w.value!.length).toBe(80);
  });
});

describe("junk and size", () => {
  it("a 5 MB nested junk file is reported as no schedule, at its path, without parsing it", () => {
    const levels = 2_500_000;
    const junk = `{"schedule": {"conference": {"title": "x", "days": ${"[".repeat(levels)}${"]".repeat(levels)}}}}`;
    expect(junk.length).toBeGreaterThan(5_000_000);
    const heap = process.memoryUsage().heapUsed;
    const r = read(junk, "junk.json");
    expect(r.problems).toEqual([
      expect.objectContaining({ file: "junk.json", field: expect.stringMatching(/^schedule\.conference\.days\[0\]\[0\]/), message: expect.stringMatching(/^not a schedule: nested more than 64 levels deep/) }),
    ]);
    expect(r.problems[0].line).toBeUndefined();
    expect(process.memoryUsage().heapUsed - heap).toBeLessThan(200e6);
  });

  it("a 5 MB file of broken events keeps what it can, and lists the first warnings then counts the rest", () => {
    const junkEvent = (i: number) => ({ id: { no: i }, date: "soon", title: `Junk ${i}`, persons: [7], links: "none", padding: "x".repeat(60) });
    const text = JSON.stringify({ schedule: { version: "1", conference: { title: "Junk", days: [{ date: "2024-01-01", rooms: { Hall: Array.from({ length: 34_000 }, (_, i) => junkEvent(i)) } }] } } });
    expect(text.length).toBeGreaterThan(5_000_000);
    const r = read(text, "junk.json");
    expect(r.schedule!.events).toHaveLength(34_000);
    expect(r.warnings).toHaveLength(101);
    expect(r.warnings[100].message).toMatch(/^135900 more warnings not listed: 33975 × not an id: left out; 33975 × not a list: left out; 33975 × not a person: left out; 33975 × not a date-time/);
    expect(r.warnings.every((w) => w.line === undefined)).toBe(true);
  });

  it("a 5 MB export with thousands of events imports whole, every time stated", () => {
    const abstract = "A talk about schedules, time zones and the people who publish them. ".repeat(6);
    const many = Array.from({ length: 7_000 }, (_, i) =>
      ev(i + 1, `2024-03-${String(30 + (i % 2)).padStart(2, "0")}T${String(9 + (i % 12)).padStart(2, "0")}:00:00+0${1 + (i % 2)}:00`, { abstract, description: abstract }),
    );
    const text = v1(many);
    expect(text.length).toBeGreaterThan(5_000_000);
    const r = read(text);
    expect(r.warnings).toEqual([]);
    expect(r.schedule!.events).toHaveLength(7_000);
    expect(r.schedule!.events.every((e) => e.time && e.zone && e.start)).toBe(true);
  });
});
