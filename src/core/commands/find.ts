// Finding what a command's argument names: an id or key, a name (any spelling, with a typo, initials only), or
// words that find it in the documents — inside the events in scope.
import type { Lang } from "../locale.js";
import { namesStartingWith } from "../search/minisearch.js";
import type { DocKind } from "../search/documents.js";
import type { Snapshot } from "../snapshot/snapshot.js";
import type { NamedKind } from "../snapshot/tables.js";
import { squash } from "../text.js";
import { Reader } from "../understand/read.js";
import type { Scope } from "../answers/subject.js";
import type { Choice } from "./command.js";

const SECTION = { person: "people", session: "sessions", track: "tracks" } as const;

/** The keys of the items of one kind that `text` names: an exact id, key or name first; else what the question
 * reader links (typos, initials, Korean typed on an English layout); else the documents it finds. */
export function findKeys(snapshot: Snapshot, scope: Scope, kind: "person" | "track" | "session", text: string): string[] {
  const t = snapshot.tables;
  const inScope = (key: string) => {
    const item = snapshot.knowledge[SECTION[kind]].get(key);
    return item !== undefined && scope.events.includes(item.event);
  };
  const direct = [text.trim(), ...(t.localIds.get(`${SECTION[kind]}:${text.trim().toLowerCase()}`) ?? [])].filter(inScope);
  if (direct.length) return [...new Set(direct)];
  const exact = (t.names.get(squash(text)) ?? []).filter((n) => n.kind === kind && inScope(n.key)).map((n) => n.key);
  if (exact.length) return exact;
  const reading = new Reader(snapshot).read(text);
  const linked = reading.clauses.flatMap((c) => c.names.flat()).filter((n) => n.kind === (kind as NamedKind) && inScope(n.key)).map((n) => n.key);
  if (linked.length && !reading.unknown.length) return [...new Set(linked)];
  const topics = reading.clauses.flatMap((c) => c.topics);
  if (!topics.length || reading.unknown.length) return [];
  const hits = snapshot.index.search(topics.map((x) => ({ terms: x.terms })), { kinds: [kind as DocKind], keep: (ref) => scope.events.includes(ref.event), limit: 25 });
  return hits.filter((h) => h.covered === topics.length).map((h) => h.ref.key);
}

/** Autocomplete choices of one kind for what has been typed so far: names starting with it, then documents with it. */
export function choicesFor(snapshot: Snapshot, scope: Scope, kind: "person" | "track" | "session", typed: string, label: (key: string, lang: Lang) => string, value: (key: string) => string, lang: Lang): Choice[] {
  const t = snapshot.tables;
  const section = snapshot.knowledge[SECTION[kind]];
  const inScope = (key: string) => {
    const item = section.get(key);
    return item !== undefined && scope.events.includes(item.event);
  };
  const typedSquashed = squash(typed);
  const keys: string[] = [];
  if (!typedSquashed) keys.push(...[...section.keys()].filter(inScope).slice(0, 25));
  else {
    for (const name of namesStartingWith(snapshot.names, typedSquashed)) for (const n of t.names.get(name) ?? []) if (n.kind === kind && inScope(n.key)) keys.push(n.key);
    const words = typed.trim().split(/\s+/);
    const last = squash(words.at(-1) ?? "");
    const hits = snapshot.index.search(words.map((w, i) => ({ terms: [squash(w)], ...(i === words.length - 1 && last.length >= 2 ? { prefixes: [last] } : {}) })), { kinds: [kind as DocKind], keep: (ref) => scope.events.includes(ref.event), limit: 25 });
    keys.push(...hits.filter((h) => h.covered === words.length).map((h) => h.ref.key));
  }
  return [...new Set(keys)].slice(0, 25).map((key) => ({ name: label(key, lang), value: value(key) }));
}
