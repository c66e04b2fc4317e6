// Merges imported schedules into the pack. Each event becomes a session cited by a line of the published
// data; track and person names are matched to the pack's tracks and people (by id, name, alias or handle),
// unknown ones are created, and a YAML entry naming the same session (by id) or person enriches the imported
// one: YAML wins where it says something, the schedule fills the rest (see "Importing a schedule" in the README).
import { romanize } from "es-hangul";
import type { Path } from "./places.js";
import type { ImportedEvent, ImportedPerson, ImportedSchedule } from "./schedule.js";
import { squash } from "../text.js";
import { sessionKinds, type KnowledgeProblem, type Person, type Session, type Source, type Track } from "./schema.js";

export interface MergeTarget {
  sources: Map<string, Source>;
  people: Map<string, Person>;
  sessions: Map<string, Session>;
  tracks: Map<string, Track>;
}

type Citation = Session["more"][number];

/** A pack id from a name: Hangul romanized, then lower-case letters, digits, '.', '_' and '-'. */
const idFrom = (name: string) =>
  romanize(name.normalize("NFC")).toLowerCase().replace(/[^a-z0-9._-]+/g, "-").replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, "");
/** Kakao names are often handles (indy.jones): lower-case words joined by dots. */
const HANDLE = /^[a-z0-9]+(?:[._-][a-z0-9]+)*\.[a-z0-9._-]+$/;

/** Finds a pack item by any of its names; learns the items the merge adds. */
class NameIndex<T extends { id: string }> {
  private readonly ids = new Map<string, string>();

  constructor(private readonly items: Map<string, T>, private readonly namesOf: (item: T) => (string | undefined)[]) {
    for (const item of items.values()) this.learn(item);
  }

  find(...names: (string | undefined)[]): string | undefined {
    return names.map((n) => (n ? this.ids.get(squash(n)) : undefined)).find(Boolean);
  }

  /** An id from `name` that no item has yet. */
  freeId(name: string, fallback: string): string {
    const base = idFrom(name) || fallback;
    let id = base;
    for (let n = 2; this.items.has(id); n++) id = `${base}-${n}`;
    return id;
  }

  set(item: T): void {
    this.items.set(item.id, item);
    this.learn(item);
  }

  private learn(item: T): void {
    for (const name of this.namesOf(item)) {
      const key = name ? squash(name) : "";
      if (key && !this.ids.has(key)) this.ids.set(key, item.id);
    }
  }
}

const citationOf = (s: Session): Citation => ({ source: s.source, quote: s.quote, ...(s.url ? { url: s.url } : {}) });

const withCitation = (more: Citation[], c: Citation): Citation[] =>
  more.some((m) => m.source === c.source && m.quote === c.quote) ? more : [...more, c];

/** A YAML session enriched by the schedule's: YAML wins where set; the schedule's citation (with the
 * session's page URL) joins `more`, so the YAML quote is never shown as if it came from that page. */
