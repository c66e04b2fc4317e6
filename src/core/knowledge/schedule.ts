// Imports a published conference schedule — the "schedule JSON" that pretalx, frab and the c3voc tools export
// (1.x, https://c3voc.de/schedule/schema.json) or the CCC hub's 2.0 — as published. Only a file that is not
// a schedule at all (not JSON, no schedule in it, a version this does not read) is a problem; a field that
// cannot be read is a warning with its JSON path and value, and the event is kept without it. What it gives is
// neutral: no pack ids, no platform, no citations — that is the merge's job (schedule-merge.ts).
import { hasReadableLines, lineAndColumn, linesOfPaths, nestedDeeperThan, syntaxErrorAt } from "./json-place.js";
import { fieldName, type Path } from "./places.js";
import { isObject, Notes, numberOccurrences, ScheduleReader, type Draft } from "./schedule-read.js";
import { showValue } from "./schedule-text.js";
import type { KnowledgeProblem } from "./schema.js";

export interface ImportedTrack {
  name: string;
  color?: string;
}

export interface ImportedConference {
  title: string;
  acronym?: string;
  url?: string;
  /** time_zone_name when given (IANA), else the events' usual UTC offset as "UTC+01:00"; none without times. */
  timeZone?: string;
  timeZoneFrom: "time_zone_name" | "offsets";
  /** What the usual times are called: "KST", "CET", "CEST", "UTC", else the IANA name or the offset. */
  zoneLabel?: string;
  /** The first and last day, "YYYY-MM-DD", as published. */
  start?: string;
  end?: string;
  /** daysCount as published, else the number of days listed. */
  days: number;
  tracks: ImportedTrack[];
  /** Room names: the conference's list (in order), then any only events name. */
  rooms: string[];
  /** What relative addresses in the file are read against. */
  baseUrl?: string;
}

/** A person as the schedule names them, with only what is public: no biographies, answers or e-mail. */
export interface ImportedPerson {
  /** public_name, else name. */
  name: string;
  guid?: string;
  /** pretalx's speaker code. */
  code?: string;
  /** frab's person id, as published. */
  id?: string;
  handle?: string;
  organisation?: string;
  /** 2.0's role at the event: SPEAKER, MODERATOR … */
  role?: string;
  /** Their page. */
  url?: string;
}

export interface ImportedLink {
  /** As published, else its address without the scheme (clipped): more telling than a type like ORIGIN. */
  title: string;
  /** An http(s) address: written without a scheme it gets https://, relative it is read against base_url. */
  url: string;
  /** As published: slides, web … (1.x), SLIDES, ORIGIN, FEEDBACK … (2.0). */
  type?: string;
}

export interface ImportedEvent {
  /** The identity: the published guid, else "id:<id>", "code:<code>" or "slug:<slug>". */
  guid: string;
  /** The id as published (frab's and pretalx's number; 2.0 has none). */
  id?: string;
  code?: string;
  slug?: string;
  /** 0 for the first event with this guid; 1, 2 … for recurrences that share it (a daily workshop). */
  occurrence: number;
  title: string;
  subtitle?: string;
  type?: string;
  /** The event's tracks: "A + B" is two. */
  tracks: string[];
  room?: string;
  /** The start as an instant, ISO in UTC; none when the schedule gives neither an offset nor a zone. */
  start?: string;
  /** Local date "YYYY-MM-DD" and time "HH:MM" in the event's zone (time_zone_name, else its own offset). */
  date?: string;
  time?: string;
  /** What that zone is called at that time: "KST", "CET", "CEST", "UTC", else the IANA name or the offset. */
  zone?: string;
  /** "+09:00". */
  utcOffset?: string;
  durationMinutes?: number;
  /** Local end time "HH:MM". */
  endTime?: string;
  language?: string;
  /** Plain text (HTML stripped, entities decoded, whitespace folded), cut at a sentence or word to ~600 chars. */
  abstract?: string;
  /** The same, when it says more than the abstract. */
  description?: string;
  persons: ImportedPerson[];
  links: ImportedLink[];
  /** The event's page. */
  url?: string;
  /** Where the event is in the file, for placing later problems (see ImportedSchedule.linesOf). */
  path: Path;
}

