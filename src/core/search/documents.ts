// Turns knowledge items into searchable documents: what each item is called and what it says, in Korean and in
// English, as weighted index terms. What every document of a kind repeats — its kind, its day, "session" — is not
// text here: kinds, days and events are filters the question reader applies to the hits.
import { formatWon } from "../locale.js";
import type { Knowledge } from "../knowledge/schema.js";
import { piecesOfWord, termsOfWord, words } from "./analyze.js";
import type { WeightedTerms } from "./postings.js";

export type DocKind = "person" | "session" | "track" | "room" | "budget" | "remediation" | "fact" | "event";

/** A document's item: its kind and the item's key in that section of the knowledge. */
export interface DocRef {
  kind: DocKind;
  key: string;
  event: string;
}

/** Field boosts: a word of a title or a name says more than a word of a summary or a quoted sentence. */
const BOOST = { name: 3, keyword: 1.5, text: 1, quote: 0.6 } as const;
/** A two-syllable piece of a Korean compound counts for less than the whole word. */
const PIECE = 0.3;
/** Pieces are kept apart from whole words in the term list. */
export const PIECE_MARK = "\u0002";

/** What a document's fields are poured into: weighted terms for the index, plain text for the bench's baseline. */
export interface FieldBag<T> {
  add(text: string | undefined, boost: number): this;
  addAll(texts: readonly (string | undefined)[], boost: number): this;
  readonly value: T;
}

class TermBag implements FieldBag<WeightedTerms> {
  readonly terms = new Map<string, number>();

  get value(): WeightedTerms {
    return this.terms;
  }

  add(text: string | undefined, boost: number): this {
    if (!text) return this;
    for (const word of words(text)) {
      for (const term of termsOfWord(word)) this.terms.set(term, (this.terms.get(term) ?? 0) + boost);
      for (const piece of piecesOfWord(word)) this.terms.set(PIECE_MARK + piece, (this.terms.get(PIECE_MARK + piece) ?? 0) + boost * PIECE);
    }
    return this;
  }

  addAll(texts: readonly (string | undefined)[], boost: number): this {
    for (const t of texts) this.add(t, boost);
    return this;
  }
}

export interface Documents<T = WeightedTerms> {
  refs: DocRef[];
  contents: T[];
}

export const buildDocuments = (k: Knowledge): Documents => collectDocuments(k, () => new TermBag());

/** Every item of the knowledge as a document: its reference and what `newBag` made of its fields. */
export function collectDocuments<T>(k: Knowledge, newBag: () => FieldBag<T>): Documents<T> {
  const refs: DocRef[] = [];
  const contents: T[] = [];
  const add = (ref: DocRef, bag: FieldBag<T>) => {
    refs.push(ref);
    contents.push(bag.value);
  };
  for (const p of k.people.values()) {
    add(
      { kind: "person", key: p.key, event: p.event },
      newBag()
        .addAll([p.name.ko, p.name.en, ...p.aliases, p.handle], BOOST.name)
        .addAll(p.roles.flatMap((r) => [r.ko, r.en]), BOOST.keyword)
        .addAll([p.organisation?.ko, p.organisation?.en, p.summary?.ko, p.summary?.en], BOOST.text),
    );
  }
  for (const s of k.sessions.values()) {
    add(
      { kind: "session", key: s.key, event: s.event },
      newBag().addAll([s.title.ko, s.title.en === s.title.ko ? undefined : s.title.en], BOOST.name).addAll([s.summary?.ko, s.summary?.en, s.abstract], BOOST.text),
    );
  }
  for (const t of k.tracks.values()) {
    add({ kind: "track", key: t.key, event: t.event }, newBag().addAll([t.name.ko, t.name.en, ...t.aliases], BOOST.name).addAll([t.summary?.ko, t.summary?.en], BOOST.text));
  }
  for (const r of k.rooms.values()) add({ kind: "room", key: r.key, event: r.event }, newBag().add(r.name, BOOST.name));
  for (const b of k.budgets.values()) {
    add(
      { kind: "budget", key: b.key, event: b.event },
      newBag()
        .addAll(b.items.flatMap((i) => [i.text.ko, i.text.en]), BOOST.keyword)
        .addAll([formatWon(b.total, "ko"), formatWon(b.total, "en")], BOOST.text)
        .add(b.quote, BOOST.quote),
    );
  }
  for (const r of k.remediation.values()) {
    add(
      { kind: "remediation", key: r.key, event: r.event },
      newBag()
        .addAll([r.area.ko, r.area.en], BOOST.name)
        .addAll([r.text.ko, r.text.en, ...r.keywords], BOOST.keyword)
        .add(r.quote, BOOST.quote),
    );
  }
  for (const f of k.facts.values()) {
    add(
      { kind: "fact", key: f.key, event: f.event },
      newBag().addAll([f.text.ko, f.text.en], BOOST.text).addAll(f.keywords, BOOST.keyword).add(f.quote, BOOST.quote),
    );
  }
  for (const e of k.events.values()) {
    add(
      { kind: "event", key: e.id, event: e.id },
      newBag()
        .addAll([e.name.ko, e.name.en, ...e.aliases, e.acronym], BOOST.name)
        .addAll([e.summary?.ko, e.summary?.en, e.format?.ko, e.format?.en], BOOST.text)
        .add(e.quote, BOOST.quote),
    );
  }
  return { refs, contents };
}
