// Reads a parsed schedule JSON — 1.x (pretalx, frab, c3voc: conference.days[].rooms{room: [events]}) or 2.0
// (the CCC hub: a flat schedule.events list with schedule.persons) — into an ImportedSchedule, as published: a
// field that cannot be read is a warning (its path and value) and the item is kept without it. Deciding that a
// file is a schedule at all, and which version, is schedule.ts's job.
import type { Path } from "./places.js";
import type { ImportedConference, ImportedEvent, ImportedLink, ImportedPerson, ImportedTrack } from "./schedule.js";
import { clip, plainText, showValue, webAddress } from "./schedule-text.js";
import {
  formatOffset,
  instantInZone,
  instantOf,
  isTimeZone,
  localAt,
  offsetIn,
  offsetLabel,
  readDateTime,
  writtenDate,
  writtenTime,
  zoneLabel,
  type WrittenTime,
} from "./schedule-time.js";

type JsonObject = Record<string, unknown>;
export const isObject = (v: unknown): v is JsonObject => typeof v === "object" && v !== null && !Array.isArray(v);

/** Abstracts and descriptions are cut to about this many characters: a chat answer, not the talk page. */
export const TEXT_LIMIT = 600;
/** Warnings listed one by one per file; the rest are counted by kind. */
export const LISTED_WARNINGS = 100;

export interface Note {
  path: Path;
  message: string;
  value?: string;
}

const NO_VALUE = Symbol("no value");

/** A file's warnings: the first ones in full, the rest counted by message. */
export class Notes {
  readonly listed: Note[] = [];
  readonly unlisted = new Map<string, number>();

  add(path: Path, message: string, value: unknown = NO_VALUE): void {
    if (this.listed.length < LISTED_WARNINGS) this.listed.push({ path, message, ...(value === NO_VALUE ? {} : { value: showValue(value) }) });
    else this.unlisted.set(message, (this.unlisted.get(message) ?? 0) + 1);
  }
}

export interface ReadSchedule {
  conference: ImportedConference;
  events: ImportedEvent[];
}

/** An event as read, before its time is stated in the conference's zone. */
interface Draft {
  event: ImportedEvent;
  written?: WrittenTime;
  /** The day a 1.x event is listed under, for one whose time cannot be read. */
  dayDate?: string;
  end?: WrittenTime;
  duration?: number;
}

const DURATION = /^(\d{1,3}):([0-5]\d)(?::([0-5]\d))?$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})/;

export class ScheduleReader {
  private zone?: string;
  private baseUrl?: string;
  private readonly trackBySlug = new Map<string, string>();
  private readonly roomByRef = new Map<string, string>();
  private readonly personByGuid = new Map<string, JsonObject>();

  constructor(private readonly notes: Notes) {}

  // ——— fields ———

  private text(o: JsonObject, key: string, path: Path): string | undefined {
    const v = o[key];
    if (v === undefined || v === null) return undefined;
    if (typeof v === "number" && Number.isFinite(v)) return String(v);
    if (typeof v !== "string") {
      this.notes.add([...path, key], "not text: left out", v);
      return undefined;
    }
    return v.trim() || undefined;
  }

  /** Text that 2.0 may give per language ({ "en": …, "de": … }); HTML made plain, cut to a readable length. */
  private prose(o: JsonObject, key: string, path: Path): string | undefined {
    let v = o[key];
    if (isObject(v)) v = typeof v.en === "string" ? v.en : Object.values(v).find((x) => typeof x === "string");
    if (v === undefined || v === null) return undefined;
    if (typeof v !== "string") {
      this.notes.add([...path, key], "not text: left out", v);
      return undefined;
    }
    return clip(plainText(v), TEXT_LIMIT) || undefined;
  }

  private address(o: JsonObject, key: string, path: Path): string | undefined {
    const raw = this.text(o, key, path);
    if (raw === undefined) return undefined;
    const read = webAddress(raw, this.baseUrl);
    if ("url" in read) return read.url;
    this.notes.add([...path, key], `${read.problem}: left out`, raw);
    return undefined;
  }