export interface ImportedSchedule {
  /** The file (relative to the knowledge folder) or URL it came from. */
  origin: string;
  /** The schedule JSON version read. */
  format: "1.x" | "2.0";
  /** The schedule's own version as published (e.g. "2022-12-09", "v1.1"). */
  version?: string;
  conference: ImportedConference;
  events: ImportedEvent[];
  /** The lines of paths in the file, in one scan; none for a minified file, where the path is the place. */
  linesOf(paths: readonly Path[]): (number | undefined)[];
}

export interface ScheduleResult {
  schedule?: ImportedSchedule;
  /** Why the file is no schedule this reads: not JSON, no schedule in it, a version it does not read. */
  problems: KnowledgeProblem[];
  /** What was left out, each with the file, JSON path (as field), line when cheap, and the value. */
  warnings: KnowledgeProblem[];
}

/** Real schedules nest about a dozen levels; anything this deep is not one, and is refused before JSON.parse. */
const MAX_DEPTH = 64;

const HOLDS = 'a schedule JSON export (pretalx, frab, c3voc): { "schedule": { "conference": { "days": [ … ] } } }';

/** Which schedule JSON a `$schema` names: 1.x, 2.0, another version (named), or none it knows. */
function schemaVersion(schema: unknown): "1.x" | "2.0" | { unknown: string } | undefined {
  if (typeof schema !== "string") return undefined;
  if (/(?:^|\/)(?:schedule\/)?schema\.json$|\/schedule\/schema(?:\.json)?$/i.test(schema)) return "1.x";
  if (/(?:schedule|schema)[-_]?2(?:\.\d+)?(?:\.json)?$/i.test(schema)) return "2.0";
  const other = /(?:schedule|schema)[-_]?(\d+(?:\.\d+)?)(?:\.json)?$/i.exec(schema);
  return other ? { unknown: other[1] } : undefined;
}

/** Parses a schedule's text. Never parses it twice: problems are placed by JSON path, and by line with one
 * linear scan when the file is pretty-printed. */
export function parseSchedule(origin: string, body: string): ScheduleResult {
  const problem = (message: string, extra: Partial<KnowledgeProblem> = {}): ScheduleResult => ({ problems: [{ file: origin, ...extra, message }], warnings: [] });
  const deep = nestedDeeperThan(body, MAX_DEPTH);
  if (deep !== undefined) {
    // The path down to there: the text up to it, read as far as it goes.
    const path = syntaxErrorAt(body.slice(0, deep + 1))?.path ?? [];
    return problem(`not a schedule: nested more than ${MAX_DEPTH} levels deep (at character ${deep + 1})`, {
      ...(hasReadableLines(body) ? { line: lineAndColumn(body, deep).line } : {}),
      field: `${fieldName(path.slice(0, 8))}${path.length > 8 ? ` … (${path.length} levels)` : ""}`,
      value: snippet(body, deep),
    });
  }
  let root: unknown;
  try {
    root = JSON.parse(body);
  } catch (e) {
    return notJson(origin, body, (e as Error).message);
  }
  const schedule = isObject(root) ? root.schedule : undefined;
  if (!isObject(root) || !isObject(schedule)) {
    return problem(`not a schedule: a *.json file in the knowledge folder must hold ${HOLDS}`, {
      field: "schedule",
      ...(isObject(root) ? {} : { value: showValue(root) }),
    });
  }
  const declared = schemaVersion(root.$schema);
  if (declared !== undefined && typeof declared === "object") {
    return problem(`schedule JSON version ${declared.unknown} is not one this bot reads (it reads 1.x — pretalx, frab, c3voc — and 2.0)`, { field: "$schema", value: showValue(root.$schema) });
  }
  const conference = schedule.conference;
  const events = schedule.events;
  // 1.x lists events by day and room; 2.0 has a flat schedule.events (its days list no rooms).
  const byDay = isObject(conference) && Array.isArray(conference.days) && conference.days.some((d) => isObject(d) && "rooms" in d);
  const isV2 = !byDay && (events !== undefined || declared === "2.0");
  if (!isV2 && !isObject(conference)) {
    return problem(`not a schedule: it has no schedule.conference (schedule JSON 1.x) or schedule.events (2.0); it must hold ${HOLDS}`, { field: "schedule", ...placeOf(body, ["schedule"]) });
  }
  if (!isV2 && !Array.isArray((conference as Record<string, unknown>).days)) {
    const days = (conference as Record<string, unknown>).days;
    return problem(`no events to read: schedule.conference.days ${days === undefined ? "is missing" : "is not a list of days"}`, {
      field: "schedule.conference.days",
      ...placeOf(body, ["schedule", "conference", "days"]),
      ...(days === undefined ? {} : { value: showValue(days) }),
    });
  }
  if (isV2 && !Array.isArray(events)) {
    return problem("no events to read: schedule.events is not a list", { field: "schedule.events", ...placeOf(body, ["schedule", "events"]), value: showValue(events) });
  }

  const notes = new Notes();
  const reader = new ScheduleReader(notes);
  const conf = reader.readConference(schedule, isObject(conference) ? conference : {}, origin);
  if (!isObject(conference)) notes.add(["schedule", "conference"], "no conference: named after the file", conference ?? null);
  const drafts: Draft[] = isV2 ? reader.readEvents(events as unknown[], schedule.persons) : reader.readDays((conference as { days: unknown[] }).days);
  numberOccurrences(drafts, notes);
  const zone = reader.finishTimes(drafts);
  const imported = drafts.map((d) => d.event);
  for (const e of imported) if (e.room && !conf.rooms.includes(e.room)) conf.rooms.push(e.room);
  if (conf.days === 0) conf.days = new Set(imported.map((e) => e.date).filter(Boolean)).size;
  const dates = imported.map((e) => e.date).filter((d): d is string => d !== undefined).sort();
  conf.start ??= dates[0];
  conf.end ??= dates.at(-1);
  if (!conf.start) delete conf.start;
  if (!conf.end) delete conf.end;

  const linesOf = (paths: readonly Path[]) => linesOfPaths(body, paths);
  const version = typeof schedule.version === "string" && schedule.version.trim() ? schedule.version.trim() : undefined;
  return {
    schedule: {
      origin,
      format: isV2 ? "2.0" : "1.x",
      ...(version ? { version } : {}),
      conference: { ...conf, ...zone },
      events: imported,
      linesOf,
    },
    problems: [],
    warnings: warningsOf(origin, notes, linesOf),
  };
}

