// A MiniSearch index built in a worker, moved to the main thread in parts: receiving a message is one
// uninterrupted piece of main-thread work, so no part may be large — not even the postings of a word that every
// document has (세션 at 100,000 sessions). A part travels as JSON text: parsing it takes about a third of the time
// that a structured clone of the same small objects takes to receive (measured at 10,000 sessions).
import type { AsPlainObject } from "minisearch";

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
export function* indexParts(js: AsPlainObject): Generator<string> {
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
export class IndexAssembler {
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
