// What a reload changed, by name: the admin's reply and the audit log say which items, not only how many.
//
// Comparing two knowledges item by item (JSON of each) takes over 100 ms at 10,000 sessions, on the main thread
// of a bot that is answering questions. So every knowledge gets a fingerprint where it is built — one content
// hash per item, taken by the loader (in the reload worker, off the main thread) — and a diff compares hashes.
import { createHash } from "node:crypto";
import type { Knowledge } from "./schema.js";

export interface SectionDiff {
  section: string;
  added: string[];
  removed: string[];
  changed: string[];
}

/** Per section, per item id: a hash of the item's content. */
export type Fingerprint = Record<string, ReadonlyMap<string, string>>;

type Named = { id: string; name?: { ko: string }; title?: { ko: string }; text?: { ko: string } };
const label = (item: Named): string => {
  const name = item.name?.ko ?? item.title?.ko ?? item.text?.ko;
  return name && name !== item.id ? `${name} (${item.id})` : item.id;
};

function sections(k: Knowledge): Record<string, ReadonlyMap<string, Named>> {
  return {
    events: k.events,
    people: k.people,
    sessions: k.sessions,
    tracks: k.tracks,
    rooms: k.rooms as unknown as ReadonlyMap<string, Named>,
    budgets: k.budgets as unknown as ReadonlyMap<string, Named>,
    remediation: k.remediation,
    facts: k.facts,
    sources: k.sources as unknown as ReadonlyMap<string, Named>,
  };
}

/** A hash of one item: equal hashes stand for equal JSON, which is what "changed" has always meant here. */
const itemHash = (item: unknown): string => createHash("sha1").update(JSON.stringify(item)).digest("base64");

/** Per section, a hash of each item: taken where a snapshot is built (the reload worker), so a diff is cheap. */
export function fingerprintOf(k: Knowledge): Fingerprint {
  const entries = Object.entries(sections(k)).map(([section, items]) => [section, new Map([...items].map(([id, item]) => [id, itemHash(item)]))]);
  return Object.fromEntries(entries) as Fingerprint;
}

/** What a diff compares: a knowledge and its fingerprint. */
export interface Fingerprinted {
  knowledge: Knowledge;
  fingerprint: Fingerprint;
}

/** The sections that differ between two knowledges (unchanged sections are left out). */
export function diffKnowledge(before: Fingerprinted, after: Fingerprinted): SectionDiff[] {
  const a = before.fingerprint;
  const b = after.fingerprint;
  const itemsBefore = sections(before.knowledge);
  const itemsAfter = sections(after.knowledge);
  const out: SectionDiff[] = [];
  for (const section of Object.keys(itemsAfter)) {
    const was = a[section] ?? new Map<string, string>();
    const now = b[section] ?? new Map<string, string>();
    const added: string[] = [];
    const changed: string[] = [];
    for (const [id, hash] of now) {
      const old = was.get(id);
      if (old === undefined) added.push(label(itemsAfter[section].get(id)!));
      else if (old !== hash) changed.push(label(itemsAfter[section].get(id)!));
    }
    const removed = [...was.keys()].filter((id) => !now.has(id)).map((id) => label(itemsBefore[section].get(id)!));
    if (added.length || removed.length || changed.length) out.push({ section, added, removed, changed });
  }
  return out;
}

export function countKnowledge(k: Knowledge): Record<string, number> {
  return {
    events: k.events.size,
    people: k.people.size,
    sessions: k.sessions.size,
    tracks: k.tracks.size,
    remediation: k.remediation.size,
    facts: k.facts.size,
    sources: k.sources.size,
  };
}
