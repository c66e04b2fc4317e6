// The search seam: what the question reader needs from the document index (`Searcher`), and what building a
// snapshot needs to make one (`searchEngine`: build it, move it between threads as buffers, restore it).
//
// A question's words are looked up term by term in a typed postings index (postings.ts); every document a word
// reaches is credited with that word, so the reader learns, for each document, which of the question's words it
// answers (coverage) and how strongly (idf-weighted term weights). The best few are kept, not sorted all.
import { bigrams, isHangulWord, jamo } from "./analyze.js";
import { buildDocuments, PIECE_MARK, type DocKind, type DocRef } from "./documents.js";
import { Accumulator, buildPostings, Postings, transferables, type PostingsData } from "./postings.js";
import type { Knowledge } from "../knowledge/schema.js";

/** One word of a question, as the index is asked for it. */
export interface QueryWord {
  /** Terms looked up exactly: the word's analysed forms and the words that stand for it. */
  terms: readonly string[];
  /** Terms starting with these also count (long words: a Latin word's start, a Korean stem). */
  prefixes?: readonly string[];
  /** Sets of two-syllable pieces, each set all in a document: a word inside a compound (조사 in 원인조사), for each
   * of the word's Korean forms (마이그레이션, 전환 of 전환기). */
  pieces?: readonly (readonly string[])[];
  /** Groups of terms that must all occur in a document: a glossary stand-in of several words ("data center"). */
  phrases?: readonly (readonly string[])[];
}

export interface SearchHit {
  ref: DocRef;
  /** How many of the query's words the document answers, and which (bit i is word i). */
  covered: number;
  mask: number;
  score: number;
}

export interface SearchOptions {
  kinds?: readonly DocKind[];
  /** Only documents this keeps (an event, a day, a track …). */
  keep?: (ref: DocRef) => boolean;
  /** How many hits at most (the best first). */
  limit?: number;
}

/** What the question reader needs from an index (the bench swaps in MiniSearch's defaults behind it). */
export interface Searcher {
  readonly refs: readonly DocRef[];
  search(words: readonly QueryWord[], options?: SearchOptions): SearchHit[];
  /** Whether the index holds this term as a word, or (`as` "part") also inside a compound. */
  knows(term: string, as?: "word" | "part"): boolean;
  /** Known terms one typo away (Korean by jamo): candidates for a word the index does not know. */
  near(word: string): readonly string[];
}

/** The most words of one question the index counts (bit masks are 32 bits). */
export const MAX_QUERY_WORDS = 24;
const DEFAULT_LIMIT = 50;
/** How many words' near terms are kept between questions. */
const NEAR_CACHE_SIZE = 5_000;

class PostingsIndex implements Searcher {
  private readonly accumulator: Accumulator;
  private byLength?: Map<number, { term: string; key: string }[]>;
  private readonly nearCache = new Map<string, string[]>();

  constructor(readonly refs: readonly DocRef[], private readonly postings: Postings) {
    this.accumulator = new Accumulator(postings.docCount);
  }

  /** The term indexes a word reaches, each with how much it counts. */
  private termsOf(word: QueryWord): { term: number; factor: number }[] {
    const out = new Map<number, number>();
    for (const t of word.terms) {
      const i = this.postings.find(t);
      if (i >= 0) out.set(i, 1);
    }
    for (const p of word.prefixes ?? []) for (const i of this.postings.withPrefix(p)) if (!out.has(i)) out.set(i, 0.6);
    return [...out].map(([term, factor]) => ({ term, factor }));
  }

  search(words: readonly QueryWord[], options: SearchOptions = {}): SearchHit[] {
    const { kinds, keep, limit = DEFAULT_LIMIT } = options;
    words.slice(0, MAX_QUERY_WORDS).forEach((word, w) => {
      for (const { term, factor } of this.termsOf(word)) {
        const idf = this.postings.idf(term) * factor;
        this.postings.each(term, (doc, weight) => this.accumulator.add(doc, w, idf * weight));
      }
      // A word inside a compound: the documents holding all its pieces; a phrase: all its words.
      for (const set of word.pieces ?? []) this.allOf(set.map((p) => PIECE_MARK + p), w, 0.5);
      for (const phrase of word.phrases ?? []) this.allOf(phrase, w, 0.8);
    });
    const wanted = (doc: number) => {
      const ref = this.refs[doc];
      return (!kinds || kinds.includes(ref.kind)) && (!keep || keep(ref));
    };
    return this.accumulator.top(limit, wanted).map((h) => ({ ref: this.refs[h.doc], covered: h.words, mask: 0, score: h.score }));
  }

