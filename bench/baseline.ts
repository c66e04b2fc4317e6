// MiniSearch with its default options (tokenizer, term processing, scoring) over the same documents, behind the
// Searcher seam, so the same Bot answers the same questions with it. No pieces, prefixes, phrases or typo
// candidates: those are EventDesk's own analysis. Coverage comes from the query terms each result matched.
import MiniSearch from "minisearch";
import type { Knowledge } from "../src/core/knowledge/schema.js";
import { collectDocuments, type DocRef, type FieldBag } from "../src/core/search/documents.js";
import type { QueryWord, SearchHit, SearchOptions, Searcher } from "../src/core/search/index.js";

/** A document's fields as one plain text, boosts ignored. */
class TextBag implements FieldBag<string> {
  private readonly texts: string[] = [];
  get value(): string {
    return this.texts.join("\n");
  }
  add(text: string | undefined): this {
    if (text) this.texts.push(text);
    return this;
  }
  addAll(texts: readonly (string | undefined)[]): this {
    for (const t of texts) this.add(t);
    return this;
  }
}

export class MiniSearchBaseline implements Searcher {
  readonly refs: readonly DocRef[];
  private readonly mini = new MiniSearch<{ id: number; text: string }>({ fields: ["text"] });

  constructor(k: Knowledge) {
    const docs = collectDocuments(k, () => new TextBag());
    this.refs = docs.refs;
    this.mini.addAll(docs.contents.map((text, id) => ({ id, text })));
  }

  search(words: readonly QueryWord[], options: SearchOptions = {}): SearchHit[] {
    const { kinds, keep, limit = 50 } = options;
    const wanted = (ref: DocRef) => (!kinds || kinds.includes(ref.kind)) && (!keep || keep(ref));
    const results = this.mini.search(words.flatMap((w) => w.terms).join(" "), { filter: (r) => wanted(this.refs[r.id as number]) });
    return results.slice(0, limit).map((r) => {
      const matched = new Set(r.queryTerms);
      const mask = words.reduce((m, w, i) => (w.terms.some((t) => matched.has(t)) ? m | (1 << i) : m), 0);
      return { ref: this.refs[r.id as number], covered: popcount(mask), mask, score: r.score };
    });
  }

  knows(term: string): boolean {
    return this.mini.search(term).length > 0;
  }

  near(): string[] {
    return [];
  }
}

function popcount(n: number): number {
  let count = 0;
  for (let x = n; x; x &= x - 1) count++;
  return count;
}
