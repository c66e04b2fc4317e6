// The MiniSearch index over the knowledge's documents, and the query side of the analysis.
//
// A question is searched word by word: each word is one nested MiniSearch query over its forms
// (particle-stripped, synonyms, jamo for typos, two-syllable pieces for compounds, choseong), so that
// for every document we know how many of the question's words it answers. Documents are ranked by that
// coverage first and by BM25 score second, and the answer is abstained on when the best document covers
// too little of the question (see `ANSWER_COVERAGE`).
import MiniSearch, { type AsPlainObject, type Options, type Query } from "minisearch";
import type { Knowledge } from "../knowledge/schema.js";
import {
  bigramTerms,
  bigrams,
  choseong,
  englishTerms,
  fromQwerty,
  isChoseongOnly,
  isHangulWord,
  jamo,
  jamoTerms,
  koreanForms,
  koreanTerms,
  normalize,
  stemEnglish,
  words,
} from "./analyze.js";
import { buildDocuments, type DocType, type SearchDoc } from "./documents.js";
import { synonymsOf } from "./synonyms.js";

/** The share of a question's informative words the best document must contain to be an answer. */
export const ANSWER_COVERAGE = 0.7;

/** Words that carry no topic: question words, verbs of asking, and the organiser's own name. */
const STOPWORDS = new Set([
  // English
  "what", "who", "whom", "whose", "which", "when", "where", "why", "how", "is", "are", "was", "were", "be", "been",
  "the", "a", "an", "of", "for", "to", "in", "on", "at", "by", "with", "and", "or", "about", "from", "into", "there",
  "does", "do", "did", "has", "have", "had", "can", "could", "will", "would", "should", "me", "tell", "please", "show",
  "list", "give", "you", "i", "it", "its", "that", "this", "these", "those", "any", "many", "much", "some", "all",
  "kakao", "kakao's", "s", "get", "happen", "happens", "happening", "going", "plan", "planned", "will", "made", "make",
  "being", "between", "items", "item", "exact", "exactly", "total", "there's", "what's", "title", "name",
  // Korean
  "뭐", "뭐야", "뭔가", "뭐지", "무엇", "무엇인가", "누구", "누가", "누군가", "어떤", "어떻게", "어때", "언제", "어디",
  "어디서", "며칠", "몇일", "몇", "개", "명", "수", "좀", "알려", "알려줘", "줘", "해", "해줘", "했어", "했나", "있어", "있나", "있나요",
  "있는", "인가", "인가요", "때문에", "세워", "정한", "것", "거", "대해", "대한", "관련", "관해", "인한", "따른", "얼마나",
  "대상", "내용", "항목", "제목", "이름", "밝힌", "밝혔어", "말한", "말했어", "전한", "얘기한", "계획", "방안", "이후", "후", "again", "after", "since", "종류", "목록", "정보", "무슨", "카카오", "나와", "나오", "했지", "하는", "되나", "돼",
]);

export interface Hit {
  doc: SearchDoc;
  score: number;
  /** Share of the question's informative words this document matched. */
  coverage: number;
}

export interface SearchResultSet {
  hits: Hit[];
  /** The words that counted: not stopwords, not single syllables. */
  informative: string[];
}

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

/** Whether a word carries topic: not a stopword, and two letters or more unless it stands for a known word (돈). */
export function isInformative(word: string): boolean {
  const forms = koreanForms(word);
  if (forms.some((f) => STOPWORDS.has(f))) return false;
  return word.length >= 2 || /\d/.test(word) || synonymsOf(word).length > 0;
}

