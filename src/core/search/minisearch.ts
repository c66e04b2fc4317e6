// The name index: every name the knowledge gives a person, track, room, organisation or event, in MiniSearch, for
// what exact lookups cannot do — a name typed with a typo (이채형, Namkong), initial consonants only (ㄴㄱㅎ), or the
// first letters of one (autocomplete). The only file that knows MiniSearch's serialized layout (`AsPlainObject`,
// which its documentation calls internal): a layout of another version is refused by name instead of being misread.
//
// Moving the index: receiving a message is one uninterrupted piece of main-thread work, so the index travels in
// parts, none large. A part is JSON text: parsing it takes about a third of the time that a structured clone of the
// same small objects takes to receive (measured at 10,000 sessions).
import MiniSearch, { type AsPlainObject, type Options } from "minisearch";
import { choseong, isHangulWord, jamo } from "./analyze.js";

/** One name as indexed: its squashed form, and for Hangul its jamo (one typo = one edit) and initial consonants. */
interface NameDoc {
  id: number;
  /** The squashed name, as the snapshot's name table keys it. */
  name: string;
}

const FIELDS = ["name", "jamo", "cho"] as const;

const OPTIONS: Options<NameDoc> = {
  fields: [...FIELDS],
  storeFields: ["name"],
  extractField: (doc, field) => {
    if (field === "id") return String(doc.id);
    if (field === "name") return doc.name;
    const hangul = isHangulWord(doc.name);
    if (field === "jamo") return hangul ? jamo(doc.name) : "";
    if (field === "cho") return hangul ? choseong(doc.name) : "";
    return "";
  },
  // Names arrive squashed: one term each.
  tokenize: (text) => (text ? [text] : []),
  processTerm: (term) => term,
};

export type NameIndex = MiniSearch<NameDoc>;

export function buildNameIndex(names: readonly string[]): NameIndex {
  const mini = new MiniSearch<NameDoc>(OPTIONS);
  mini.addAll(names.map((name, id) => ({ id, name })));
  return mini;
}

/** Names one typo from `typed` (by jamo for Hangul), best first. */
export function nearNames(index: NameIndex, typed: string): string[] {
  const hangul = isHangulWord(typed);
  const term = hangul ? jamo(typed) : typed;
  // One edit in five letters of jamo is one typo in a two-syllable name; Latin names get one edit in four letters.
  const fuzzy = (t: string) => (t.length >= (hangul ? 5 : 4) ? (t.length >= 9 && !hangul ? 2 : 1) : false);
  return index.search(term, { fields: [hangul ? "jamo" : "name"], fuzzy, tokenize: (t) => [t], processTerm: (t) => t }).map((r) => r.name as string);
}

/** Names whose initial consonants are exactly `typed` (ㄴㄱㅎ → 남궁훈). */
export const namesByChoseong = (index: NameIndex, typed: string): string[] =>
  index.search(typed, { fields: ["cho"], tokenize: (t) => [t], processTerm: (t) => t }).map((r) => r.name as string);

/** Names starting with `typed` (squashed), for autocomplete. */
export const namesStartingWith = (index: NameIndex, typed: string): string[] =>
  index.search(typed, { fields: ["name"], prefix: true, tokenize: (t) => [t], processTerm: (t) => t }).map((r) => r.name as string);

/** The serialized layout this file reads (MiniSearch 7 writes version 2). */
const SERIALIZATION_VERSION = 2;

/** A built index as parts, for a worker thread to post one at a time. */
export const nameIndexParts = (index: NameIndex): Generator<string> => indexParts(index.toJSON());

/** Collects the parts of nameIndexParts, then loads the index in small batches (answers go on in between). */
export function nameIndexReceiver(): { add(part: string): void; result(): Promise<NameIndex> } {
  const assembler = new IndexAssembler();
  return {
    add: (part) => assembler.add(part),
    result: () => {
      const js = assembler.result();
      if (js.serializationVersion !== SERIALIZATION_VERSION) {
        return Promise.reject(new Error(`the name index arrived in MiniSearch's serialization version ${js.serializationVersion}; this code reads version ${SERIALIZATION_VERSION}`));
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
