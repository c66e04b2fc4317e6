// MiniSearch behind the search seam: the index's fields and options, and the index moved between threads. The only
// file that knows MiniSearch's serialized layout (`AsPlainObject`, which its documentation calls internal): a
// layout of another version is refused by name instead of being misread.
//
// Moving the index: receiving a message is one uninterrupted piece of main-thread work, so the index travels in
// parts, none large — not even the postings of a word that every document has (세션 at 100,000 sessions). A part is
// JSON text: parsing it takes about a third of the time that a structured clone of the same small objects takes to
// receive (measured at 10,000 sessions).
import MiniSearch, { type AsPlainObject, type Options } from "minisearch";
import { bigramTerms, choseong, englishTerms, isHangulWord, jamoTerms, koreanTerms } from "./analyze.js";
import type { SearchDoc } from "./documents.js";

const FIELDS = ["name", "people", "ko", "ko2", "jamo", "cho", "en", "kw"] as const;

function fieldTerms(doc: SearchDoc, field: (typeof FIELDS)[number]): string[] {
  switch (field) {
    case "name": {
      const joined = doc.names.map((n) => n.toLowerCase().replace(/[^\p{L}\p{N}]/gu, ""));
      return [...doc.names.flatMap((n) => [...koreanTerms(n), ...englishTerms(n)]), ...joined];
    }
    case "people":
      return doc.people.flatMap((n) => [...koreanTerms(n), ...englishTerms(n)]);
    case "ko":
      return koreanTerms(doc.ko);
    case "ko2":
      return bigramTerms([doc.ko, ...doc.names].join(" "));
    case "jamo":
      return jamoTerms([doc.ko, ...doc.names, ...doc.people].join(" "));
    case "cho":
      return doc.names.filter(isHangulWord).map((n) => choseong(n.replace(/\s/g, "")));
    case "en":
      return englishTerms(doc.en);
    case "kw":
      return doc.keywords.flatMap((k) => [...koreanTerms(k), ...englishTerms(k)]);
  }
}

const TERM_OPTIONS = {
  tokenize: (text: string) => text.split(" ").filter(Boolean),
  processTerm: (term: string) => term,
};

const OPTIONS: Options<SearchDoc> = {
  fields: [...FIELDS],
  storeFields: ["type"],
  extractField: (doc, field) => (field === "id" ? doc.id : field === "type" ? doc.type : fieldTerms(doc, field as (typeof FIELDS)[number]).join(" ")),
  ...TERM_OPTIONS,
  searchOptions: {
    ...TERM_OPTIONS,
    boost: { name: 4, cho: 3, kw: 1.5, people: 1, ko: 1, en: 1, ko2: 0.5, jamo: 0.3 },
    weights: { fuzzy: 0.5, prefix: 0.4 },
  },
};

export function buildMiniSearch(docs: readonly SearchDoc[]): MiniSearch<SearchDoc> {
  const mini = new MiniSearch<SearchDoc>(OPTIONS);
  mini.addAll(docs);
  return mini;
}


/** The serialized layout this file reads (MiniSearch 7 writes version 2). */
const SERIALIZATION_VERSION = 2;

/** A built index as parts, for a worker thread to post one at a time. */
export const miniSearchParts = (mini: MiniSearch<SearchDoc>): Generator<string> => indexParts(mini.toJSON());

/** Collects the parts of miniSearchParts, then loads the index in small batches (answers go on in between). */
export function miniSearchReceiver(): { add(part: string): void; result(): Promise<MiniSearch<SearchDoc>> } {
  const assembler = new IndexAssembler();
  return {
    add: (part) => assembler.add(part),
    result: () => {
      const js = assembler.result();
      if (js.serializationVersion !== SERIALIZATION_VERSION) {
        return Promise.reject(new Error(`the search index arrived in MiniSearch's serialization version ${js.serializationVersion}; this code reads version ${SERIALIZATION_VERSION}`));
      }
      return MiniSearch.loadJSAsync(js, OPTIONS);
    },
  };
}

/** Postings (a document's frequency under one term and field) per part: a few milliseconds to receive. */
const PART_POSTINGS = 5_000;

type Postings = Record<string, number>;
type TermData = Record<string, Postings>;
type PerDocument = "documentIds" | "fieldLength" | "storedFields";
const PER_DOCUMENT: readonly PerDocument[] = ["documentIds", "fieldLength", "storedFields"];

type IndexPart =
  | { kind: "header"; header: Omit<AsPlainObject, PerDocument | "index"> }
  | { kind: "documents"; field: PerDocument; entries: [string, unknown][] }
  | { kind: "terms"; terms: [term: string, field: string, postings: Postings][] };

/** The index in parts, as JSON: the header, the per-document records, then the terms, a long term's postings split. */
function* indexParts(js: AsPlainObject): Generator<string> {
  for (const part of parts(js)) yield JSON.stringify(part);
}

function* parts(js: AsPlainObject): Generator<IndexPart> {
  const { index, documentIds, fieldLength, storedFields, ...header } = js;
  yield { kind: "header", header };
  for (const field of PER_DOCUMENT) {
    const entries = Object.entries(js[field]);
    for (let i = 0; i < entries.length; i += PART_POSTINGS) yield { kind: "documents", field, entries: entries.slice(i, i + PART_POSTINGS) };
  }
  let terms: [string, string, Postings][] = [];
  let size = 0;
  for (const [term, data] of index as [string, TermData][]) {
    for (const [field, postings] of Object.entries(data)) {
      const docs = Object.entries(postings);
      for (let i = 0; i < docs.length; i += PART_POSTINGS) {
        const piece = docs.slice(i, i + PART_POSTINGS);
        terms.push([term, field, Object.fromEntries(piece)]);
        // Each entry costs something to receive however few its postings.
        size += piece.length + 1;
        if (size >= PART_POSTINGS) {
          yield { kind: "terms", terms };
          terms = [];
          size = 0;
        }
      }
    }
  }
  if (terms.length) yield { kind: "terms", terms };
}

/** Puts the parts back together, in the order indexParts gave them. */
class IndexAssembler {
  private header?: Omit<AsPlainObject, PerDocument | "index">;
  private readonly documents: Record<PerDocument, Record<string, unknown>> = { documentIds: {}, fieldLength: {}, storedFields: {} };
  private readonly index: [string, TermData][] = [];

  add(json: string): void {
    const part = JSON.parse(json) as IndexPart;
    if (part.kind === "header") this.header = part.header;
    else if (part.kind === "documents") for (const [key, value] of part.entries) this.documents[part.field][key] = value;
    else {
      for (const [term, field, postings] of part.terms) {
        // A long term's postings come in several entries, one after the other.
        if (this.index.at(-1)?.[0] !== term) this.index.push([term, {}]);
        const data = this.index.at(-1)![1];
        data[field] = field in data ? Object.assign(data[field], postings) : postings;
      }
    }
  }

  result(): AsPlainObject {
    if (!this.header) throw new Error("the index arrived without its header");
    return { ...this.header, ...(this.documents as Pick<AsPlainObject, PerDocument>), index: this.index };
  }
}
