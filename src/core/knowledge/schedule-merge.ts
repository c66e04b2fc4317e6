// Joins imported schedules to the knowledge. A schedule is an event of its own — its name, dates, time zone, tracks,
// rooms and people, keyed under it — unless it says it is a pack's event (the same acronym, name or alias): then it
// joins that event, and a YAML session with the same id, or a YAML person the schedule names, is enriched by it —
// YAML wins where it says something, the schedule fills the rest (see "Importing a schedule" in the README).
import { romanize } from "es-hangul";
import { squash } from "../text.js";
import { keyOf, type Building } from "./packs.js";
import { fieldName } from "./places.js";
import type { ImportedEvent, ImportedPerson, ImportedSchedule } from "./schedule.js";
import { sessionKinds, type EventInfo, type KnowledgeProblem, type Person, type Session, type Source } from "./schema.js";

type Citation = Session["more"][number];

/** An id from a name: Hangul romanized, then lower-case letters, digits, '.', '_' and '-'. */
const idFrom = (name: string) =>
  romanize(name.normalize("NFC")).toLowerCase().replace(/[^a-z0-9._-]+/g, "-").replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, "");
/** Kakao names are often handles (indy.jones): lower-case words joined by dots. */
const HANDLE = /^[a-z0-9]+(?:[._-][a-z0-9]+)*\.[a-z0-9._-]+$/;

/** An id not used yet among `taken`: `base`, else `base-2`, `base-3` … */
function freeId(base: string, taken: (id: string) => boolean): string {
  let id = base;
  for (let n = 2; taken(id); n++) id = `${base}-${n}`;
  return id;
}

/** Finds an item of one event by any of its names; learns the items the join adds. */
class NameIndex {
  private readonly keys = new Map<string, string>();

  learn(key: string, names: readonly (string | undefined)[]): void {
    for (const name of names) {
      const squashed = name ? squash(name) : "";
      if (squashed && !this.keys.has(squashed)) this.keys.set(squashed, key);
    }
  }

  find(...names: (string | undefined)[]): string | undefined {
    return names.map((n) => (n ? this.keys.get(squash(n)) : undefined)).find(Boolean);
  }
}

const citationOf = (s: Pick<Session, "source" | "quote" | "url">): Citation => ({ source: s.source, quote: s.quote, ...(s.url ? { url: s.url } : {}) });

const withCitation = (more: Citation[], c: Citation): Citation[] =>
  more.some((m) => m.source === c.source && m.quote === c.quote) ? more : [...more, c];

/** A YAML session enriched by the schedule's: YAML wins where set; the schedule's citation (with the session's page
 * URL) joins `more`, so the YAML quote is never shown as if it came from that page. */
export function enrichSession(yaml: Session, schedule: Session): Session {
  const urls = new Set(yaml.links.map((l) => l.url));
  const time = yaml.time ?? schedule.time;
  // The schedule's instant, zone and end hold for its own date and time only: a YAML correction drops them.
  const { start, zone, endTime, ...published } = schedule;
  const when = { ...(start ? { start } : {}), ...(zone ? { zone } : {}), ...(endTime ? { endTime } : {}) };
  return {
    ...published,
    ...yaml,
    time,
    ...(yaml.date === schedule.date && time === schedule.time ? when : {}),
    tracks: yaml.tracks.length ? yaml.tracks : schedule.tracks,
    speakers: yaml.speakers.length ? yaml.speakers : schedule.speakers,
    links: [...yaml.links, ...schedule.links.filter((l) => !urls.has(l.url))],
    more: withCitation(yaml.more, citationOf(schedule)),
  };
}

/** A YAML person enriched by the schedule's: the handle and organisation when YAML has none. */
export function enrichPerson(yaml: Person, schedule: ImportedPerson): Person {
  const handle = yaml.handle ?? schedule.handle ?? (HANDLE.test(schedule.name) ? schedule.name : undefined);
  const organisation = yaml.organisation ?? (schedule.organisation ? { ko: schedule.organisation, en: schedule.organisation } : undefined);
  return { ...yaml, ...(handle ? { handle } : {}), ...(organisation ? { organisation } : {}) };
}