function placeOf(body: string, path: Path): { line?: number } {
  const [line] = linesOfPaths(body, [path]);
  return line === undefined ? {} : { line };
}

function warningsOf(origin: string, notes: Notes, linesOf: (paths: readonly Path[]) => (number | undefined)[]): KnowledgeProblem[] {
  const lines = linesOf(notes.listed.map((n) => n.path));
  const warnings: KnowledgeProblem[] = notes.listed.map((n, i) => ({
    file: origin,
    ...(lines[i] === undefined ? {} : { line: lines[i] }),
    ...(n.path.length ? { field: fieldName(n.path) } : {}),
    message: n.message,
    ...(n.value === undefined ? {} : { value: n.value }),
  }));
  if (notes.unlisted.size > 0) {
    const total = [...notes.unlisted.values()].reduce((a, b) => a + b, 0);
    const kinds = [...notes.unlisted].sort((a, b) => b[1] - a[1]).slice(0, 5).map(([message, n]) => `${n} × ${message}`);
    warnings.push({ file: origin, message: `${total} more warnings not listed: ${kinds.join("; ")}${notes.unlisted.size > 5 ? "; …" : ""}` });
  }
  return warnings;
}

/** What is written around an offset, as in the file (not quoted again), whitespace folded, in about 80 characters. */
function snippet(body: string, offset: number): string {
  const before = body.slice(Math.max(0, offset - 30), offset).replace(/\s+/g, " ");
  const after = body.slice(offset, offset + 50).replace(/\s+/g, " ");
  return `${offset > 30 ? "…" : ""}${before}${after}${offset + 50 < body.length ? "…" : ""}`;
}

/** A text JSON.parse refused: where (line when pretty-printed, else character and the JSON path being read). */
function notJson(origin: string, body: string, message: string): ScheduleResult {
  const found = syntaxErrorAt(body);
  const stated = /at position (\d+)/.exec(message)?.[1];
  const offset = stated !== undefined ? Number(stated) : (found?.offset ?? body.length);
  const { line, column } = lineAndColumn(body, offset);
  const pretty = hasReadableLines(body);
  const where = pretty ? "" : ` (at character ${column})`;
  const near = snippet(body, offset);
  return {
    problems: [
      {
        file: origin,
        ...(pretty ? { line } : {}),
        ...(found && found.path.length ? { field: fieldName(found.path) } : {}),
        message: `not JSON: ${message.replace(/\s+/g, " ")}${where}`,
        ...(near.trim() ? { value: near } : {}),
      },
    ],
    warnings: [],
  };
}
