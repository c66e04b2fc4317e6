// The search seam: what answers need from an index (`Searcher`), and what building a snapshot needs to make one
// (`searchEngine`: build, and move a built index between threads). MiniSearch sits behind it (minisearch.ts).
//
// A question is searched word by word: each word is one nested MiniSearch query over its forms (query.ts), so that
// for every document we know how many of the question's words it answers. Documents are ranked by that coverage
// first and by BM25 score second; the answer is abstained on when the best document covers too little.
import type MiniSearch from "minisearch";
import { normalize } from "../text.js";
import { words } from "./analyze.js";
import type { DocType, SearchDoc } from "./documents.js";
import { buildMiniSearch, miniSearchParts, miniSearchReceiver } from "./minisearch.js";
import { isInformative, wordQuery, type SearchResultSet } from "./query.js";

/** What answers need from an index (the bench swaps in MiniSearch's defaults behind it). */
export interface Searcher {
  readonly docs: ReadonlyMap<string, SearchDoc>;
  search(text: string, types?: readonly DocType[]): SearchResultSet;
}

/** Distinct words whose matches are kept per snapshot: far more than a team's vocabulary. */
const WORD_CACHE_SIZE = 5_000;

class SearchIndex implements Searcher {
  private readonly cache = new Map<string, ReadonlyMap<string, number>>();

  constructor(readonly docs: ReadonlyMap<string, SearchDoc>, private readonly mini: MiniSearch<SearchDoc>) {}

  /** A name the question gives that the knowledge has never heard of ("DEVIEW", "… of Naver", 2023): a sign
   * the question is about something else, however well its other words match. */
  private isUnknownName(original: string, first: boolean): boolean {
    const name = /^[A-Z]{3,}$/.test(original) || (!first && /^[A-Z][a-z]/.test(original)) || /^\d{2,}$/.test(original);
    return name && this.matches(original.toLowerCase()).size === 0;
  }

  /** The documents one word matches, with their scores. The snapshot never changes, so this is cached. */
  private matches(word: string): ReadonlyMap<string, number> {
    let found = this.cache.get(word);
    if (!found) {
      found = new Map(this.mini.search(wordQuery(word)).map((r) => [r.id as string, r.score]));
      if (this.cache.size >= WORD_CACHE_SIZE) this.cache.delete(this.cache.keys().next().value!);
      this.cache.set(word, found);
    }
    return found;
  }

  /** Documents ranked by how many of the question's words they answer, then by score. */
  search(text: string, types?: readonly DocType[]): SearchResultSet {
    const informative = [...new Set(words(text).filter(isInformative))].slice(0, 24);
    const nameLike = normalize(text).match(/[A-Za-z][A-Za-z']*|\d+/g) ?? [];
    if (nameLike.some((w, i) => this.isUnknownName(w, i === 0 && /^[A-Za-z]/.test(normalize(text))))) return { hits: [], informative };
    const acc = new Map<string, { score: number; covered: number }>();
    for (const word of informative) {
      for (const [id, score] of this.matches(word)) {
        if (types && !types.includes(this.docs.get(id)!.type)) continue;
        const a = acc.get(id) ?? { score: 0, covered: 0 };
        a.score += score;
        a.covered += 1;
        acc.set(id, a);
      }
    }
    const hits = [...acc]
      .map(([id, a]) => ({ doc: this.docs.get(id)!, score: a.score, coverage: a.covered / informative.length }))
      .sort((x, y) => y.coverage - x.coverage || y.score - x.score);
    return { hits, informative };
  }
}

const byId = (docs: readonly SearchDoc[]) => new Map(docs.map((d) => [d.id, d]));

/** What a snapshot builder needs: an index of documents, built here or in a worker and moved in parts. */
export const searchEngine = {
  build: (docs: readonly SearchDoc[]): Searcher => new SearchIndex(byId(docs), buildMiniSearch(docs)),
  /** The index of these documents, built, as parts to post from a worker one at a time. */
  parts: (docs: readonly SearchDoc[]): Iterable<string> => miniSearchParts(buildMiniSearch(docs)),
  /** Takes the parts in order; `result` loads the index without holding up the event loop for long. */
  receiver(docs: ReadonlyMap<string, SearchDoc>): { add(part: string): void; result(): Promise<Searcher> } {
    const receiver = miniSearchReceiver();
    return { add: receiver.add, result: async () => new SearchIndex(docs, await receiver.result()) };
  },
};