const slug = (s: string) => idFrom(s).replace(/[._]+/g, "-");

/** The known event (a pack's, or one an earlier file made) a schedule says it is: the same acronym, id, name or alias. */
function knownEventOf(schedule: ImportedSchedule, events: ReadonlyMap<string, EventInfo>): EventInfo | undefined {
  const { acronym, title } = schedule.conference;
  const names = new Set([acronym, title].filter((n): n is string => Boolean(n)).map(squash));
  return [...events.values()].find((e) => [e.id, e.acronym, e.name.ko, e.name.en, ...e.aliases].some((n) => n && names.has(squash(n))));
}

/** A schedule that is an event of its own: named, dated and zoned as the schedule says. */
function eventOfSchedule(schedule: ImportedSchedule, id: string, source: Source): EventInfo {
  const c = schedule.conference;
  const dates = schedule.events.map((e) => e.date).filter((d): d is string => Boolean(d)).sort();
  const start = c.start ?? dates[0] ?? "1970-01-01";
  const end = c.end ?? dates.at(-1) ?? start;
  return {
    id,
    name: { ko: c.title, en: c.title },
    aliases: c.acronym ? [c.acronym] : [],
    ...(c.acronym ? { acronym: c.acronym } : {}),
    start,
    end,
    timezone: c.timeZone ?? "UTC",
    ...(c.zoneLabel ? { zoneLabel: c.zoneLabel } : {}),
    source: source.id,
    quote: `${c.title}: ${start} – ${end}${c.rooms.length ? `, ${c.rooms.length} room(s)` : ""}`,
    more: [],
    ...(c.url ? { url: c.url } : {}),
  };
}

/** An event a schedule made, over the days another file of the same conference adds. */
function widened(event: EventInfo, more: EventInfo): EventInfo {
  const start = more.start < event.start ? more.start : event.start;
  const end = more.end > event.end ? more.end : event.end;
  return { ...event, start, end, quote: event.quote.replace(`${event.start} – ${event.end}`, `${start} – ${end}`) };
}

/** Session ids for a schedule's events: the published id (else code, slug or guid) in id form; a recurrence or a
 * second event with the same id gets "-2", "-3" … */
export function sessionIds(events: readonly ImportedEvent[], taken: (id: string) => boolean = () => false): string[] {
  const used = new Set<string>();
  return events.map((e) => {
    const base = (e.id ?? e.code ?? e.slug ?? e.guid).toLowerCase().replace(/[^a-z0-9._-]+/g, "-").replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, "") || "session";
    const id = freeId(e.occurrence > 0 ? `${base}-${e.occurrence + 1}` : base, (x) => used.has(x) || taken(x));
    used.add(id);
    return id;
  });
}

/** Types exporters write for the kinds questions ask about: a frab "lecture" is a talk, a "hands-on" a workshop. */
const KIND_OF_TYPE: Record<string, string> = {
  lecture: "talk", vortrag: "talk", presentation: "talk", talk: "talk", "short talk": "talk", "lightning talk": "talk", session: "talk",
  workshop: "workshop", tutorial: "workshop", "hands-on": "workshop", handson: "workshop",
};

/** The session's kind: a keynote by its title ("Keynote: …") whatever its type, else its type in the words questions use. */
function kindOf(type: string | undefined, title: string): string {
  if (/\bkeynote\b/i.test(title)) return "keynote";
  const t = type?.trim().toLowerCase();
  if (!t) return "talk";
  return sessionKinds.find((k) => k === t) ?? KIND_OF_TYPE[t] ?? t;
}