  private dateTime(o: JsonObject, key: string, path: Path): WrittenTime | undefined {
    const raw = this.text(o, key, path);
    if (raw === undefined) return undefined;
    const read = readDateTime(raw);
    if ("problem" in read) {
      this.notes.add([...path, key], read.problem, raw);
      return undefined;
    }
    return read;
  }

  private duration(o: JsonObject, key: string, path: Path): number | undefined {
    const v = o[key];
    if (v === undefined || v === null || v === "") return undefined;
    if (typeof v === "number" && Number.isInteger(v) && v >= 0) return v;
    const m = typeof v === "string" ? DURATION.exec(v.trim()) : null;
    if (!m) {
      this.notes.add([...path, key], "not a duration (hh:mm): left out", v);
      return undefined;
    }
    return Number(m[1]) * 60 + Number(m[2]) + (m[3] ? Math.round(Number(m[3]) / 60) : 0);
  }

  private list(o: JsonObject, key: string, path: Path): unknown[] {
    const v = o[key];
    if (v === undefined || v === null) return [];
    if (Array.isArray(v)) return v;
    this.notes.add([...path, key], "not a list: left out", v);
    return [];
  }

  // ——— conference ———

  /** The conference: title, zone, tracks, rooms; `schedule` is the object holding it (for base_url and rooms). */
  readConference(schedule: JsonObject, conference: JsonObject, origin: string): Omit<ImportedConference, "timeZone" | "timeZoneFrom" | "zoneLabel"> {
    const at: Path = ["schedule", "conference"];
    const base = this.text(schedule, "base_url", ["schedule"]);
    if (base) {
      const read = webAddress(base);
      if ("url" in read) this.baseUrl = read.url;
      else this.notes.add(["schedule", "base_url"], `${read.problem}: relative addresses are left out`, base);
    }
    const zone = this.text(conference, "time_zone_name", at);
    if (zone && isTimeZone(zone)) this.zone = zone;
    else if (zone) this.notes.add([...at, "time_zone_name"], "not an IANA time zone (e.g. Asia/Seoul): times are stated at each event's own UTC offset", zone);

    let title = this.text(conference, "title", at);
    const acronym = this.text(conference, "acronym", at);
    if (!title) {
      title = acronym ?? origin.split("/").pop()!.replace(/\.json$/i, "");
      this.notes.add([...at, "title"], `no conference title: named "${title}"`);
    }
    const tracks: ImportedTrack[] = [];
    this.list(conference, "tracks", at).forEach((t, i) => {
      const path = [...at, "tracks", i];
      const name = typeof t === "string" ? t.trim() : isObject(t) ? this.text(t, "name", path) : undefined;
      if (!name) {
        this.notes.add(path, "a track without a name: left out", t);
        return;
      }
      const o = isObject(t) ? t : {};
      const colors = isObject(o.colors) ? o.colors : {};
      const color = [o.color, colors.light, colors.dark].find((c): c is string => typeof c === "string" && c.trim() !== "");
      tracks.push({ name, ...(color ? { color } : {}) });
      const slug = typeof o.slug === "string" ? o.slug : undefined;
      if (slug) this.trackBySlug.set(slug, name);
    });
    const rooms = this.rooms(conference.rooms, [...at, "rooms"]);
    // The c3voc validator's invalid example keeps the room list beside the conference instead of in it.
    if (schedule.rooms !== undefined) {
      this.notes.add(["schedule", "rooms"], "the room list belongs in schedule.conference.rooms: read from here", schedule.rooms);
      for (const name of this.rooms(schedule.rooms, ["schedule", "rooms"])) if (!rooms.includes(name)) rooms.push(name);
    }
    const url = this.address(conference, "url", at);
    const date = (key: string) => {
      const v = this.text(conference, key, at);
      const m = v ? DATE.exec(v) : null;
      if (v && !m) this.notes.add([...at, key], "not a date: left out", v);
      return m ? `${m[1]}-${m[2]}-${m[3]}` : undefined;
    };
    const start = date("start");
    const end = date("end");
    const daysCount = typeof conference.daysCount === "number" && Number.isInteger(conference.daysCount) && conference.daysCount > 0 ? conference.daysCount : undefined;
    return {
      title,
      ...(acronym ? { acronym } : {}),
      ...(url ? { url } : {}),
      ...(start ? { start } : {}),
      ...(end ? { end } : {}),
      days: daysCount ?? (Array.isArray(conference.days) ? conference.days.length : 0),
      tracks,
      rooms,
      ...(this.baseUrl ? { baseUrl: this.baseUrl } : {}),
    };
  }

