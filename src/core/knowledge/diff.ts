// What a reload changed, by name: the admin's reply and the audit log say which items, not only how many.
import type { Knowledge } from "./schema.js";

export interface SectionDiff {
  section: string;
  added: string[];
  removed: string[];
  changed: string[];
}

type Named = { id: string; name?: { ko: string }; title?: { ko: string }; text?: { ko: string } };
const label = (item: Named): string => {
  const name = item.name?.ko ?? item.title?.ko ?? item.text?.ko;
  return name && name !== item.id ? `${name} (${item.id})` : item.id;
};

function sections(k: Knowledge | undefined): Record<string, Map<string, Named>> {
  const single = (item?: Named) => new Map(item ? [[item.id, item]] : []);
  return {
    event: single(k?.event),
    people: new Map(k?.people),
    sessions: new Map(k?.sessions),
    tracks: new Map(k?.tracks),
    budget: single(k?.budget as Named | undefined),
    remediation: new Map(k?.remediation),
    facts: new Map(k?.facts),
    sources: new Map(k?.sources as Map<string, Named> | undefined),
  } as Record<string, Map<string, Named>>;
}

/** The sections that differ between two knowledges (unchanged sections are left out). */
export function diffKnowledge(before: Knowledge | undefined, after: Knowledge): SectionDiff[] {
  const a = sections(before);
  const b = sections(after);
  const out: SectionDiff[] = [];
  for (const section of Object.keys(b)) {
    const added = [...b[section].values()].filter((i) => !a[section].has(i.id)).map(label);
    const removed = [...a[section].values()].filter((i) => !b[section].has(i.id)).map(label);
    const changed = [...b[section].values()]
      .filter((i) => a[section].has(i.id) && JSON.stringify(a[section].get(i.id)) !== JSON.stringify(i))
      .map(label);
    if (added.length || removed.length || changed.length) out.push({ section, added, removed, changed });
  }
  return out;
}

export function countKnowledge(k: Knowledge): Record<string, number> {
  return {
    people: k.people.size,
    sessions: k.sessions.size,
    tracks: k.tracks.size,
    remediation: k.remediation.size,
    facts: k.facts.size,
    sources: k.sources.size,
  };
}
