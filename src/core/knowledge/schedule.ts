// Reads a pretalx / frab "schedule JSON" (https://c3voc.de/schedule/schema.json) into sessions with their
// track names and persons, each cited by a line of the published data. Matching those names to the
// pack's tracks and people is the merge's job (schedule-merge.ts).
import { z } from "zod";
import { issueProblems, linesOf, parseWithLines, type LineOf, type Path } from "./places.js";
import { sessionKinds, type KnowledgeProblem, type Session, type Source } from "./schema.js";

const text = z.string().trim().min(1);
const nullable = <T extends z.ZodType>(t: T) => t.nullish().transform((v) => v ?? undefined);

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/;

/** Why a text is not an ISO date-time with an offset; Date.parse alone would roll 02-30 over to March. */
function dateTimeProblem(s: string): string | undefined {
  const m = DATE_TIME.exec(s);
  if (!m) return "a date-time with its offset, e.g. 2022-12-07T11:00:00+09:00";
  const [y, mo, d, h, mi, sec] = m.slice(1).map((x) => Number(x ?? 0));
  const day = new Date(Date.UTC(y, mo - 1, d));
  const real = day.getUTCMonth() === mo - 1 && day.getUTCDate() === d && h < 24 && mi < 60 && sec < 60;
  return real ? undefined : "not a real date-time";
}

const dateTime = z.string().superRefine((s, ctx) => {
  const message = dateTimeProblem(s);
  if (message) ctx.addIssue({ code: "custom", message });
});

const timeZone = z.string().refine((tz) => {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}, "not an IANA time zone (e.g. Asia/Seoul)");

const personSchema = z
  .object({
    name: nullable(text),
    // pretalx and frab call it public_name.
    public_name: nullable(text),
    handle: nullable(text),
    organisation: nullable(text),
  })
  .refine((p) => p.name ?? p.public_name, "a person needs a name (or public_name)");

const eventSchema = z.object({
  id: z.union([z.number().int().nonnegative(), z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, "letters, digits, '.', '_' or '-'")]),
  date: dateTime,
  title: text,
  track: nullable(z.string().trim()),
  type: nullable(z.string()),
  url: nullable(z.url()),
  persons: z.array(personSchema).default([]),
  links: z.array(z.object({ title: text, url: z.url() })).default([]),
});

export const scheduleFileSchema = z.object({
  schedule: z.object({
    conference: z.object({
      acronym: nullable(text),
      title: text,
      url: nullable(z.url()),
      time_zone_name: nullable(timeZone),
      tracks: z.array(z.object({ name: text })).default([]),
      days: z.array(z.object({ rooms: z.record(z.string(), z.array(eventSchema)) })),
    }),
  }),
});

type ScheduleFile = z.infer<typeof scheduleFileSchema>;
type ScheduleEvent = z.infer<typeof eventSchema>;
type SchedulePerson = z.infer<typeof personSchema>;

/** A person as the schedule names them. */
export interface ImportedPerson {
  name: string;
  handle?: string;
  organisation?: string;
}

/** One event as a session whose tracks and speakers are still the schedule's names. */
export interface ImportedEvent {
  session: Session;
  trackNames: string[];
  persons: ImportedPerson[];
  path: Path;
}

export interface ImportedSchedule {
  /** The file (relative to the knowledge folder) or URL it came from. */
  origin: string;
  source: Source;
  /** Every track name, in order: the conference's list, then any only events use. */
  trackNames: string[];
  /** A line of the published data for the tracks: the conference's track list. */
  trackQuote: string;
  events: ImportedEvent[];
  lineOf: LineOf;
}

const DEFAULT_TIME_ZONE = "Asia/Seoul";
const ZONE_LABEL: Record<string, string> = { "Asia/Seoul": "KST" };

/** Whether parsed JSON is meant as a schedule: it has a top-level `schedule`. */
export const looksLikeSchedule = (value: unknown): boolean => typeof value === "object" && value !== null && "schedule" in value;

