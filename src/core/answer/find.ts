// Finding the item a user named: by exact id or name first, then by search restricted to one kind.
import type { Lang } from "../answer.js";
import type { Choice } from "../commands.js";
import { ANSWER_COVERAGE, type Hit, type Searcher } from "../search/index.js";
import type { DocType, SearchDoc } from "../search/documents.js";
import type { Snapshot } from "../snapshot.js";

/** A name as users type it, whatever the spacing or punctuation: "Ko Woo-chan" and "kowoochan" meet. */
const squash = (s: string) => s.normalize("NFC").toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");

const nameTables = new WeakMap<Searcher, ReadonlyMap<string, SearchDoc[]>>();

/** Documents by kind and squashed id or name, built once per index: exact lookups are on every command's path. */
function nameTable(index: Searcher): ReadonlyMap<string, SearchDoc[]> {
  let table = nameTables.get(index);
  if (!table) {
    const built = new Map<string, SearchDoc[]>();
    for (const d of index.docs.values()) {
      for (const name of new Set([d.key, ...d.names].map(squash))) {
        const key = `${d.type}:${name}`;
        built.set(key, [...(built.get(key) ?? []), d]);
      }
    }
    nameTables.set(index, (table = built));
  }
  return table;
}

/** Items of one kind that answer `text`: an exact id or name wins alone; else every hit with enough coverage. */
export function findKeys(snapshot: Snapshot, type: DocType, text: string): { keys: string[]; near: Hit[] } {
  const exact = nameTable(snapshot.index).get(`${type}:${squash(text)}`) ?? [];
  if (exact.length) return { keys: exact.map((d) => d.key), near: [] };
  const { hits } = snapshot.index.search(text, [type]);
  const good = hits.filter((h) => h.coverage >= ANSWER_COVERAGE);
  return { keys: good.map((h) => h.doc.key), near: hits.filter((h) => h.coverage < ANSWER_COVERAGE).slice(0, 5) };
}

/** Autocomplete choices of one kind: name prefixes first, then search hits; at most 25. */
export function choicesFor(snapshot: Snapshot, type: DocType, typed: string, label: (key: string, lang: Lang) => string, lang: Lang): Choice[] {
  const docs = [...snapshot.index.docs.values()].filter((d) => d.type === type);
  const t = squash(typed);
  const prefixed = t ? docs.filter((d) => [d.key, ...d.names].some((n) => squash(n).startsWith(t))) : docs;
  const searched = t ? snapshot.index.search(typed, [type]).hits.map((h) => h.doc) : [];
  const seen = new Set<string>();
  const out: Choice[] = [];
  for (const d of [...prefixed, ...searched]) {
    if (seen.has(d.key) || out.length >= 25) continue;
    seen.add(d.key);
    // Discord caps a choice's name and value at 100 characters.
    out.push({ name: label(d.key, lang).slice(0, 100), value: d.key.slice(0, 100) });
  }
  return out;
}
