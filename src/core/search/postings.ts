// A compact inverted index in typed arrays: the terms sorted in one string, and for each term its documents and
// weights. It is built in the reload worker and moved to the answering thread as transferable buffers (no copy, no
// parse), and it counts coverage — how many of a question's words each document answers — by walking postings
// lists into two flat arrays: summing 160,000 postings takes about a millisecond, whatever the words.

/** The index as plain buffers: what the worker transfers. */
export interface PostingsData {
  /** Every term, sorted, each followed by "\n". */
  terms: string;
  /** Where term i starts in `terms` (one more entry than terms). */
  termStarts: Int32Array;
  /** Where term i's postings start in `docs` and `weights` (one more entry than terms). */
  postingStarts: Int32Array;
  docs: Int32Array;
  weights: Float32Array;
  docCount: number;
}

/** A document's terms, each with its weight (the field's boost times its frequency). */
export type WeightedTerms = ReadonlyMap<string, number>;

export function buildPostings(docTerms: readonly WeightedTerms[]): PostingsData {
  const lists = new Map<string, number[]>();
  docTerms.forEach((terms, doc) => {
    for (const [term, weight] of terms) {
      let list = lists.get(term);
      if (!list) lists.set(term, (list = []));
      list.push(doc, weight);
    }
  });
  const sorted = [...lists.keys()].sort();
  const termStarts = new Int32Array(sorted.length + 1);
  const postingStarts = new Int32Array(sorted.length + 1);
  let chars = 0;
  let postings = 0;
  sorted.forEach((term, i) => {
    termStarts[i] = chars;
    postingStarts[i] = postings;
    chars += term.length + 1;
    postings += lists.get(term)!.length / 2;
  });
  termStarts[sorted.length] = chars;
  postingStarts[sorted.length] = postings;
  const docs = new Int32Array(postings);
  const weights = new Float32Array(postings);
  sorted.forEach((term, i) => {
    const list = lists.get(term)!;
    for (let j = 0, at = postingStarts[i]; j < list.length; j += 2, at++) {
      docs[at] = list[j];
      weights[at] = list[j + 1];
    }
  });
  return { terms: sorted.map((t) => `${t}\n`).join(""), termStarts, postingStarts, docs, weights, docCount: docTerms.length };
}

/** The buffers to transfer (rather than copy) to another thread. */
export const transferables = (d: PostingsData): ArrayBuffer[] => [d.termStarts.buffer, d.postingStarts.buffer, d.docs.buffer, d.weights.buffer] as ArrayBuffer[];

export class Postings {
  readonly termCount: number;

  constructor(private readonly data: PostingsData) {
    this.termCount = data.termStarts.length - 1;
  }

  get docCount(): number {
    return this.data.docCount;
  }

  term(i: number): string {
    return this.data.terms.slice(this.data.termStarts[i], this.data.termStarts[i + 1] - 1);
  }

  /** The first term index whose term is not below `key`. */
  private lowerBound(key: string): number {
    let lo = 0;
    let hi = this.termCount;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.term(mid) < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The index of `term`, or -1. */
  find(term: string): number {
    const i = this.lowerBound(term);
    return i < this.termCount && this.term(i) === term ? i : -1;
  }

  /** The indexes of the terms starting with `prefix` (at most `max`). */
  withPrefix(prefix: string, max = 50): number[] {
    const out: number[] = [];
    for (let i = this.lowerBound(prefix); i < this.termCount && out.length < max && this.term(i).startsWith(prefix); i++) out.push(i);
    return out;
  }

  /** How many documents hold term i. */
  frequency(i: number): number {
    return this.data.postingStarts[i + 1] - this.data.postingStarts[i];
  }

  /** Inverse document frequency: rare terms weigh more. */
  idf(i: number): number {
    return Math.log(1 + this.data.docCount / Math.max(1, this.frequency(i)));
  }

  /** Calls `visit(doc, weight)` for every posting of term i. */
  each(i: number, visit: (doc: number, weight: number) => void): void {
    const { postingStarts, docs, weights } = this.data;
    for (let at = postingStarts[i], end = postingStarts[i + 1]; at < end; at++) visit(docs[at], weights[at]);
  }

  /** The documents of term i, as a set. */
  docSet(i: number): Set<number> {
    const { postingStarts, docs } = this.data;
    return new Set(docs.subarray(postingStarts[i], postingStarts[i + 1]));
  }
}

/** Per-document sums for one question, reused between questions (the arrays are as long as the documents). */
export class Accumulator {
  private readonly covered: Uint32Array;
  private readonly scores: Float32Array;
  private touched: number[] = [];

  constructor(docCount: number) {
    this.covered = new Uint32Array(docCount);
    this.scores = new Float32Array(docCount);
  }

  add(doc: number, word: number, score: number): void {
    if (this.covered[doc] === 0 && this.scores[doc] === 0) this.touched.push(doc);
    this.covered[doc] |= 1 << word;
    this.scores[doc] += score;
  }

  /** The best `k` documents that pass `keep`, by words covered then score; and clears the sums for the next question. */
  top(k: number, keep: (doc: number) => boolean): { doc: number; words: number; score: number }[] {
    const best: { doc: number; words: number; score: number }[] = [];
    const worse = (a: { words: number; score: number }, b: { words: number; score: number }) => a.words < b.words || (a.words === b.words && a.score < b.score);
    for (const doc of this.touched) {
      const hit = { doc, words: popcount(this.covered[doc]), score: this.scores[doc] };
      this.covered[doc] = 0;
      this.scores[doc] = 0;
      if (!keep(doc)) continue;
      if (best.length < k) {
        best.push(hit);
        if (best.length === k) best.sort((a, b) => (worse(a, b) ? 1 : worse(b, a) ? -1 : 0));
      } else if (worse(best[k - 1], hit)) {
        // Insert in order, dropping the last: k is small, so this stays linear in the hits.
        let at = k - 1;
        while (at > 0 && worse(best[at - 1], hit)) at--;
        best.splice(at, 0, hit);
        best.pop();
      }
    }
    this.touched = [];
    return best.length < k ? best.sort((a, b) => (worse(a, b) ? 1 : worse(b, a) ? -1 : 0)) : best;
  }

  /** The set of words each document covered (bit masks), for documents that pass `keep`; clears the sums. */
  masks(keep: (doc: number) => boolean): Map<number, number> {
    const out = new Map<number, number>();
    for (const doc of this.touched) {
      if (keep(doc)) out.set(doc, this.covered[doc]);
      this.covered[doc] = 0;
      this.scores[doc] = 0;
    }
    this.touched = [];
    return out;
  }
}

function popcount(n: number): number {
  let count = 0;
  for (let x = n; x; x &= x - 1) count++;
  return count;
}