/** An imported event as a session of `event`, its tracks and speakers still to be matched; none without a date. */
function sessionOf(event: ImportedEvent, id: string, eventId: string, sourceId: string): Session | undefined {
  if (!event.date) return undefined;
  const who = event.persons.map((p) => (p.handle && p.handle !== p.name ? `${p.name} (${p.handle})` : p.name)).join(", ");
  const when = [event.date, event.time, event.time ? event.zone : undefined].filter(Boolean).join(" ");
  const quote = `‘${event.title}’${who ? ` — ${who}` : ""}, ${when}${event.room ? `, ${event.room}` : ""}${event.tracks.length ? ` (${event.tracks.join(" + ")})` : ""}`;
  const title = event.subtitle ? `${event.title}: ${event.subtitle}` : event.title;
  const about = event.abstract ?? event.description;
  return {
    id,
    event: eventId,
    key: keyOf(eventId, id),
    title: { ko: title, en: title },
    kind: kindOf(event.type, title),
    tracks: [],
    date: event.date,
    ...(event.time ? { time: event.time } : {}),
    ...(event.start ? { start: event.start } : {}),
    ...(event.zone ? { zone: event.zone } : {}),
    ...(event.endTime ? { endTime: event.endTime } : {}),
    ...(event.durationMinutes !== undefined ? { durationMinutes: event.durationMinutes } : {}),
    ...(event.room ? { room: event.room } : {}),
    ...(event.language ? { language: event.language } : {}),
    ...(about ? { abstract: about } : {}),
    speakers: [],
    links: event.links.map(({ title, url }) => ({ title, url })),
    source: sourceId,
    quote,
    more: [],
    ...(event.url ? { url: event.url } : {}),
  };
}

function newPerson(event: string, id: string, p: ImportedPerson, first: Session): Person {
  const handle = p.handle ?? (HANDLE.test(p.name) ? p.name : undefined);
  return {
    id,
    event,
    key: keyOf(event, id),
    name: { ko: p.name, en: p.name },
    aliases: handle && handle !== p.name ? [handle] : [],
    ...(handle ? { handle } : {}),
    ...(p.organisation ? { organisation: { ko: p.organisation, en: p.organisation } } : {}),
    roles: [],
    ...citationOf(first),
    more: [],
  };
}