  /** Credits word `w` to the documents holding every one of `terms`. */
  private allOf(terms: readonly string[], w: number, factor: number): void {
    const found = terms.map((t) => this.postings.find(t));
    if (!found.length || found.some((i) => i < 0)) return;
    const [first, ...rest] = found.map((i) => this.postings.docSet(i));
    const idf = Math.min(...found.map((i) => this.postings.idf(i))) * factor;
    for (const doc of first) if (rest.every((set) => set.has(doc))) this.accumulator.add(doc, w, idf);
  }

  knows(term: string, as: "word" | "part" = "part"): boolean {
    if (this.postings.find(term) >= 0) return true;
    if (as === "word") return false;
    // A part of three or more syllables (위원회 of 비상대책위원회): each of its two-syllable pieces is held.
    const pieces = bigrams(term);
    return pieces.length ? pieces.every((p) => this.postings.find(PIECE_MARK + p) >= 0) : this.postings.find(PIECE_MARK + term) >= 0;
  }

  near(word: string): readonly string[] {
    const known = this.nearCache.get(word);
    if (known) return known;
    const key = (t: string) => (isHangulWord(t) ? jamo(t) : t);
    // Terms by the length of their key (jamo for Hangul), each key computed once per snapshot.
    if (!this.byLength) {
      this.byLength = new Map();
      for (let i = 0; i < this.postings.termCount; i++) {
        const term = this.postings.term(i);
        if (term.startsWith(PIECE_MARK)) continue;
        const entry = { term, key: key(term) };
        const list = this.byLength.get(entry.key.length);
        if (list) list.push(entry);
        else this.byLength.set(entry.key.length, [entry]);
      }
    }
    const target = key(word);
    // One edit for short words, two for long Latin ones; Korean by jamo, where one typo is one edit.
    const max = isHangulWord(word) || target.length < 8 ? 1 : 2;
    const out: string[] = [];
    for (let length = target.length - max; length <= target.length + max; length++) {
      for (const t of this.byLength.get(length) ?? []) if (withinEdits(target, t.key, max)) out.push(t.term);
    }
    // Bounded: a question asks a few dozen words; a flood of distinct ones starts the cache afresh.
    if (this.nearCache.size >= NEAR_CACHE_SIZE) this.nearCache.clear();
    this.nearCache.set(word, out);
    return out;
  }
}

/** Whether a and b are at most `max` edits apart (insert, delete, substitute, swap neighbours). */
export function withinEdits(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false;
  let previous2: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, previous2[j - 2] + 1);
      row.push(d);
      best = Math.min(best, d);
    }
    if (best > max) return false;
    previous2 = previous;
    previous = row;
  }
  return previous[b.length] <= max;
}

/** A built index as what crosses threads: the document references and the postings buffers. */
export interface IndexData {
  /** `kind event key` per document, joined by "\n": one string crosses threads faster than many objects. */
  refs: string;
  postings: PostingsData;
}

const encodeRef = (r: DocRef) => `${r.kind}\t${r.event}\t${r.key}`;
function decodeRefs(text: string): DocRef[] {
  if (!text) return [];
  return text.split("\n").map((line) => {
    const [kind, event, key] = line.split("\t");
    return { kind: kind as DocKind, event, key };
  });
}

/** What a snapshot builder needs: the index of a knowledge, built here or in a worker and moved as buffers. */
export const searchEngine = {
  data(k: Knowledge): IndexData {
    const docs = buildDocuments(k);
    return { refs: docs.refs.map(encodeRef).join("\n"), postings: buildPostings(docs.contents) };
  },
  transferables: (data: IndexData): ArrayBuffer[] => transferables(data.postings),
  restore: (data: IndexData): Searcher => new PostingsIndex(decodeRefs(data.refs), new Postings(data.postings)),
  build(k: Knowledge): Searcher {
    return this.restore(this.data(k));
  },
};