/** Parses a schedule's text; syntax and shape problems go into `problems`, placed by line and field. */
export function parseSchedule(origin: string, body: string, problems: KnowledgeProblem[]): ImportedSchedule | undefined {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (e) {
    // JSON.parse does not always say where; then the YAML parser, which reads JSON too, may.
    const { doc, lineCounter } = parseWithLines(body);
    const position = /at position (\d+)/.exec((e as Error).message)?.[1];
    const at = position === undefined ? doc.errors[0]?.pos[0] : Number(position);
    problems.push({ file: origin, line: at === undefined ? undefined : lineCounter.linePos(at).line, message: `not JSON: ${(e as Error).message}` });
    return undefined;
  }
  // Lines are only needed for problems: the JSON is parsed again, with positions, on demand.
  let lineOf: LineOf | undefined;
  const lazyLineOf: LineOf = (path) => {
    if (!lineOf) {
      const { doc, lineCounter } = parseWithLines(body);
      lineOf = linesOf(doc, lineCounter);
    }
    return lineOf(path);
  };
  if (!looksLikeSchedule(value)) {
    problems.push({ file: origin, line: 1, message: "not a pretalx/frab schedule: a *.json file in the knowledge folder must hold { \"schedule\": { \"conference\": { \"days\": [...] } } }" });
    return undefined;
  }
  const parsed = scheduleFileSchema.safeParse(value);
  if (!parsed.success) {
    problems.push(...issueProblems(origin, parsed.error.issues, lazyLineOf));
    return undefined;
  }
  return toImported(origin, parsed.data, lazyLineOf);
}

const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");

function toImported(origin: string, file: ScheduleFile, lineOf: LineOf): ImportedSchedule {
  const conference = file.schedule.conference;
  const zone = conference.time_zone_name ?? DEFAULT_TIME_ZONE;
  const source: Source = {
    id: `schedule-${slug(conference.acronym ?? conference.title) || "conference"}`,
    title: `${conference.title} schedule`,
    ...(conference.url ? { url: conference.url } : {}),
  };
  const events: ImportedEvent[] = [];
  conference.days.forEach((day, d) => {
    for (const [room, list] of Object.entries(day.rooms)) {
      list.forEach((event, i) => events.push(toEvent(event, source.id, zone, ["schedule", "conference", "days", d, "rooms", room, i])));
    }
  });
  const trackNames = [...new Set([...conference.tracks.map((t) => t.name), ...events.flatMap((e) => e.trackNames)])];
  return { origin, source, trackNames, trackQuote: `${conference.title} tracks: ${trackNames.join(", ")}`, events, lineOf };
}

const personName = (p: SchedulePerson): string => (p.name ?? p.public_name)!;

function toEvent(event: ScheduleEvent, sourceId: string, zone: string, path: Path): ImportedEvent {
  const { date, time } = localDateTime(event.date, zone);
  const persons = event.persons.map((p) => ({ name: personName(p), handle: p.handle, organisation: p.organisation }));
  // Combined tracks are written "AI + 데브옵스".
  const trackNames = event.track ? event.track.split(" + ").map((t) => t.trim()).filter(Boolean) : [];
  const who = persons.map((p) => (p.handle && p.handle !== p.name ? `${p.name} (${p.handle})` : p.name)).join(", ");
  const quote = `‘${event.title}’${who ? ` — ${who}` : ""}, ${date} ${time} ${ZONE_LABEL[zone] ?? zone}${event.track ? ` (${event.track})` : ""}`;
  const kind = sessionKinds.find((k) => k === event.type) ?? "talk";
  const session: Session = {
    id: String(event.id).toLowerCase(),
    title: { ko: event.title, en: event.title },
    kind,
    tracks: [],
    date,
    time,
    speakers: [],
    links: event.links,
    source: sourceId,
    quote,
    more: [],
    ...(event.url ? { url: event.url } : {}),
  };
  return { session, trackNames, persons, path };
}

/** The calendar date and wall-clock time of an instant in a time zone. */
function localDateTime(iso: string, zone: string): { date: string; time: string } {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone: zone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(new Date(iso));
  const part = (type: string) => parts.find((p) => p.type === type)!.value;
  return { date: `${part("year")}-${part("month")}-${part("day")}`, time: `${part("hour")}:${part("minute")}` };
}
