// Merges the parsed YAML files of each pack into the knowledge being built. A pack is the folder its files share
// (one folder below the knowledge folder, or the folder itself); its `event` section says which event its items
// belong to, so two packs never mix even when their ids are the same: every item is keyed `event/id`.
import { fieldName, type LineOf, type Path } from "./places.js";
import type { Budget, EventInfo, Fact, Knowledge, KnowledgeProblem, PackFile, Person, Remediation, Room, Session, Source, Track } from "./schema.js";

/** A parsed file with what is needed to place a problem at a line. */
export interface ParsedFile {
  file: string;
  content: PackFile;
  lineOf: LineOf;
  /** `section:id` of the items left out for schema problems: references to them are not problems of their own. */
  rejected: ReadonlySet<string>;
}

export interface Pack {
  /** The folder the pack's files share, relative to the knowledge folder ("" for files directly in it). */
  folder: string;
  files: ParsedFile[];
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] extends ReadonlyMap<infer A, infer B> ? Map<A, B> : T[K] };
/** The knowledge while it is being merged. */
export type Building = Mutable<Omit<Knowledge, "glossary">> & { glossary: string[][] };

export const emptyKnowledge = (): Building => ({
  events: new Map<string, EventInfo>(),
  sources: new Map<string, Source>(),
  people: new Map<string, Person>(),
  sessions: new Map<string, Session>(),
  tracks: new Map<string, Track>(),
  rooms: new Map<string, Room>(),
  budgets: new Map<string, Budget>(),
  remediation: new Map<string, Remediation>(),
  facts: new Map<string, Fact>(),
  glossary: [],
});

/** The key of an item of an event: unique across everything loaded. */
export const keyOf = (event: string, id: string): string => `${event}/${id}`;

type ItemSection = "people" | "sessions" | "tracks" | "remediation" | "facts";
const ITEM_SECTIONS: readonly ItemSection[] = ["people", "sessions", "tracks", "remediation", "facts"];

/** Where a YAML item was written, to check its references and quotes once everything is merged. */
export interface Written {
  pf: ParsedFile;
  path: Path;
  section: ItemSection | "budget" | "event";
  event: string;
  item: { source: string; quote: string; more: { source: string; quote: string }[]; tracks?: string[]; speakers?: string[]; presented_by?: string; owner?: string };
}

const at = (problems: KnowledgeProblem[], pf: ParsedFile, path: Path, message: string) =>
  problems.push({ file: pf.file, line: pf.lineOf(path), field: fieldName(path), message });

/** The pack's event: the one its files define, else the only event there is. */
function eventOf(pack: Pack, events: ReadonlyMap<string, EventInfo>, problems: KnowledgeProblem[]): string | undefined {
  const defining = pack.files.filter((pf) => pf.content.event);
  defining.slice(1).forEach((pf) => at(problems, pf, ["event"], `a second event in one pack (the first is in ${defining[0].file}): give each event its own folder`));
  if (defining.length) return defining[0].content.event!.id;
  if (events.size === 1) return [...events.keys()][0];
  const holdsItems = pack.files.find((pf) => [...ITEM_SECTIONS, "budget" as const].some((s) => pf.content[s] !== undefined));
  if (holdsItems) {
    const where = events.size ? `one of ${[...events.keys()].join(", ")}` : "an `event:` section";
    problems.push({ file: holdsItems.file, message: `these items belong to no event: put the file in the folder of ${where}` });
  }
  return undefined;
}