  private rooms(value: unknown, path: Path): string[] {
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value)) {
      this.notes.add(path, "not a list of rooms: left out", value);
      return [];
    }
    const names: string[] = [];
    value.forEach((r, i) => {
      const name = typeof r === "string" ? r.trim() : isObject(r) ? this.text(r, "name", [...path, i]) : undefined;
      if (!name) {
        this.notes.add([...path, i], "a room without a name: left out", r);
        return;
      }
      if (!names.includes(name)) names.push(name);
      if (isObject(r)) for (const ref of [r.guid, r.slug]) if (typeof ref === "string") this.roomByRef.set(ref, name);
    });
    return names;
  }

  // ——— events ———

  /** Schedule JSON 1.x: the events of every room of every day. */
  readDays(days: unknown[]): Draft[] {
    const drafts: Draft[] = [];
    days.forEach((day, d) => {
      const dayPath: Path = ["schedule", "conference", "days", d];
      if (!isObject(day)) {
        this.notes.add(dayPath, "not a day: left out", day);
        return;
      }
      if (!isObject(day.rooms)) {
        if (day.rooms !== undefined) this.notes.add([...dayPath, "rooms"], "not a map of room names to events: the day is left out", day.rooms);
        return;
      }
      const dayStart = typeof day.day_start === "string" ? readDateTime(day.day_start) : undefined;
      const context = {
        date: typeof day.date === "string" && DATE.test(day.date) ? day.date.slice(0, 10) : undefined,
        start: dayStart && !("problem" in dayStart) ? dayStart : undefined,
      };
      for (const [room, events] of Object.entries(day.rooms)) {
        const roomPath = [...dayPath, "rooms", room];
        if (!Array.isArray(events)) {
          this.notes.add(roomPath, "not a list of events: left out", events);
          continue;
        }
        events.forEach((e, i) => {
          if (!isObject(e)) this.notes.add([...roomPath, i], "not an event: left out", e);
          else drafts.push(this.readEvent1(e, [...roomPath, i], room, context));
        });
      }
    });
    return drafts;
  }

  private readEvent1(e: JsonObject, path: Path, roomKey: string, day: { date?: string; start?: WrittenTime }): Draft {
    const event = this.readCommon(e, path);
    event.room = this.text(e, "room", path) ?? (roomKey.trim() || undefined);
    const track = e.track;
    if (isObject(track)) event.tracks = this.trackRef(track, [...path, "track"]);
    else event.tracks = splitTracks(this.text(e, "track", path));
    event.persons = this.list(e, "persons", path).flatMap((p, i) => this.readPerson(p, [...path, "persons", i]) ?? []);
    const written = this.eventTime1(e, path, day);
    return { event, written, dayDate: written ? undefined : day.date, end: this.dateTime(e, "end", path), duration: this.duration(e, "duration", path) };
  }

  /** A 1.x event's `date`; when it cannot be read, the deprecated day date + `start` (HH:MM) instead, else none.
   * One warning says what was wrong and what was done. */
  private eventTime1(e: JsonObject, path: Path, day: { date?: string; start?: WrittenTime }): WrittenTime | undefined {
    const raw = e.date;
    const read = typeof raw === "string" ? readDateTime(raw) : undefined;
    if (read && !("problem" in read)) return read;
    const wrong = raw === undefined || raw === null ? "no date-time" : read ? read.problem : "not a date-time";
    const value = raw === undefined || raw === null ? [] : [raw];
    const start = typeof e.start === "string" ? /^(\d{1,2}):(\d{2})$/.exec(e.start.trim()) : null;
    const date = day.date ? DATE.exec(day.date) : null;
    if (!start || !date || +start[1] > 23 || +start[2] > 59) {
      this.notes.add([...path, "date"], `${wrong}: the event is kept ${day.date ? `on its day (${day.date}) ` : ""}without a time`, ...value);
      return undefined;
    }
    // In the schedule's zone when it has one (the day's offset may be the other side of a DST change).
    let t: WrittenTime = { year: +date[1], month: +date[2], day: +date[3], hour: +start[1], minute: +start[2], second: 0, offset: this.zone ? undefined : day.start?.offset };
    // After midnight, an event still belongs to the day that started the evening before.
    if (day.start && t.hour * 60 + t.minute < day.start.hour * 60 + day.start.minute) {
      const next = new Date(Date.UTC(t.year, t.month - 1, t.day + 1));
      t = { ...t, year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate() };
    }
    this.notes.add([...path, "date"], `${wrong}: read from its day and start instead (${writtenDate(t)} ${writtenTime(t)})`, ...value);
    return t;
  }

  /** Schedule JSON 2.0: the flat event list, persons looked up in schedule.persons. */
  readEvents(events: unknown[], persons: unknown): Draft[] {
    if (Array.isArray(persons)) for (const p of persons) if (isObject(p) && typeof p.guid === "string") this.personByGuid.set(p.guid, p);
    const drafts: Draft[] = [];
    events.forEach((e, i) => {
      const path: Path = ["schedule", "events", i];
      if (!isObject(e)) {
        this.notes.add(path, "not an event: left out", e);
        return;
      }
      const event = this.readCommon(e, path);
      const room = e.room;
      if (isObject(room)) {
        event.room = this.text(room, "name", [...path, "room"]) ?? [room.guid, room.slug].map((r) => (typeof r === "string" ? this.roomByRef.get(r) : undefined)).find(Boolean);
        if (!event.room) this.notes.add([...path, "room"], "a room that is not in schedule.conference.rooms: left out", room);
      } else {
        event.room = this.text(e, "room", path);
      }
      event.tracks = isObject(e.track) ? this.trackRef(e.track, [...path, "track"]) : splitTracks(this.text(e, "track", path));
      const people = e.participants !== undefined ? "participants" : "persons";
      event.persons = this.list(e, people, path).flatMap((p, j) => this.readPerson(this.withProfile(p), [...path, people, j]) ?? []);
      const written = this.dateTime(e, "start", path);
      if (!written && (e.start === undefined || e.start === null)) this.notes.add([...path, "start"], "no date-time: the event is kept without a time");
      drafts.push({ event, written, end: this.dateTime(e, "end", path), duration: this.duration(e, "duration", path) });
    });
    return drafts;
  }

  /** A 2.0 participant with what schedule.persons says about them (their page, their name if missing). */
  private withProfile(p: unknown): unknown {
    const profile = isObject(p) && typeof p.guid === "string" ? this.personByGuid.get(p.guid) : undefined;
    return profile && isObject(p) ? { url: profile.url, name: profile.name, ...p } : p;
  }

  private trackRef(track: JsonObject, path: Path): string[] {
    const name = this.text(track, "name", path) ?? (typeof track.slug === "string" ? (this.trackBySlug.get(track.slug) ?? track.slug) : undefined);
    if (!name) this.notes.add(path, "a track with neither name nor slug: left out", track);
    return name ? [name] : [];
  }

  /** What 1.x and 2.0 events share. */
  private readCommon(e: JsonObject, path: Path): ImportedEvent {
    const guid = this.text(e, "guid", path);
    let id: string | undefined;
    if (typeof e.id === "number" || typeof e.id === "string") id = String(e.id).trim() || undefined;
    else if (e.id !== undefined && e.id !== null) this.notes.add([...path, "id"], "not an id: left out", e.id);
    const code = this.text(e, "code", path);
    const slug = this.text(e, "slug", path);
    let title = this.text(e, "title", path);
    const subtitle = this.text(e, "subtitle", path);
    if (!title) {
      title = subtitle ?? slug ?? code ?? id ?? "untitled";
      this.notes.add([...path, "title"], `no title: listed as "${title}"`);
    }
    const type = this.text(e, "type", path);
    const language = this.text(e, "language", path);
    const abstract = this.prose(e, "abstract", path);
    const description = this.prose(e, "description", path);
    const url = this.address(e, "url", path);
    const links = this.readLinks(e, path);
    return {
      guid: guid ?? (id !== undefined ? `id:${id}` : code ? `code:${code}` : slug ? `slug:${slug}` : `at:${path.join("/")}`),
      ...(id !== undefined ? { id } : {}),
      ...(code ? { code } : {}),
      ...(slug ? { slug } : {}),
      occurrence: 0,
      title,
      ...(subtitle && subtitle !== title ? { subtitle } : {}),
      ...(type ? { type } : {}),
      tracks: [],
      ...(language ? { language } : {}),
      ...(abstract ? { abstract } : {}),
      ...(description && description !== abstract ? { description } : {}),
      persons: [],
      links,
      ...(url ? { url } : {}),
      path,
    };
  }

  private readPerson(p: unknown, path: Path): ImportedPerson | undefined {
    if (typeof p === "string" && p.trim()) return { name: p.trim() };
    if (!isObject(p)) {
      this.notes.add(path, "not a person: left out", p);
      return undefined;
    }
    // "#text": schedules converted from frab's XML keep a person's name as the element's text.
    const name = this.text(p, "public_name", path) ?? this.text(p, "name", path) ?? this.text(p, "full_name", path) ?? this.text(p, "#text", path);
    if (!name) {
      this.notes.add(path, "a person without a name (public_name or name): left out", p);
      return undefined;
    }
    const person: ImportedPerson = { name };
    for (const key of ["guid", "code", "id", "handle", "organisation", "role"] as const) {
      const v = this.text(p, key, path);
      if (v !== undefined) person[key] = v;
    }
    const url = this.address(p, "url", path);
    if (url) person.url = url;
    return person;
  }

  private readLinks(e: JsonObject, path: Path): ImportedLink[] {
    const links: ImportedLink[] = [];
    this.list(e, "links", path).forEach((l, i) => {
      const at = () => [...path, "links", i];
      const o = isObject(l) ? l : typeof l === "string" ? { url: l } : undefined;
      const raw = o && typeof o.url === "string" ? o.url : undefined;
      if (raw === undefined) {
        this.notes.add(at(), "a link without a web address: left out", l);
        return;
      }
      const read = webAddress(raw, this.baseUrl);
      if (!("url" in read)) {
        this.notes.add([...at(), ...(typeof l === "string" ? [] : ["url"])], `${read.problem}: the link is left out`, raw);
        return;
      }
      if (links.some((x) => x.url === read.url)) return;
      const title = typeof o!.title === "string" && o!.title.trim() ? o!.title.trim() : undefined;
      const type = typeof o!.type === "string" && o!.type.trim() ? o!.type.trim() : undefined;
      links.push({ title: title ?? shortAddress(read.url), url: read.url, ...(type ? { type } : {}) });
    });
    return links;
  }

  // ——— times ———

  /**
   * States every event's time: in time_zone_name when the schedule gives one (from the event's own instant,
   * so an offset written wrongly or a DST change cannot shift it), else at the event's own UTC offset.
   * Returns the conference's zone, derived from the offsets when no time_zone_name is given.
   */
  finishTimes(drafts: Draft[]): Pick<ImportedConference, "timeZone" | "timeZoneFrom" | "zoneLabel"> {
    const zone = this.zone;
    const offsets = new Map<number, number>();
    let written = 0;
    let mismatch: { event: ImportedEvent; offset: number; expected: number } | undefined;
    let mismatches = 0;
    let unplaced = 0;
    for (const d of drafts) {
      const w = d.written;
      if (!w) {
        if (d.dayDate) d.event.date = d.dayDate;
        continue;
      }
      const e = d.event;
      let ms: number | undefined;
      let offset: number | undefined;
      if (zone) {
        ms = w.offset !== undefined ? instantOf(w, w.offset) : instantInZone(w, zone);
        offset = offsetIn(zone, ms);
        // Written in UTC ("Z") is a fine way to give an instant; any other offset should be the zone's.
        if (w.offset !== undefined && w.offset !== 0) {
          written++;
          if (w.offset !== offset) {
            mismatches++;
            mismatch ??= { event: e, offset: w.offset, expected: offset };
          }
        }
        e.zone = zoneLabel(zone, offset);
      } else if (w.offset !== undefined) {
        offset = w.offset;
        ms = instantOf(w, offset);
        e.zone = offsetLabel(offset);
      }
      if (ms === undefined || offset === undefined) {
        // Neither an offset nor a zone: the time as written, in no zone.
        unplaced++;
        e.date = writtenDate(w);
        e.time = writtenTime(w);
      } else {
        e.start = new Date(ms).toISOString();
        e.utcOffset = formatOffset(offset);
        Object.assign(e, localAt(ms, offset));
        offsets.set(offset, (offsets.get(offset) ?? 0) + 1);
      }
      const startMs = ms ?? instantOf(w, 0);
      let endMs: number | undefined;
      if (d.end) endMs = d.end.offset !== undefined ? instantOf(d.end, d.end.offset) : zone ? instantInZone(d.end, zone) : instantOf(d.end, offset ?? 0);
      if (endMs !== undefined && endMs < startMs) {
        this.notes.add([...e.path, "end"], "ends before it starts: left out", `${writtenDate(d.end!)} ${writtenTime(d.end!)}`);
        endMs = undefined;
      }
      if (endMs === undefined && d.duration !== undefined) endMs = startMs + d.duration * 60_000;
      if (endMs !== undefined) {
        e.durationMinutes = Math.round((endMs - startMs) / 60_000);
        e.endTime = localAt(endMs, ms === undefined ? 0 : zone ? offsetIn(zone, endMs) : offset!).time;
      }
    }
    if (zone && mismatches * 2 > written) {
      const { event, offset, expected } = mismatch!;
      this.notes.add(
        ["schedule", "conference", "time_zone_name"],
        `${mismatches} of ${written} events are written at another UTC offset than this zone's (e.g. "${event.title}" at ${formatOffset(offset)}, ${zone} is ${formatOffset(expected)} then): their times are stated in ${zone}`,
        zone,
      );
    }
    if (unplaced > 0) {
      this.notes.add(["schedule", "conference", "time_zone_name"], `${unplaced === 1 ? "1 event has" : `${unplaced} events have`} a time without a UTC offset and the schedule has no time_zone_name: shown as written, in no zone`);
    }
    const usual = [...offsets].sort((a, b) => b[1] - a[1])[0]?.[0];
    if (zone) return { timeZone: zone, timeZoneFrom: "time_zone_name", zoneLabel: zoneLabel(zone, usual ?? offsetIn(zone, Date.now())) };
    if (usual === undefined) return { timeZoneFrom: "offsets" };
    return { timeZone: `UTC${formatOffset(usual)}`, timeZoneFrom: "offsets", zoneLabel: offsetLabel(usual) };
  }
}