export function enrichSession(yaml: Session, schedule: Session): Session {
  const urls = new Set(yaml.links.map((l) => l.url));
  return {
    ...yaml,
    time: yaml.time ?? schedule.time,
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

const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");

/** One generated source per conference: the schedule's citations point at it. */
export function sourceOf(schedule: ImportedSchedule): Source {
  const { title, acronym, url } = schedule.conference;
  return { id: `schedule-${slug(acronym ?? title) || "conference"}`, title: `${title} schedule`, ...(url ? { url } : {}) };
}

/** Session ids for a schedule's events: the published id (else code, slug or guid) in pack form; a
 * recurrence or a second event with the same id gets "-2", "-3" … */
export function sessionIds(events: readonly ImportedEvent[]): string[] {
  const used = new Set<string>();
  return events.map((e) => {
    const base = (e.id ?? e.code ?? e.slug ?? e.guid).toLowerCase().replace(/[^a-z0-9._-]+/g, "-").replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, "") || "session";
    let id = e.occurrence > 0 ? `${base}-${e.occurrence + 1}` : base;
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
    used.add(id);
    return id;
  });
}

/** An event as a session whose tracks and speakers are still to be matched; none without a date. */
function sessionOf(event: ImportedEvent, id: string, sourceId: string): Session | undefined {
  if (!event.date) return undefined;
  const who = event.persons.map((p) => (p.handle && p.handle !== p.name ? `${p.name} (${p.handle})` : p.name)).join(", ");
  const when = [event.date, event.time, event.time ? event.zone : undefined].filter(Boolean).join(" ");
  const quote = `‘${event.title}’${who ? ` — ${who}` : ""}, ${when}${event.tracks.length ? ` (${event.tracks.join(" + ")})` : ""}`;
  const summary = event.abstract ?? event.description;
  return {
    id,
    title: { ko: event.title, en: event.title },
    kind: sessionKinds.find((k) => k === event.type?.toLowerCase()) ?? "talk",
    tracks: [],
    date: event.date,
    ...(event.time ? { time: event.time } : {}),
    speakers: [],
    ...(summary ? { summary: { ko: summary, en: summary } } : {}),
    links: event.links.map(({ title, url }) => ({ title, url })),
    source: sourceId,
    quote,
    more: [],
    ...(event.url ? { url: event.url } : {}),
  };
}

export function mergeSchedules(target: MergeTarget, schedules: readonly ImportedSchedule[], problems: KnowledgeProblem[]): void {
  const tracks = new NameIndex(target.tracks, (t) => [t.id, t.name.ko, t.name.en, ...t.aliases]);
  const people = new NameIndex(target.people, (p) => [p.id, p.handle, p.name.ko, p.name.en, ...p.aliases]);
  const created = new Set<string>();
  const imported = new Map<string, string>();

  for (const schedule of schedules) {
    const source = sourceOf(schedule);
    const earlier = target.sources.get(source.id);
    if (earlier) {
      problems.push({ file: schedule.origin, message: `a second schedule for the same conference (source "${earlier.id}"): give the pack one` });
      continue;
    }
    target.sources.set(source.id, source);
    // Every track name, in order: the conference's list, then any only events use.
    const trackNames = [...new Set([...schedule.conference.tracks.map((t) => t.name), ...schedule.events.flatMap((e) => e.tracks)])];
    const trackQuote = `${schedule.conference.title} tracks: ${trackNames.join(", ")}`;
    const trackId = (name: string): string => {
      const found = tracks.find(name);
      if (found) return found;
      const track: Track = { id: tracks.freeId(name, "track"), name: { ko: name, en: name }, aliases: [], source: source.id, quote: trackQuote, more: [] };
      tracks.set(track);
      return track.id;
    };
    trackNames.forEach(trackId);

    const personId = (person: ImportedPerson, session: Session): string => {
      const found = people.find(person.handle, person.name);
      if (!found) {
        const fresh = newPerson(people.freeId(person.handle ?? person.name, "person"), person, session);
        people.set(fresh);
        created.add(fresh.id);
        return fresh.id;
      }
      const known = target.people.get(found)!;
      people.set(created.has(found) ? { ...known, more: withCitation(known.more, citationOf(session)) } : enrichPerson(known, person));
      return found;
    };

    const ids = sessionIds(schedule.events);
    const repeated: { id: string; path: Path; first: string }[] = [];
    schedule.events.forEach((event, i) => {
      const fromSchedule = sessionOf(event, ids[i], source.id);
      if (!fromSchedule) return;
      const id = fromSchedule.id;
      const first = imported.get(id);
      if (first) {
        repeated.push({ id, path: [...event.path, "id"], first });
        return;
      }
      imported.set(id, schedule.origin);
      const session: Session = {
        ...fromSchedule,
        tracks: [...new Set(event.tracks.map(trackId))],
        speakers: [...new Set(event.persons.map((p) => personId(p, fromSchedule)))],
      };
      const yaml = target.sessions.get(id);
      target.sessions.set(id, yaml ? enrichSession(yaml, session) : session);
    });
    // Placed in one scan of the file for all of them.
    const lines = schedule.linesOf(repeated.map((r) => r.path));
    repeated.forEach(({ id, first }, i) =>
      problems.push({ file: schedule.origin, line: lines[i], field: "id", message: `session id "${id}" is already imported from ${first}` }),
    );
  }
}

function newPerson(id: string, p: ImportedPerson, first: Session): Person {
  const handle = p.handle ?? (HANDLE.test(p.name) ? p.name : undefined);
  return {
    id,
    name: { ko: p.name, en: p.name },
    aliases: handle && handle !== p.name ? [handle] : [],
    ...(handle ? { handle } : {}),
    ...(p.organisation ? { organisation: { ko: p.organisation, en: p.organisation } } : {}),
    roles: [],
    ...citationOf(first),
    more: [],
  };
}