/** Merges every pack; returns where each item was written, for the checks that need the whole knowledge. */
export function mergePacks(packs: readonly Pack[], into: Building, problems: KnowledgeProblem[]): Written[] {
  const written: Written[] = [];
  const firstSource = new Map<string, string>();
  for (const pack of packs) {
    for (const pf of pack.files) {
      const event = pf.content.event;
      if (!event) continue;
      if (into.events.has(event.id)) at(problems, pf, ["event", "id"], `event id "${event.id}" is already defined by another pack`);
      else {
        into.events.set(event.id, event);
        written.push({ pf, path: ["event"], section: "event", event: event.id, item: event as Written["item"] });
      }
    }
  }
  for (const pack of packs) {
    const event = eventOf(pack, into.events, problems);
    const seen = new Map<string, { pf: ParsedFile; path: Path }>();
    for (const pf of pack.files) {
      into.glossary.push(...(pf.content.glossary ?? []));
      (pf.content.sources ?? []).forEach((source, i) => {
        const first = firstSource.get(source.id);
        if (first) at(problems, pf, ["sources", i, "id"], `duplicate source id "${source.id}" (first defined in ${first})`);
        else {
          firstSource.set(source.id, pf.file);
          into.sources.set(source.id, source);
        }
      });
      if (event === undefined) continue;
      for (const section of ITEM_SECTIONS) {
        (pf.content[section] ?? []).forEach((item, i) => {
          const path = [section, i];
          const first = seen.get(`${section}:${item.id}`);
          if (first) {
            at(problems, pf, [...path, "id"], `duplicate id "${item.id}" (first defined in ${first.pf.file}:${first.pf.lineOf(first.path)})`);
            return;
          }
          seen.set(`${section}:${item.id}`, { pf, path });
          const key = keyOf(event, item.id);
          (into[section] as Map<string, unknown>).set(key, { ...item, event, key });
          written.push({ pf, path, section, event, item });
        });
      }
      const budget = pf.content.budget;
      if (budget) {
        const key = keyOf(event, budget.id);
        if ([...into.budgets.values()].some((b) => b.event === event)) at(problems, pf, ["budget"], "a second budget in one pack; a pack has one");
        else {
          into.budgets.set(key, { ...budget, event, key });
          written.push({ pf, path: ["budget"], section: "budget", event, item: budget });
        }
      }
    }
  }
  return written;
}

/** What no single file can check: references to people and tracks of the same event, sources, verbatim quotes. */
export function checkReferences(written: readonly Written[], k: Building, sourceTexts: ReadonlyMap<string, string>, problems: KnowledgeProblem[]): void {
  const rejected = new Set(written.flatMap((w) => [...w.pf.rejected]));
  const refer = (w: Written, path: Path, kind: "people" | "tracks", id: string | undefined) => {
    if (id !== undefined && !k[kind].has(keyOf(w.event, id)) && !rejected.has(`${kind}:${id}`)) at(problems, w.pf, path, `refers to ${kind} "${id}", which the pack does not define`);
  };
  const checkCitation = (w: Written, path: Path, c: { source: string; quote: string }) => {
    const src = k.sources.get(c.source);
    if (!src) {
      if (!rejected.has(`sources:${c.source}`)) at(problems, w.pf, [...path, "source"], `refers to sources "${c.source}", which the pack does not define`);
      return;
    }
    if (!src.file) return;
    const text = sourceTexts.get(src.file);
    if (text === undefined) at(problems, w.pf, [...path, "source"], `source "${c.source}" names file ${src.file}, which is not in the pack folder`);
    else if (!text.normalize("NFC").includes(c.quote.normalize("NFC"))) at(problems, w.pf, [...path, "quote"], `the quote does not occur verbatim in ${src.file}`);
  };
  for (const w of written) {
    checkCitation(w, w.path, w.item);
    w.item.more.forEach((c, i) => checkCitation(w, [...w.path, "more", i], c));
    if (w.section === "sessions") {
      w.item.tracks?.forEach((t, i) => refer(w, [...w.path, "tracks", i], "tracks", t));
      w.item.speakers?.forEach((s, i) => refer(w, [...w.path, "speakers", i], "people", s));
    }
    if (w.section === "remediation") {
      refer(w, [...w.path, "presented_by"], "people", w.item.presented_by);
      refer(w, [...w.path, "owner"], "people", w.item.owner);
    }
  }
}

/** Item references inside the knowledge are keys: a YAML item's local ids (`speakers: [namgoong-hoon]`) become keys. */
export function resolveLocalIds(k: Building): void {
  const own = (event: string, ids: string[]) => ids.map((id) => (id.includes("/") ? id : keyOf(event, id)));
  for (const [key, s] of k.sessions) k.sessions.set(key, { ...s, tracks: own(s.event, s.tracks), speakers: own(s.event, s.speakers) });
  for (const [key, r] of k.remediation) {
    k.remediation.set(key, { ...r, presented_by: own(r.event, [r.presented_by])[0], ...(r.owner ? { owner: own(r.event, [r.owner])[0] } : {}) });
  }
}