/** Combined tracks are written "AI + 데브옵스"; some exporters write the word null for none. */
function splitTracks(track: string | undefined): string[] {
  if (!track || track.toLowerCase() === "null") return [];
  return [...new Set(track.split(" + ").map((t) => t.trim()).filter(Boolean))];
}

/** A link's address as a title when it has none: host and path, without the scheme. */
function shortAddress(url: string): string {
  const u = new URL(url);
  return clip(`${u.host}${u.pathname === "/" ? "" : u.pathname}`, 80);
}

/** Marks every event after the first that shares an identity (guid, else id) as a further occurrence. */
export function numberOccurrences(drafts: Draft[], notes: Notes): void {
  const first = new Map<string, ImportedEvent>();
  const counts = new Map<string, number>();
  for (const { event } of drafts) {
    const n = counts.get(event.guid) ?? 0;
    counts.set(event.guid, n + 1);
    event.occurrence = n;
    const original = first.get(event.guid);
    if (!original) first.set(event.guid, event);
    else if (original.title !== event.title) {
      notes.add([...event.path, event.guid.startsWith("id:") ? "id" : "guid"], `shared with "${clip(original.title, 40)}", which has another title: kept as a further occurrence of it`, event.guid.replace(/^id:/, ""));
    }
  }
}

export type { Draft };
