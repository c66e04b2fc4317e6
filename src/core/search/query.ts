// The query side of search: which words of a question count (stopwords), how one word is searched (its forms,
// synonyms, typos, compound pieces), and how much of a question a document must answer (coverage).
import type { Query } from "minisearch";
import { bigrams, fromQwerty, isChoseongOnly, isHangulWord, jamo, koreanForms, stemEnglish } from "./analyze.js";
import type { SearchDoc } from "./documents.js";
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

/** Whether a word carries topic: not a stopword, and two letters or more unless it stands for a known word (돈). */
export function isInformative(word: string): boolean {
  const forms = koreanForms(word);
  if (forms.some((f) => STOPWORDS.has(f))) return false;
  return word.length >= 2 || /\d/.test(word) || synonymsOf(word).length > 0;
}

/** One word as a nested MiniSearch query over every form the analysis gives it. */
export function wordQuery(word: string): Query {
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