/** Joins each schedule to its event (a pack's, or one of its own), placing its sessions, tracks, rooms and people. */
export function joinSchedules(k: Building, schedules: readonly ImportedSchedule[], warnings: KnowledgeProblem[]): void {
  const indexes = new Map<string, { tracks: NameIndex; people: NameIndex; rooms: NameIndex; guids: Map<string, string> }>();
  const indexOf = (event: string) => {
    let index = indexes.get(event);
    if (!index) {
      index = { tracks: new NameIndex(), people: new NameIndex(), rooms: new NameIndex(), guids: new Map() };
      for (const t of k.tracks.values()) if (t.event === event) index.tracks.learn(t.key, [t.id, t.name.ko, t.name.en, ...t.aliases]);
      for (const p of k.people.values()) if (p.event === event) index.people.learn(p.key, [p.id, p.handle, p.name.ko, p.name.en, ...p.aliases]);
      indexes.set(event, index);
    }
    return index;
  };
  const taken = (map: ReadonlyMap<string, unknown>, event: string) => (id: string) => map.has(keyOf(event, id));

  for (const schedule of schedules) {
    // A pack's event, or one an earlier file of the same conference made (a conference split across two files).
    const joined = knownEventOf(schedule, k.events);
    const eventId = joined?.id ?? freeId(slug(schedule.conference.acronym ?? schedule.conference.title) || "conference", (id) => k.events.has(id));
    const source: Source = {
      id: freeId(`schedule-${eventId}`, (id) => k.sources.has(id)),
      title: `${schedule.conference.title} schedule`,
      ...(schedule.conference.url ? { url: schedule.conference.url } : {}),
    };
    k.sources.set(source.id, source);
    if (!joined) k.events.set(eventId, eventOfSchedule(schedule, eventId, source));
    else if (joined.source.startsWith("schedule-")) k.events.set(eventId, widened(joined, eventOfSchedule(schedule, eventId, source)));
    const index = indexOf(eventId);

    // Every track name, in order: the conference's list, then any only events use.
    const trackNames = [...new Set([...schedule.conference.tracks.map((t) => t.name), ...schedule.events.flatMap((e) => e.tracks)])];
    const trackQuote = `${schedule.conference.title} tracks: ${trackNames.join(", ")}`;
    const trackKey = (name: string): string => {
      const found = index.tracks.find(name);
      if (found) return found;
      const id = freeId(idFrom(name) || "track", taken(k.tracks, eventId));
      const key = keyOf(eventId, id);
      k.tracks.set(key, { id, event: eventId, key, name: { ko: name, en: name }, aliases: [], source: source.id, quote: trackQuote, more: [] });
      index.tracks.learn(key, [id, name]);
      return key;
    };
    trackNames.forEach(trackKey);

    const roomQuote = `${schedule.conference.title} rooms: ${schedule.conference.rooms.join(", ")}`;
    for (const name of schedule.conference.rooms) {
      if (index.rooms.find(name)) continue;
      const id = freeId(idFrom(name) || "room", taken(k.rooms, eventId));
      const key = keyOf(eventId, id);
      k.rooms.set(key, { id, event: eventId, key, name, source: source.id, quote: roomQuote, more: [] });
      index.rooms.learn(key, [id, name]);
    }

    const personKey = (person: ImportedPerson, session: Session): string => {
      const found = index.people.find(person.handle, person.code, person.guid, person.name);
      if (!found) {
        const id = freeId(idFrom(person.handle ?? person.name) || "person", taken(k.people, eventId));
        const fresh = newPerson(eventId, id, person, session);
        k.people.set(fresh.key, fresh);
        index.people.learn(fresh.key, [id, person.handle, person.code, person.guid, person.name]);
        return fresh.key;
      }
      const known = k.people.get(found)!;
      // A person the pack describes is enriched; one a schedule introduced gathers the citations of their sessions.
      k.people.set(found, known.source === source.id || known.source.startsWith("schedule-") ? { ...known, more: withCitation(known.more, citationOf(session)) } : enrichPerson(known, person));
      return found;
    };

    // The identity is the guid; a recurring event keeps each occurrence.
    const identity = (e: ImportedEvent) => `${e.guid}#${e.occurrence}`;
    const fresh = schedule.events.filter((e) => !index.guids.has(identity(e)));
    const repeated = schedule.events.filter((e) => index.guids.has(identity(e)));
    const yamlIds = new Set([...k.sessions.values()].filter((s) => s.event === eventId && !s.source.startsWith("schedule-")).map((s) => s.id));
    // A YAML session with the published id is the same session; any other id already taken gets a suffix.
    const ids = sessionIds(fresh, (id) => !yamlIds.has(id) && k.sessions.has(keyOf(eventId, id)));
    fresh.forEach((event, i) => {
      index.guids.set(identity(event), schedule.origin);
      const imported = sessionOf(event, ids[i], eventId, source.id);
      if (!imported) return;
      const session: Session = {
        ...imported,
        tracks: [...new Set(event.tracks.map(trackKey))],
        speakers: [...new Set(event.persons.map((p) => personKey(p, imported)))],
      };
      if (session.room && !index.rooms.find(session.room)) {
        const id = freeId(idFrom(session.room) || "room", taken(k.rooms, eventId));
        const key = keyOf(eventId, id);
        k.rooms.set(key, { id, event: eventId, key, name: session.room, source: source.id, quote: roomQuote, more: [] });
        index.rooms.learn(key, [id, session.room]);
      }
      const yaml = k.sessions.get(session.key);
      k.sessions.set(session.key, yaml && yamlIds.has(session.id) ? enrichSession(yaml, session) : session);
    });
    // The same event in two files of one conference: kept once, and said, placed in one scan of the file.
    const lines = schedule.linesOf(repeated.map((e) => [...e.path, "guid"]));
    repeated.forEach((e, i) =>
      warnings.push({ file: schedule.origin, line: lines[i], field: fieldName([...e.path, "guid"]), value: e.guid, message: `this event is already imported from ${index.guids.get(identity(e))}: kept once` }),
    );
  }
}