const MINI_OPTIONS: Options<SearchDoc> = {
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

function indexed(docs: readonly SearchDoc[]): MiniSearch<SearchDoc> {
  const mini = new MiniSearch<SearchDoc>(MINI_OPTIONS);
  mini.addAll(docs);
  return mini;
}

/** Distinct words whose matches are kept per snapshot: far more than a team's vocabulary. */
const WORD_CACHE_SIZE = 5_000;

/** One word as a nested MiniSearch query over every form the analysis gives it. */
function wordQuery(word: string): Query {
  const qwerty = fromQwerty(word);
  const forms = isHangulWord(word)
    ? koreanForms(word)
    : [...new Set([word, stemEnglish(word)]), ...(qwerty && qwerty.length >= 2 ? koreanForms(qwerty) : [])];
  const synonyms = forms.flatMap(synonymsOf).flatMap((s) => (isHangulWord(s) ? [s] : [stemEnglish(s)]));
  const hangul = forms.filter(isHangulWord);
  const fields = ["name", "people", "ko", "en", "kw"];
  const queries: Query[] = [{ queries: forms, fields, prefix: (t: string) => (isHangulWord(t) ? t.length >= 2 : t.length >= 4) }];
  // Synonyms are whole words: matched exactly, which also keeps a question's cost flat.
  const others = [...new Set(synonyms)].filter((s) => !forms.includes(s));
  if (others.length) queries.push({ queries: others, fields });
  const longHangul = hangul.filter((h) => h.length >= 2).map(jamo);
  // One edit on jamo is one typo (이채형 → 이채영); shorter words would match too much.
  if (longHangul.length) queries.push({ queries: longHangul, fields: ["jamo"], fuzzy: (t: string) => (t.length >= 5 ? 1 : false) });
  // Words inside compounds: 소위원회 in 재발방지대책소위원회 by all its pieces, 조사 in 원인조사 as one piece.
  const last = hangul.at(-1) ?? "";
  const pieces = last.length === 2 ? [last] : bigrams(last);
  if (pieces.length) queries.push({ queries: pieces, fields: ["ko2"], combineWith: "AND", boost: { ko2: 0.5 } });
  if (isChoseongOnly(word) && word.length >= 2) queries.push({ queries: [word], fields: ["cho"] });
  return { queries, combineWith: "OR" };
}

/** What answers need from an index (the bench swaps in MiniSearch's defaults behind it). */
export interface Searcher {
  readonly docs: ReadonlyMap<string, SearchDoc>;
  search(text: string, types?: readonly DocType[]): SearchResultSet;
}

export class SearchIndex implements Searcher {
  private readonly mini: MiniSearch<SearchDoc>;
  readonly docs: ReadonlyMap<string, SearchDoc>;

  private readonly cache = new Map<string, ReadonlyMap<string, number>>();

  /** A name the question gives that the knowledge has never heard of ("DEVIEW", "… of Naver", 2023): a sign
   * the question is about something else, however well its other words match. */
  private isUnknownName(original: string, first: boolean): boolean {
    const name = /^[A-Z]{3,}$/.test(original) || (!first && /^[A-Z][a-z]/.test(original)) || /^\d{2,}$/.test(original);
    return name && this.matches(original.toLowerCase()).size === 0;
  }

  private constructor(docs: ReadonlyMap<string, SearchDoc>, mini: MiniSearch<SearchDoc>) {
    this.docs = docs;
    this.mini = mini;
  }

  static fromKnowledge(k: Knowledge): SearchIndex {
    const docs = buildDocuments(k);
    return new SearchIndex(new Map(docs.map((d) => [d.id, d])), indexed(docs));
  }

  /** The index of these documents as plain data: built in the reload worker, for fromSerialized on the main thread. */
  static serialize(docs: readonly SearchDoc[]): AsPlainObject {
    return indexed(docs).toJSON();
  }

  /** The index serialize gave, loaded in small batches that let the event loop answer questions in between. */
  static async fromSerialized(docs: ReadonlyMap<string, SearchDoc>, js: AsPlainObject): Promise<SearchIndex> {
    return new SearchIndex(docs, await MiniSearch.loadJSAsync(js, MINI_OPTIONS));
  }

  /** The documents one word matches, with their scores. The snapshot never changes, so this is cached. */
  private matches(word: string): ReadonlyMap<string, number> {
    let found = this.cache.get(word);
    if (!found) {
      found = new Map(this.mini.search(wordQuery(word)).map((r) => [r.id, r.score]));
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
