// Lookup tables a snapshot carries beside its index, built once with it (in the reload worker): every name the
// knowledge gives a thing, squashed (so "Ko Woo-chan", "kowoochan" and "고우찬이" find the same person), and the
// sessions by event in time order, by track, speaker, room and organisation.
import type { Knowledge, Session } from "../knowledge/schema.js";
import { romanizedNames } from "./romanized.js";
import { squash } from "../text.js";

export type NamedKind = "person" | "track" | "room" | "event" | "org" | "session";

/** What a name names. An organisation's key is `event/org:<squashed name>`; its label is the name as written. */
export interface Named {
  kind: NamedKind;
  key: string;
  event: string;
}

export interface SnapshotTables {
  /** Squashed names → what they name. */
  names: Map<string, Named[]>;
  /** The longest squashed name: how far a lookup inside unspaced text has to reach. */
  longestName: number;
  /** Per event, its sessions' keys in time order. */
  timeline: Map<string, string[]>;
  bySpeaker: Map<string, string[]>;
  byTrack: Map<string, string[]>;
  byRoom: Map<string, string[]>;
  /** Organisation key → the sessions its people gave, and its people. */
  byOrg: Map<string, string[]>;
  peopleByOrg: Map<string, string[]>;
  /** Organisation key → the name as written ("카카오뱅크"). */
  orgNames: Map<string, string>;
  /** `section:id` → the keys of every item with that local id, across events (a bare id is unambiguous when one). */
  localIds: Map<string, string[]>;
}

/** The organisation key for a name in an event. */
export const orgKey = (event: string, name: string): string => `${event}/org:${squash(name)}`;

/** Sessions in time order: date, then time, then their ids as numbers where they are numbers. */
const collator = new Intl.Collator("en", { numeric: true });
export const byTime = (a: Session, b: Session): number =>
  a.date < b.date ? -1 : a.date > b.date ? 1 : (a.time ?? "") < (b.time ?? "") ? -1 : (a.time ?? "") > (b.time ?? "") ? 1 : collator.compare(a.id, b.id);

/** Titles shorter than this are not names: "AI" as a title would be found inside every question about AI. */
const TITLE_MIN = 6;

export function buildTables(k: Knowledge): SnapshotTables {
  const names = new Map<string, Named[]>();
  let longestName = 0;
  const name = (surface: string | undefined, named: Named) => {
    const s = surface ? squash(surface) : "";
    if (s.length < 2) return;
    const list = names.get(s);
    if (list?.some((n) => n.key === named.key)) return;
    if (list) list.push(named);
    else names.set(s, [named]);
    longestName = Math.max(longestName, s.length);
  };
  const push = (map: Map<string, string[]>, key: string, value: string) => {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  };

  const orgNames = new Map<string, string>();
  const peopleByOrg = new Map<string, string[]>();
  for (const e of k.events.values()) {
    for (const n of [e.id, e.name.ko, e.name.en, e.acronym, ...e.aliases]) name(n, { kind: "event", key: e.id, event: e.id });
  }
  for (const p of k.people.values()) {
    for (const n of [p.name.ko, p.name.en, p.handle, ...p.aliases, ...romanizedNames(p.name.ko)]) name(n, { kind: "person", key: p.key, event: p.event });
    for (const org of p.organisation ? [p.organisation.ko, p.organisation.en] : []) {
      const key = orgKey(p.event, org);
      if (!orgNames.has(key)) orgNames.set(key, org);
      if (!peopleByOrg.get(key)?.includes(p.key)) push(peopleByOrg, key, p.key);
      name(org, { kind: "org", key, event: p.event });
    }
  }
  for (const t of k.tracks.values()) for (const n of [t.name.ko, t.name.en, ...t.aliases]) name(n, { kind: "track", key: t.key, event: t.event });
  // A room is also called by its code alone ("M1" of "Lecture room M1", "HS7"); where several rooms end with the
  // code ("Assembly space in front of M1"), the shortest name is the room itself.
  const codes = new Map<string, string[]>();
  for (const r of k.rooms.values()) {
    name(r.name, { kind: "room", key: r.key, event: r.event });
    const code = r.name.trim().split(/\s+/).at(-1)!;
    if (r.name.trim().includes(" ") && /[a-z]/i.test(code) && /\d/.test(code)) codes.set(`${r.event}|${code}`, [...(codes.get(`${r.event}|${code}`) ?? []), r.key]);
  }
  for (const [eventCode, keys] of codes) {
    const [event, code] = [eventCode.slice(0, eventCode.indexOf("|")), eventCode.slice(eventCode.indexOf("|") + 1)];
    const room = keys.map((key) => k.rooms.get(key)!).sort((a, b) => a.name.length - b.name.length)[0];
    name(code, { kind: "room", key: room.key, event });
  }

  const timeline = new Map<string, string[]>();
  const bySpeaker = new Map<string, string[]>();
  const byTrack = new Map<string, string[]>();
  const byRoom = new Map<string, string[]>();
  const byOrg = new Map<string, string[]>();
  const roomKeys = new Map([...k.rooms.values()].map((r) => [`${r.event}|${squash(r.name)}`, r.key]));
  for (const s of [...k.sessions.values()].sort(byTime)) {
    push(timeline, s.event, s.key);
    for (const t of s.tracks) push(byTrack, t, s.key);
    const orgs = new Set<string>();
    for (const speaker of s.speakers) {
      push(bySpeaker, speaker, s.key);
      const o = k.people.get(speaker)?.organisation;
      if (o) orgs.add(orgKey(s.event, o.ko)).add(orgKey(s.event, o.en));
    }
    for (const o of orgs) push(byOrg, o, s.key);
    const room = s.room ? roomKeys.get(`${s.event}|${squash(s.room)}`) : undefined;
    if (room) push(byRoom, room, s.key);
    for (const title of new Set([s.title.ko, s.title.en])) if (squash(title).length >= TITLE_MIN) name(title, { kind: "session", key: s.key, event: s.event });
    // "Yubikey 101: Yubikey 201 …", "Freak Show: FS147 …": the title before its subtitle names the session too,
    // when it is a name of two words or more (not "Workshop: …").
    const main = s.title.en.split(": ")[0];
    if (main !== s.title.en && main.trim().includes(" ") && squash(main).length >= TITLE_MIN) name(main, { kind: "session", key: s.key, event: s.event });
  }
  const localIds = new Map<string, string[]>();
  for (const section of ["sessions", "people", "tracks"] as const) for (const item of k[section].values()) push(localIds, `${section}:${item.id}`, item.key);
  return { names, longestName, timeline, bySpeaker, byTrack, byRoom, byOrg, peopleByOrg, orgNames, localIds };
}
