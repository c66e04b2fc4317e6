// Merges imported schedules into the pack. Track and person names are matched to the pack's tracks and
// people (by id, name, alias or handle), unknown ones are created, and a YAML entry naming the same
// session (by id) or person enriches the imported one: YAML wins where it says something, the schedule
// fills the rest (see "Importing a schedule" in the README).
import { romanize } from "es-hangul";
import type { ImportedEvent, ImportedPerson, ImportedSchedule } from "./schedule.js";
import { squash } from "../text.js";
import type { KnowledgeProblem, Person, Session, Source, Track } from "./schema.js";

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

export function mergeSchedules(target: MergeTarget, schedules: readonly ImportedSchedule[], problems: KnowledgeProblem[]): void {
  const tracks = new NameIndex(target.tracks, (t) => [t.id, t.name.ko, t.name.en, ...t.aliases]);
  const people = new NameIndex(target.people, (p) => [p.id, p.handle, p.name.ko, p.name.en, ...p.aliases]);
  const created = new Set<string>();
  const imported = new Map<string, string>();

  for (const schedule of schedules) {
    const earlier = target.sources.get(schedule.source.id);
    if (earlier) {
      problems.push({ file: schedule.origin, message: `a second schedule for the same conference (source "${earlier.id}"): give the pack one` });
      continue;
    }
    target.sources.set(schedule.source.id, schedule.source);
    const trackId = (name: string): string => {
      const found = tracks.find(name);
      if (found) return found;
      const track: Track = { id: tracks.freeId(name, "track"), name: { ko: name, en: name }, aliases: [], source: schedule.source.id, quote: schedule.trackQuote, more: [] };
      tracks.set(track);
      return track.id;
    };
    schedule.trackNames.forEach(trackId);

    const personId = (person: ImportedPerson, event: ImportedEvent): string => {
      const found = people.find(person.handle, person.name);
      if (!found) {
        const fresh = newPerson(people.freeId(person.handle ?? person.name, "person"), person, event.session);
        people.set(fresh);
        created.add(fresh.id);
        return fresh.id;
      }
      const known = target.people.get(found)!;
      people.set(created.has(found) ? { ...known, more: withCitation(known.more, citationOf(event.session)) } : enrichPerson(known, person));
      return found;
    };

    for (const event of schedule.events) {
      const id = event.session.id;
      const first = imported.get(id);
      if (first) {
        problems.push({ file: schedule.origin, line: schedule.lineOf([...event.path, "id"]), field: "id", message: `session id "${id}" is already imported from ${first}` });
        continue;
      }
      imported.set(id, schedule.origin);
      const session: Session = {
        ...event.session,
        tracks: [...new Set(event.trackNames.map(trackId))],
        speakers: [...new Set(event.persons.map((p) => personId(p, event)))],
      };
      const yaml = target.sessions.get(id);
      target.sessions.set(id, yaml ? enrichSession(yaml, session) : session);
    }
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
