// Finding the item a user named: by exact id or name first, then by search restricted to one kind.
import type { Lang } from "../locale.js";
import { ANSWER_COVERAGE, type Hit } from "../search/query.js";
import type { DocType } from "../search/documents.js";
import type { Snapshot } from "../snapshot/snapshot.js";
import { squash } from "../text.js";
import type { Choice } from "./command.js";

/** Items of one kind that answer `text`: an exact id or name wins alone; else every hit with enough coverage. */
export function findKeys(snapshot: Snapshot, type: DocType, text: string): { keys: string[]; near: Hit[] } {
  const exact = snapshot.tables.names.get(`${type}:${squash(text)}`) ?? [];
  if (exact.length) return { keys: [...exact], near: [] };
  const { hits } = snapshot.index.search(text, [type]);
  const good = hits.filter((h) => h.coverage >= ANSWER_COVERAGE);
  return { keys: good.map((h) => h.doc.key), near: hits.filter((h) => h.coverage < ANSWER_COVERAGE).slice(0, 5) };
}

/** Autocomplete choices of one kind: name prefixes first, then search hits. */
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
    out.push({ name: label(d.key, lang), value: d.key });
  }
  return out;
}
