// Reading a question: its words are linked to what the knowledge names (people, sessions, tracks, rooms,
// organisations, events — matched inside unspaced Korean and through typos), to the lexicon (aspects, categories,
// filters, particles) and to the index's vocabulary (topic words). What is left is either nothing (stopwords, verbs
// of asking) or salient content the knowledge lacks — the reason to say "I don't know". The words are then grouped
// into clauses ("키노트 몇 개고 연사는 몇 명이야?" is two), each a set of things, aspects and filters.
import type { Snapshot } from "../snapshot/snapshot.js";
import type { Named } from "../snapshot/tables.js";
import { foldLatin, fromQwerty, isChoseongOnly, isHangulWord, jamo, koreanForms, stemLatin, stripParticle } from "../search/analyze.js";
import { getChoseong } from "es-hangul";
import { namesByChoseong, nearNames } from "../search/minisearch.js";
import { withinEdits } from "../search/index.js";
import { squash } from "../text.js";
import {
  CATEGORY_KIND,
  ENGLISH_AUXILIARIES,
  ENGLISH_LEXICON,
  NUMERALS,
  PAST_WORDS,
  isEnglishFiller,
  isStopword,
  KOREAN_ENTRIES,
  lexiconOf,
  PARTICLES_AND_ENDINGS,
  PHRASES,
  PREDICATE_STEM_LIST,
  UNITS,
  type Aspect,
  type Category,
  type LexiconWord,
} from "./lexicon.js";

/** A day the question names: the nth day of the event, its last, a weekday, a date, today or tomorrow. */
export interface DaySpec {
  nth?: number;
  last?: boolean;
  weekday?: number;
  /** Day of month, with its month when given. */
  date?: { day: number; month?: number; year?: number };
  relative?: "today" | "tomorrow";
}

/** A number the question states, with its unit: "5개", "1조", "11시", "2023년". */
export interface Stated {
  value: number;
  unit?: string;
}

/** A known word that is not a name or a cue: searched for in the documents. */
export interface Topic {
  word: string;
  /** The forms looked up: the word, its stripped or stemmed form, and its glossary stand-ins. */
  terms: string[];
  /** Glossary stand-ins of several words ("data center"): each found only where all its words are. */
  phrases: string[][];
}

export interface Clause {
  names: Named[][];
  categories: Category[];
  aspects: Aspect[];
  topics: Topic[];
  days: DaySpec[];
  /** A clock time ("14:00") or a part of the day. */
  clock?: string;
  part?: { from: string; to: string };
  /** The counter a count asks in ("몇 명" → 명): people, not items. */
  counted?: string;
  /** Besides what was just said ("다른 세션도"). */
  other?: boolean;
  now: boolean;
  next: boolean;
  numbers: Stated[];
  years: number[];
  pointer: boolean;
  /** Kinds left out ("키노트랑 프리뷰 빼고", "not counting keynotes"). */
  except: Category[];
  /** A format claimed or asked ("오프라인 행사였지?"). */
  formats: string[];
  /** The surface words of its categories, for when they are a title's words ("미래 투자 키노트"). */
  categoryWords: string[];
}

export interface Reading {
  text: string;
  clauses: Clause[];
  /** Salient words the knowledge does not hold: a name, an organisation, a topic it lacks. */
  unknown: string[];
  /** Verbs the lexicon does not list: harmless beside a name or a rare word, but they may be the question itself
   * ("불 언제 꺼졌어?"), so a question with nothing more specific is not answered from what is left. */
  verbs: string[];
  yesNo: boolean;
  /** Leans on the conversation: a pointer ("그 사람", "it") or a continuation ("그럼 X는?"). */
  followUp: boolean;
  continuation: boolean;
  /** The question is English (its words, not its names): the answer's language when nothing else decides it. */
  english: boolean;
}

type Piece =
  | { t: "name"; named: Named[]; text: string }
  | { t: "lexicon"; word: LexiconWord; text: string }
  | { t: "topic"; topic: Topic }
  | { t: "number"; stated: Stated; text: string }
  | { t: "clock"; time: string }
  | { t: "date"; day: DaySpec }
  | { t: "year"; year: number }
  | { t: "boundary" }
  | { t: "unknown"; text: string }
  /** A verb the lexicon does not list (꺼졌어, 갈아탄): it may carry what is asked. */
  | { t: "verb"; text: string }
  /** What "몇" counts: 명 (people), 개 (things) … */
  | { t: "counter"; unit: string }
  | { t: "english" };

const HANGUL_RUN = /^[\uac00-\ud7a3]+$/;
/** The longest piece an unspaced word is cut into (a squashed title, 재발방지를위한기술적개선, is under it): the
 * reading of a word stays linear in its length, so 500 syllables of noise cost milliseconds, not minutes. */
const LONGEST_PIECE = 24;
/** The longest piece a typo is looked for in: a fuzzy search over a long stretch is costly and never a slip. */
const LONGEST_TYPO = 8;
/** Words of the question: handles and ids keep their dots (indy.jones, greg.1020), clock times their colon. */
const TOKEN = /\d{1,2}:\d{2}|[\p{L}\p{N}]+(?:[.'’_-][\p{L}\p{N}]+)*|[?？,!]/gu;

/** Splits a token where Hangul meets digits or Latin (4600억원 → 4600, 억원), keeping handles whole. */
function splitScripts(token: string): string[] {
  if (/[.'’_-]/.test(token) && !/[\uac00-\ud7a3]/.test(token)) return [token];
  return token.split(/(?<=[\uac00-\ud7a3])(?=[^\uac00-\ud7a3])|(?<=[^\uac00-\ud7a3])(?=[\uac00-\ud7a3])/u).filter(Boolean);
}

function tokensOf(text: string): string[] {
  const lower = text.normalize("NFC").toLowerCase().replace(/(\d),(?=\d{3})/g, "$1").replace(/[’]/g, "'");
  return (lower.match(TOKEN) ?? []).flatMap(splitScripts).map((t) => (/^[?？,!]$/.test(t) ? "," : foldLatin(t)));
}

const PARTICLES = new Set(PARTICLES_AND_ENDINGS);

/** A counter with endings (개, 명이야, 개고): whether it is one, and whether it ends in the connective 고. */
function unitOf(token: string): { unit: string; connective: boolean } | undefined {
  const unit = UNITS.filter((u) => token.startsWith(u)).sort((a, b) => b.length - a.length)[0];
  if (!unit) return undefined;
  const rest = token.slice(unit.length);
  if (!isEndings(rest)) return undefined;
  return { unit, connective: /(고|이고)$/.test(rest) };
}
const UNIT_SET = new Set(UNITS);
/** 몇 번째, 몇 회째: which edition, not how many. */
const ORDINAL_UNITS = new Set(["번째", "회째", "회"]);
const SCALE: Record<string, number> = { 만: 1e4, 억: 1e8, 조: 1e12 };
/** The counter a word after a number starts with, when the rest is endings: 개, 명이야, 번째는. */
const counterOf = (word: string): string | undefined => [...UNIT_SET].filter((u) => word.startsWith(u) && isEndings(word.slice(u.length))).sort((a, b) => b.length - a.length)[0];
const ENDING_SET = new Set(PARTICLES_AND_ENDINGS);

/** The rest of a Korean word after something known: particles and endings only (…이야, …했어요 is not). */
function isEndings(rest: string): boolean {
  if (!rest) return true;
  for (const p of PARTICLES_AND_ENDINGS) if (rest.startsWith(p) && isEndings(rest.slice(p.length))) return true;
  return false;
}

/** Whether a Korean word is a verb of asking or doing with its endings (알려주세요, 궁금해요, 쓰이나요, 했대). */
function isPredicate(word: string): boolean {
  return PREDICATE_STEM_LIST.some((stem) => word.startsWith(stem) && (stem.length >= 2 || word.length <= 3) && (word.length === stem.length || isPredicateTail(word.slice(stem.length))));
}
const VERB_ENDINGS = ["왔", "갔", "됐", "했", "봤", "줬", "났", "졌", "웠", "켰", "쳤", "렸", "요", "어", "아", "여", "나", "니", "냐", "지", "죠", "는", "은", "을", "고", "게", "대", "래", "자", "세요", "습니까", "습니다", "ㅂ니다", "까", "네", "군", "던", "다", "며", "면", "서", "도", "야", "임", "음", "함", "줘", "주", "줄", "실", "시", "셨", "었", "았", "였", "겠", "더", "라", "든", "려", "데", "는데", "던데"];
function isPredicateTail(rest: string): boolean {
  if (!rest) return true;
  if (isEndings(rest)) return true;
  return VERB_ENDINGS.some((e) => rest.startsWith(e) && isPredicateTail(rest.slice(e.length)));
}

export class Reader {
  private readonly glossary = new Map<string, string[]>();

  constructor(private readonly snapshot: Snapshot) {
    // Keyed by the squashed entry ("vicechair"); what it stands for is kept as written, its words apart.
    for (const group of snapshot.knowledge.glossary) {
      for (const w of group) this.glossary.set(squash(w), [...(this.glossary.get(squash(w)) ?? []), ...group.filter((x) => x !== w).map((x) => x.toLowerCase())]);
    }
  }

  private names(squashed: string): Named[] | undefined {
    return this.snapshot.tables.names.get(squashed);
  }

  /** A word the documents hold (or a glossary word standing for one): a topic to search for. */
  private topic(word: string): Topic | undefined {
    const index = this.snapshot.index;
    const all = isHangulWord(word) ? koreanForms(word) : [...new Set([word, stemLatin(word)])];
    // The forms the index holds (중화 of 중화야), else all of them.
    const held = all.filter((f) => index.knows(f));
    const forms = held.length ? held : all;
    // Glossary stand-ins: one word is a term; several ("data center") must all be in a document.
    const stand = [...new Set(forms.flatMap((f) => this.glossary.get(squash(f)) ?? []))].map((entry) => entry.split(/\s+/).map((w) => (isHangulWord(w) ? w : stemLatin(w))));
    const terms = [...new Set([...forms, ...stand.filter((p) => p.length === 1).map((p) => p[0])])];
    const phrases = stand.filter((p) => p.length > 1);
    if (terms.some((t) => index.knows(t)) || phrases.some((p) => p.every((t) => index.knows(t)))) return { word, terms, phrases };
    return undefined;
  }

  read(text: string): Reading {
    const quoted = this.quotedTitles(text);
    const tokens = tokensOf(quoted.rest);
    const pieces: Piece[] = [...quoted.pieces];
    let english = false;
    for (let i = 0; i < tokens.length; ) {
      const matched = this.longestMatch(tokens, i);
      if (matched) {
        pieces.push(...matched.pieces);
        i += matched.length;
        continue;
      }
      const token = tokens[i];
      const next = tokens[i + 1];
      // A native numeral before a counter (두 개, 네 번째) is a number like 2개, 4번째.
      const numeral = NUMERALS[token] !== undefined && next !== undefined && unitOf(next) ? String(NUMERALS[token]) : undefined;
      if (/^\d/.test(token) || numeral) {
        const { piece, used } = this.number(numeral ?? token, next, tokens[i + 2]);
        pieces.push(piece);
        i += used;
        continue;
      }
      // "day 2", "Tag 2": the nth day of the event.
      if (/^(day|tag)$/.test(token) && next && /^\d{1,2}$/.test(next)) {
        pieces.push({ t: "date", day: { nth: Number(next) } });
        i += 2;
        continue;
      }
      // "room 2", "Saal 3", "hall B": a known room was matched as a name above; one the knowledge does not name is
      // unknown, never "where" (what's on in room 2 is not where the event is).
      if (/^(room|saal|hall|stage|raum|hörsaal)$/.test(token) && next && /^(\d{1,3}|[a-z])$/.test(next)) {
        pieces.push({ t: "unknown", text: `${token} ${next}` });
        i += 2;
        continue;
      }
      // "중복 빼면", "중복 제외하고": without double counting, which a count of people already is — not "leave out".
      if (/^중복(은|을)?$/.test(token) && next && /^(빼|제외|없이)/.test(next)) {
        i += 2;
        continue;
      }
      // "마지막 건?", "the last one": the last of a list (마지막 날 is a day, read as a phrase before this).
      if ((/^마지막(건|거|것|꺼)?$/.test(token) && !/^(날|날에|날엔|날은|날의|일|일차|주|세션들)$/.test(next ?? "")) || (token === "last" && /^(one|session|talk|keynote|preview|item)s?$/.test(next ?? ""))) {
        pieces.push({ t: "number", stated: { value: -1, unit: "번째" }, text: token });
        i++;
        continue;
      }
      // "멷 명이야": one slip of the finger from 몇, before a counter.
      if (token.length === 1 && token !== "몇" && /[\uac00-\ud7a3]/.test(token) && next && unitOf(next) && withinEdits(jamo(token), jamo("몇"), 1)) {
        pieces.push({ t: "lexicon", word: { t: "aspect", aspect: "count" }, text: token });
        i++;
        continue;
      }
      // "알 수 있을까요": 수 is "can" there, not a count.
      if (token === "수" && next && /^[있없]/.test(next)) {
        i += 2;
        continue;
      }
      // "IT" written in capitals is the word (IT 엔지니어링), not the pronoun.
      if (token === "it" && /\bIT\b/.test(text)) {
        const topic = this.topic("it");
        if (topic) pieces.push({ t: "topic", topic });
        i++;
        continue;
      }
      if (PAST_WORDS.has(token) || PAST_WORDS.has(stripParticle(token) ?? "")) {
        pieces.push({ t: "unknown", text: token });
        i++;
        continue;
      }
      if (/[a-z]/.test(token) && (isStopword(token) || ENGLISH_AUXILIARIES.has(token))) english = true;
      // The counter after "몇" (몇 개, 몇 명이야); a connective on it ("몇 개고 …") joins two questions.
      const last = pieces.at(-1);
      const unit = last?.t === "lexicon" && last.word.t === "aspect" && last.word.aspect === "count" ? unitOf(token) : undefined;
      if (unit !== undefined) {
        // 몇 번째, 몇 회째: which edition, not how many.
        // 몇 시, 몇 분: a time and a length, not a count.
        const asks: Aspect | undefined = ORDINAL_UNITS.has(unit.unit) ? "edition" : unit.unit === "시" ? "time" : unit.unit === "분" ? "duration" : undefined;
        if (asks) pieces[pieces.length - 1] = { t: "lexicon", word: { t: "aspect", aspect: asks }, text: `몇 ${token}` };
        else pieces.push({ t: "counter", unit: unit.unit });
        if (unit.connective) pieces.push({ t: "boundary" });
        i++;
        continue;
      }
      const read = this.word(token);
      // An abbreviation in capitals the knowledge does not hold (SK, LG, AWS) names something: it is salient.
      if (read.every((p) => p.t === "english") && /^[a-z]{2,3}$/.test(token) && new RegExp(`\\b${token.toUpperCase()}\\b`).test(text)) {
        // …unless the knowledge holds it (ES in "ES한테 뺨맞고 Citus한테 안긴 썰").
        const topic = this.snapshot.index.knows(token, "word") ? this.topic(token) : undefined;
        pieces.push(topic ? { t: "topic", topic } : { t: "unknown", text: token });
      }
      else pieces.push(...read);
      i++;
    }
    if (pieces.some((p) => p.t === "english")) english = true;
    return this.assemble(text, tokens, pieces.filter((p) => p.t !== "english"), english);
  }

  /**
   * Titles quoted in the question (‘달라지는 카카오 2’, 'AI와 클라우드, 그 너머의 가치'): a quoted stretch that is part of
   * a few sessions' titles names them, and is read no further.
   */
  private quotedTitles(text: string): { pieces: Piece[]; rest: string } {
    const pieces: Piece[] = [];
    const rest = text.replace(QUOTED, (whole, before: string, inside: string) => {
      const wanted = squash(inside);
      if (wanted.length < 4) return whole;
      const found = new Map<string, Named>();
      for (const [name, named] of this.snapshot.tables.names) {
        if (name.includes(wanted)) for (const n of named) if (n.kind === "session") found.set(n.key, n);
        if (found.size > 5) return whole;
      }
      if (!found.size) return whole;
      pieces.push({ t: "name", named: [...found.values()], text: inside });
      return `${before} `;
    });
    return { pieces, rest };
  }

  /** The longest run of tokens from `i` that is a name or a phrase of the lexicon ("Lee Chae-young", "how many"). */
  private longestMatch(tokens: readonly string[], i: number): { pieces: Piece[]; length: number } | undefined {
    // A comma starts no phrase: squashed away, ", 키노트" would read as a glossary word, not the category after it.
    if (tokens[i] === ",") return undefined;
    for (let j = Math.min(tokens.length, i + 8); j > i + 1; j--) {
      const run = tokens.slice(i, j);
      const phrase = run.join(" ");
      if (run.at(-1) === ",") continue;
      // A phrase, perhaps with a particle on its last word ("일반 세션은").
      const lastBare = stripParticle(run.at(-1)!);
      const bare = lastBare ? [...run.slice(0, -1), lastBare].join(" ") : undefined;
      const said = PHRASES.includes(phrase) ? phrase : bare && PHRASES.includes(bare) ? bare : undefined;
      if (!run.includes(",") && said) return { pieces: lexiconOf(said).map((word) => ({ t: "lexicon", word, text: phrase })), length: j - i };
      // Names may hold commas ("AI와 클라우드, 그 너머의 가치"): squashed, they are gone.
      const named = this.names(squash(run.join("")));
      if (named) return { pieces: [{ t: "name", named, text: run.join(" ") }], length: j - i };
      // A glossary phrase: the name it stands for ("Krust Universe" → 크러스트 유니버스), else a topic.
      const glossedName = (this.glossary.get(squash(run.join(""))) ?? []).map((w) => this.names(squash(w))).find(Boolean);
      if (glossedName) return { pieces: [{ t: "name", named: glossedName, text: phrase }], length: j - i };
      const glossed = this.glossary.has(squash(run.join(""))) ? this.topic(squash(run.join(""))) : undefined;
      if (glossed) return { pieces: [{ t: "topic", topic: { ...glossed, word: phrase } }], length: j - i };
      // A name of two or three Latin words with a typo ("Lee Chae-yong"): one edit in the whole.
      // Never one that begins or ends with a small word ("is if kakao" is not a typo of "if kakao").
      if (j - i <= 3 && run.every((w) => /^[a-z][a-z'-]*$/.test(w)) && squash(run.join("")).length >= 8 && !isStopword(run[0]) && !isStopword(run.at(-1)!)) {
        const near = nearNames(this.snapshot.names, squash(run.join("")))[0];
        if (near) return { pieces: [{ t: "name", named: this.names(near)!, text: phrase }], length: j - i };
      }
      // A name with a particle glued to its last word: "Lee Chae-young이", "이프 카카오는".
      const last = stripParticle(run.at(-1)!);
      const withoutParticle = last ? this.names(squash([...run.slice(0, -1), last].join(""))) : undefined;
      if (withoutParticle) return { pieces: [{ t: "name", named: withoutParticle, text: phrase }], length: j - i };
    }
    return undefined;
  }

  /** A number and what follows it: a unit (5개, 120명, 4600억), a clock (11시, 11:00), a date (12월 7일), a year. */
  private number(token: string, next: string | undefined, after: string | undefined): { piece: Piece; used: number } {
    // "1등 상금", "2위": a rank, which nothing in the knowledge holds.
    if (next && /^(등|위)$/.test(stripParticle(next) ?? next) && /^\d+$/.test(token)) return { piece: { t: "unknown", text: `${token}${next}` }, used: 2 };
    // "the 4th session": an ordinal, as 네 번째.
    if (/^\d+(st|nd|rd|th)$/.test(token) && !/^(day|tag)$/.test(next ?? "")) return { piece: { t: "number", stated: { value: Number.parseInt(token, 10), unit: "번째" }, text: token }, used: 1 };
    const clock = /^(\d{1,2}):(\d{2})$/.exec(token);
    if (clock) return { piece: { t: "clock", time: `${clock[1].padStart(2, "0")}:${clock[2]}` }, used: 1 };
    const value = Number(token.replace(/[^\d.]/g, ""));
    const unitWord = next && /^[\uac00-\ud7a3]+$/.test(next) ? next : undefined;
    // 100만 건, 100만건이라던데, 4600억 원: a scale, then what is counted.
    const scaled = unitWord ? /^(만|억|조)(.+)$/.exec(unitWord) : undefined;
    const scaledUnit = scaled ? counterOf(scaled[2]) : undefined;
    if (scaled && scaledUnit) return { piece: { t: "number", stated: { value: value * SCALE[scaled[1]], unit: scaledUnit }, text: token }, used: 2 };
    const unit = unitWord ? counterOf(unitWord) : undefined;
    const counted = unit && SCALE[unit] && after && /^[\uac00-\ud7a3]+$/.test(after) ? counterOf(after) : undefined;
    if (unit && counted && !SCALE[counted]) return { piece: { t: "number", stated: { value: value * SCALE[unit], unit: counted }, text: token }, used: 3 };
    if (unit === "시") return { piece: { t: "clock", time: `${String(value).padStart(2, "0")}:00` }, used: 2 };
    if (unit === "년" || (/^(19|20)\d{2}$/.test(token) && unit !== "개")) return { piece: { t: "year", year: value }, used: unit ? 2 : 1 };
    if (unit === "월" && after && /^\d+$/.test(after)) return { piece: { t: "date", day: { date: { month: value, day: Number(after) } } }, used: 4 };
    if (unit === "일" && !/^\d+일차/.test(unitWord ?? "")) return { piece: { t: "date", day: { date: { day: value } } }, used: 2 };
    if (unitWord?.startsWith("일차")) return { piece: { t: "date", day: { nth: value } }, used: 2 };
    const scale: Record<string, number> = { billion: 1e9, bn: 1e9, trillion: 1e12, million: 1e6 };
    if (next && scale[next]) return { piece: { t: "number", stated: { value: value * scale[next], unit: "원" }, text: token }, used: after === "won" || after === "krw" ? 3 : 2 };
    if (next && ["am", "a.m", "pm", "p.m"].includes(next)) {
      const hour = next.startsWith("p") && value < 12 ? value + 12 : value;
      return { piece: { t: "clock", time: `${String(hour).padStart(2, "0")}:00` }, used: 2 };
    }
    return { piece: { t: "number", stated: { value, ...(unit ? { unit } : {}) }, text: token }, used: unit ? 2 : 1 };
  }

  /** One word: a name, a lexicon word, a topic, nothing — or, found nowhere, unknown. */
  private word(token: string): Piece[] {
    if (token === ",") return [{ t: "boundary" }];
    // Particles cut off a Latin word ("Day2 Keynote는"), and chat laughter (ㅋㅋ, ㅎㅎ, ㅠㅠ), say nothing.
    if (ENDING_SET.has(token) || /^(ㅋ+|ㅎ+|ㅠ+|ㅜ+|ㄷ+|ㅇㅇ|ㄴㄴ)$/.test(token)) return [];
    if (isChoseongOnly(token)) {
      const named = namesByChoseong(this.snapshot.names, token).flatMap((n) => this.names(n) ?? []);
      if (named.length) return [{ t: "name", named, text: token }];
      // Chat initials: ㅇㄷ (어디), ㄴㄱ (누구) ask something; ㅎㅇ, ㄱㅅ greet and thank.
      if (CHAT_INITIALS.has(token)) return [];
      const asked = CHOSEONG_WORDS.get(token.replace(/(ㅇ|ㄴ|ㅇㅔ)$/, "")) ?? CHOSEONG_WORDS.get(token);
      return asked ? asked.map((word) => ({ t: "lexicon", word, text: token })) : [{ t: "unknown", text: token }];
    }
    if (HANGUL_RUN.test(token)) return this.korean(token);
    return this.latin(token);
  }

  private latin(raw: string): Piece[] {
    const token = raw.replace(/'s$/, "");
    const lexicon = lexiconOf(token);
    const named = this.names(squash(token));
    // A name first — but a format ("online") is a format even where a room has that name.
    if (named && !lexicon.some((l) => l.t === "format")) return [{ t: "name", named, text: token }];
    if (lexicon.length) return [...lexicon.map((word) => ({ t: "lexicon" as const, word, text: token })), { t: "english" as const }];
    if (isEnglishFiller(token)) return [{ t: "english" }];
    // "keynot" is "keynote" cut by the stemmer: a lexicon word before any title word.
    const stemmed = ENGLISH_LEXICON.find((w) => stemLatin(w) === stemLatin(token));
    if (stemmed) return lexiconOf(stemmed).map((word) => ({ t: "lexicon", word, text: token }));
    // A glossary word for a name (KakaoBank → 카카오뱅크, an organisation): the name.
    const glossedName = (this.glossary.get(squash(token)) ?? []).map((w) => this.names(squash(w))).find(Boolean);
    if (glossedName) return [{ t: "name", named: glossedName, text: token }];
    const topic = this.topic(token);
    if (topic) return [{ t: "topic", topic }];
    // Joined words that are no name or handle (co-chair, vice-chair): read one by one.
    if (/[.'_-]/.test(token)) return token.split(/[.'_-]+/).filter(Boolean).flatMap((part) => this.word(part));
    // Korean typed on an English keyboard layout (skarndgns → 남궁훈): read as the Korean it is, when it is known.
    const hangul = fromQwerty(token);
    if (hangul) {
      const read = this.korean(hangul);
      if (read.every((p) => p.t !== "unknown")) return read;
    }
    const stem = stemLatin(token);
    if (lexiconOf(stem).length) return lexiconOf(stem).map((word) => ({ t: "lexicon", word, text: token }));
    // A typo: a name (Namkong), a lexicon word (bugdet) or a word of the documents (Kuberentes).
    const near = this.nearLatin(token);
    if (near) return near;
    return /^[a-z]{1,2}$/.test(token) ? [] : [{ t: "unknown", text: token }];
  }

  private nearLatin(token: string): Piece[] | undefined {
    if (token.length < 4) return undefined;
    const name = nearNames(this.snapshot.names, squash(token))[0];
    if (name) return [{ t: "name", named: this.names(name)!, text: token }];
    const max = token.length >= 8 ? 2 : 1;
    const close = (word: string) => Math.abs(word.length - token.length) <= max && withinEdits(token, word, max);
    // Four-letter words are too close to each other (rate/date, time/tome) to be typos of one another.
    if (token.length >= 5) for (const word of ENGLISH_LEXICON) if (close(word)) return lexiconOf(word).map((w) => ({ t: "lexicon", word: w, text: token }));
    // The pack's own terms (Kafak → kafka), never any word of the documents: "Naver" is not "never", "deadline" not "headline".
    const glossed = token.length >= 5 ? [...this.glossary.keys()].find((g) => /^[a-z]+$/.test(g) && close(g)) : undefined;
    return glossed ? [{ t: "topic", topic: this.topic(glossed)! }] : undefined;
  }

  /** A Korean word, possibly several written without spaces: read as the best sequence of known pieces. */
  private korean(token: string): Piece[] {
    const whole = this.koreanWhole(token);
    if (whole) return whole;
    // A one-syllable cue glued to its counter: 몇개야, 몇명이고.
    const head = lexiconOf(token[0]);
    const counter = unitOf(token.slice(1));
    if (head.length && counter) return [...head.map((word) => ({ t: "lexicon" as const, word, text: token })), { t: "counter", unit: counter.unit }, ...(counter.connective ? [{ t: "boundary" as const }] : [])];
    // best[i]: the best reading of token[0..i)
    const best: ({ score: number; pieces: Piece[] } | undefined)[] = [{ score: 0, pieces: [] }];
    for (let i = 0; i < token.length; i++) {
      const from = best[i];
      if (!from) continue;
      for (let j = Math.min(token.length, i + LONGEST_PIECE); j > i; j--) {
        const piece = token.slice(i, j);
        const read = this.koreanPiece(piece, i > 0, j === token.length);
        if (!read) continue;
        const score = from.score + read.score;
        if (!best[j] || score > best[j]!.score) best[j] = { score, pieces: [...from.pieces, ...read.pieces] };
      }
    }
    return best[token.length]?.pieces ?? [{ t: "unknown", text: token }];
  }

  /** A Korean word read whole: a name, a lexicon word or a topic, with its particles; a verb of asking; a stopword. */
  private koreanWhole(token: string): Piece[] | undefined {
    const stripped = stripParticle(token);
    // A two-syllable word cut to one (나이 → 나) is no stopword or topic — but 뭐야 is still 뭐.
    const forms = [token, ...(stripped && (stripped.length >= 2 || token.length >= 3) ? [stripped] : [])];
    for (const form of stripped ? [token, stripped] : [token]) {
      const named = this.names(form);
      if (named) return [{ t: "name", named, text: token }];
      const lexicon = lexiconOf(form);
      if (lexicon.length) return lexicon.map((word) => ({ t: "lexicon", word, text: token }));
      if (this.glossary.has(form)) {
        const glossedName = (this.glossary.get(form) ?? []).map((w) => this.names(squash(w))).find(Boolean);
        if (glossedName) return [{ t: "name", named: glossedName, text: token }];
        return [{ t: "topic", topic: this.topic(form) ?? { word: form, terms: [form], phrases: [] } }];
      }
    }
    if (forms.some(isStopword)) return [];
    if (isPredicate(token)) return [];
    if (this.looksVerbal(token)) return [{ t: "verb", text: token }];
    for (const form of forms) {
      if (form.length < 2) continue;
      const topic = this.topic(form);
      if (topic) return [{ t: "topic", topic: { ...topic, word: form } }];
    }
    return undefined;
  }

  /**
   * A verb we do not list, known by its ending: 넘는다고, 올라왔어, 말한, 갈아탄. Its stem (what comes before the ending)
   * is short and no word of the knowledge — so a name or topic ending the same way is never taken for one.
   */
  private looksVerbal(word: string): boolean {
    const m = VERBAL_ENDING.exec(word);
    if (!m) return false;
    const stem = word.slice(0, m.index);
    return stem.length <= 2 && !(stem.length >= 2 && this.snapshot.index.knows(stem, "word")) && !this.names(word);
  }

  /** One piece of an unspaced Korean word, with a score: long known pieces win; unknown stretches cost. */
  private koreanPiece(piece: string, inside: boolean, last: boolean): { score: number; pieces: Piece[] } | undefined {
    const length = piece.length;
    const named = this.names(piece);
    if (named && length >= 2) return { score: length * length * 4, pieces: [{ t: "name", named, text: piece }] };
    if (KOREAN_ENTRIES.has(piece)) return { score: length * length * 3, pieces: lexiconOf(piece).map((word) => ({ t: "lexicon", word, text: piece })) };
    // A one-syllable question or category word opening a word (뭐더라, 머임, 돈임): that word.
    const asks = (!inside || piece === "몇") && length === 1 ? lexiconOf(piece).filter((w) => w.t === "aspect" || w.t === "category") : [];
    if (asks.length) return { score: 2, pieces: asks.map((word) => ({ t: "lexicon", word, text: piece })) };
    // 몇개, 총몇개고: the count cue glued to its counter.
    const counted = /^총?몇/.exec(piece);
    const counter = counted ? unitOf(piece.slice(counted[0].length)) : undefined;
    if (counter) return { score: length * length * 3, pieces: [{ t: "lexicon", word: { t: "aspect", aspect: ORDINAL_UNITS.has(counter.unit) ? "edition" : "count" }, text: piece }, { t: "counter", unit: counter.unit }, ...(counter.connective ? [{ t: "boundary" as const }] : [])] };
    // What ends a word after something known is its endings (어디까지야 is 어디 + 까지야), even where the documents
    // hold the same syllables as a word (까지).
    if (inside && last && isEndings(piece)) return { score: length * length * 2 + 1, pieces: [] };
    if (length >= 2 && this.snapshot.index.knows(piece, "word")) {
      const topic = this.topic(piece);
      if (topic) return { score: length * length * 2, pieces: [{ t: "topic", topic }] };
    }
    // A word inside the knowledge's compounds (중화 of 삼중화): known, but less than a whole word.
    if (length >= 2 && !inside && this.snapshot.index.knows(piece, "part")) {
      const topic = this.topic(piece);
      if (topic) return { score: length * length, pieces: [{ t: "topic", topic }] };
    }
    if (inside && PARTICLES.has(piece)) return { score: 1, pieces: [] };
    if (last && isPredicate(piece)) return { score: length, pieces: [] };
    if (last && this.looksVerbal(piece)) return { score: length, pieces: [{ t: "verb", text: piece }] };
    if (isStopword(piece) && length >= 2) return { score: length, pieces: [] };
    // A stretch nothing knows: a typo of something known, else unknown.
    const near = length >= 2 && length <= LONGEST_TYPO ? this.nearKorean(piece) : undefined;
    if (near) return { score: length * length, pieces: near };
    // One syllable left over inside a word (올라옴, 공개일, 프론트엔트) is an ending or a slip, not a word we lack.
    if (inside && length === 1) return { score: -3, pieces: [] };
    return { score: -3 * length, pieces: [{ t: "unknown", text: piece }] };
  }

  /** A Korean word one typo (by jamo) from a name, a lexicon word or a word of the documents. */
  private nearKorean(word: string): Piece[] | undefined {
    const stem = stripParticle(word) ?? word;
    // A word the knowledge holds is that word, not a typo of another (예상이 is 예상, not 예산).
    const held = stem.length >= 2 && this.snapshot.index.knows(stem, "word") ? this.topic(stem) : undefined;
    if (held) return [{ t: "topic", topic: held }];
    for (const form of new Set([word, stem])) {
      if (form.length < 2) continue;
      const name = nearNames(this.snapshot.names, form)[0];
      if (name) return [{ t: "name", named: this.names(name)!, text: word }];
      const j = jamo(form);
      // A typo of a word that asks something (직챙 → 직책); never of a filler or verb, or 나이 would vanish as 나와.
      for (const entry of KOREAN_ENTRIES) {
        const meant = lexiconOf(entry).filter((w) => w.t !== "predicate");
        if (meant.length && entry.length === form.length && withinEdits(j, jamo(entry), 1)) return meant.map((w) => ({ t: "lexicon", word: w, text: word }));
      }
      if (form.length >= 3) {
        const near = this.snapshot.index.near(form)[0];
        if (near) return [{ t: "topic", topic: this.topic(near) ?? { word: near, terms: [near], phrases: [] } }];
      }
    }
    return undefined;
  }

  /** Groups the pieces into clauses and decides what the question is: yes/no, a follow-up, unknown content. */
  private assemble(text: string, tokens: readonly string[], pieces: readonly Piece[], english: boolean): Reading {
    const clauses: Clause[] = [];
    let clause = emptyClause();
    const unknown: string[] = [];
    const verbs: string[] = [];
    let yesNo = false;
    let tagged = false;
    let excepting = false;
    let continuation = false;
    const close = () => {
      if (hasContent(clause)) clauses.push(clause);
      clause = emptyClause();
    };
    pieces.forEach((p, index) => {
      switch (p.t) {
        case "name":
          clause.names.push(p.named);
          break;
        case "topic":
          clause.topics.push(p.topic);
          break;
        case "number":
          clause.numbers.push(p.stated);
          break;
        case "clock":
          clause.clock = p.time;
          break;
        case "date":
          clause.days.push(p.day);
          break;
        case "year":
          clause.years.push(p.year);
          break;
        case "unknown":
          unknown.push(p.text);
          break;
        case "counter":
          clause.counted = p.unit;
          break;
        case "verb":
          verbs.push(p.text);
          break;
        case "boundary":
          // A comma between two full questions splits them; inside a list ("A, B and C") it does not.
          if (hasAspect(clause)) close();
          break;
        case "lexicon": {
          const w = p.word;
          // "첫 키노트", "the first talk": the first of them, not the first edition.
          if (w.t === "aspect" && w.aspect === "edition" && /^(첫|first|처음)$/.test(p.text) && pieces[index + 1]?.t === "lexicon" && (pieces[index + 1] as { word: LexiconWord }).word.t === "category") clause.numbers.push({ value: 1, unit: "번째" });
          else if (w.t === "aspect") clause.aspects.push(w.aspect);
          else if (w.t === "category") {
            // After "빼고"/"besides", or right before it, a category is left out rather than asked about.
            const exceptNext = pieces.slice(index + 1, index + 3).some((q) => q.t === "lexicon" && q.word.t === "except");
            if (excepting || exceptNext) clause.except.push(w.category);
            else {
              clause.categories.push(w.category);
              clause.categoryWords.push(p.text);
            }
          } else if (w.t === "except") excepting = true;
          else if (w.t === "format") clause.formats.push(w.format);
          else if (w.t === "yesnoTag") tagged = true;
          else if (w.t === "pointer") clause.pointer = true;
          else if (w.t === "continuation") continuation = index === 0 || continuation;
          else if (w.t === "conjunction") {
            // "… and how many tracks?": a conjunction before another aspect starts a new clause.
            if (hasAspect(clause) && pieces.slice(index + 1).some((q) => q.t === "lexicon" && q.word.t === "aspect")) close();
          } else if (w.t === "yesno") yesNo = true;
          else if (w.t === "now") clause.now = true;
          else if (w.t === "other") clause.other = true;
          else if (w.t === "next") clause.next = true;
          else if (w.t === "day") clause.days.push({ ...(w.nth ? { nth: w.nth } : {}), ...(w.last ? { last: true } : {}), ...(w.relative ? { relative: w.relative } : {}) });
          else if (w.t === "weekday") clause.days.push({ weekday: w.weekday });
          else if (w.t === "part") clause.part = { from: w.from, to: w.to };
          else if (w.t === "month") {
            const day = pieces[index + 1];
            if (day?.t === "number") clause.days.push({ date: { month: w.month, day: day.stated.value } });
          }
          break;
        }
      }
    });
    close();
    // A clause made only of what to leave out applies to the one before it ("…몇 개야? 키노트랑 프리뷰 빼고").
    const merged = clauses.reduce<Clause[]>((out, c) => {
      const onlyExcept = c.except.length > 0 && !c.names.length && !c.categories.length && !c.topics.length && !c.aspects.length;
      if (onlyExcept && out.length) out[out.length - 1] = { ...out[out.length - 1], except: [...out[out.length - 1].except, ...c.except] };
      else out.push(c);
      return out;
    }, []);
    const joined = carryKinds(pairCounts(merged));
    // 첫/처음/first names the first edition in a claim ("첫 이프 카카오가 2019년이었나요?"); 몇 번째 asks which.
    const asksEdition = /몇|which|what|how many/i.test(text);
    const wh = joined.some((c) => c.aspects.some((a) => WH_ASPECTS.has(a) && (a !== "edition" || asksEdition)));
    const isYesNo = tagged || (!wh && (yesNo || REPORTED_CLAIM.test(text) || ENGLISH_AUXILIARIES.has(tokens[0] ?? "")));
    return {
      text,
      clauses: joined.map((c) => withoutAboutAsTopic(c, isYesNo)),
      unknown,
      verbs,
      yesNo: isYesNo,
      followUp: continuation || joined.some((c) => c.pointer) || joined.every((c) => c.names.length === 0 && c.topics.length === 0 && c.categories.length === 0 && !statesWon(c)),
      continuation,
      english,
    };
  }
}

/** Endings only verbs take: past tense (었/았/였/했/왔 …) with what follows, and the plain, reported and polite forms. */
const VERBAL_ENDING = /(?:[었았였했왔갔됐봤줬났졌웠켰쳤렸셨])(?:어|어요|지|죠|나|나요|니|냐|다|다고|다며|대|대요|던|더라|는데|네|음|잖아|고|으면|는지)?$|(?:는다|한다|된다|는다고|다고|다며|는데|니까|나요|어요|아요|습니다|세요|래요|대요|을까|려고|려는|는지|던데|더라|잖아)$/;

/** Initials that only greet, thank or agree. */
const CHAT_INITIALS = new Set(["ㅎㅇ", "ㅎㅇㅎㅇ", "ㄱㅅ", "ㄳ", "ㄱㅅㄱㅅ", "ㅇㅋ", "ㅇㅋㅇㅋ", "ㅈㅅ", "ㅊㅋ", "ㅂㅂ", "ㅃㅃ", "ㅇㅈ", "ㄹㅇ", "ㅋㅋ", "ㅎㅎ"]);

/** The question words of the lexicon by their initials (ㅇㄷ → 어디, ㄴㄱ → 누구): initials that all the words
 * having them ask the same thing with. */
const CHOSEONG_WORDS: ReadonlyMap<string, readonly LexiconWord[]> = (() => {
  const byInitials = new Map<string, string[]>();
  for (const entry of KOREAN_ENTRIES) {
    if (!lexiconOf(entry).some((w) => w.t === "aspect")) continue;
    const initials = getChoseong(entry);
    byInitials.set(initials, [...(byInitials.get(initials) ?? []), entry]);
  }
  const aspectsOf = (entry: string) => lexiconOf(entry).filter((w) => w.t === "aspect").map((w) => JSON.stringify(w)).join();
  return new Map([...byInitials].filter(([, entries]) => new Set(entries.map(aspectsOf)).size === 1).map(([initials, [entry]]) => [initials, lexiconOf(entry)]));
})();

/** A stretch in quotes: the closing quote is followed by a space, punctuation, Hangul (a particle) or the end. */
const QUOTED = /(^|[\s(])['‘"“「『](.{3,120}?)['’"”」』](?=$|[\s?.,!)]|[\uac00-\ud7a3])/g;

/** Whether a clause states a sum of money (4600억, 460 billion won): a budget's amount names the budget. */
export const statesWon = (c: Clause): boolean => c.numbers.some((n) => n.unit !== undefined && ["억", "조", "원", "억원", "조원", "만원"].includes(n.unit));

/** A claim heard elsewhere or half remembered, ending the question: "4000억 예상이라고?", "10조 돌파했다며?",
 * "12시에 공개됐지?". A question word anywhere makes it a wh-question all the same. */
const REPORTED_CLAIM = /[\uac00-\ud7a3](이?라고|이?라며|이?라던데|이?라면서|다며|다고|다던데|다면서|지|죠|잖아|잖아요|나요|었나|았나|였나|던가|인가|인가요|이야|야|이에요|예요|이었어|였어|이냐|냐)\s*[?!.]*\s*$/;

/** Aspects that make a question a wh-question rather than yes/no. */
const WH_ASPECTS = new Set<Aspect>(["who", "what", "when", "time", "where", "count", "why", "how", "amount", "list", "weekday", "duration", "role", "org", "realname", "handle", "edition"]);


const emptyClause = (): Clause => ({ names: [], categories: [], aspects: [], topics: [], days: [], now: false, next: false, numbers: [], years: [], pointer: false, except: [], formats: [], categoryWords: [] });
const hasAspect = (c: Clause) => c.aspects.length > 0;
const hasContent = (c: Clause) =>
  c.names.length > 0 || c.categories.length > 0 || c.aspects.length > 0 || c.topics.length > 0 || c.days.length > 0 || c.numbers.length > 0 || c.years.length > 0 || c.pointer || c.now || c.next || c.clock !== undefined || c.part !== undefined || c.except.length > 0 || c.formats.length > 0;

/**
 * "Who talks about Kafka?", "Cilium 얘기하는 건 누구야", "Is there a talk about Elixir?": "about" names what a
 * session is on, not a wish for its abstract — when the clause has a topic and asks something else, or yes/no.
 */
function withoutAboutAsTopic(c: Clause, yesNo: boolean): Clause {
  if (!c.aspects.includes("about") || c.topics.length === 0) return c;
  const others = c.aspects.filter((a) => a !== "about" && a !== "what");
  return others.length > 0 || yesNo ? { ...c, aspects: c.aspects.filter((a) => a !== "about") } : c;
}

/** "키노트 몇 개고 연사는 몇 명이야?": people asked right after a kind of session are that kind's people. */
function carryKinds(clauses: Clause[]): Clause[] {
  return clauses.map((c, i) => {
    const before = clauses[i - 1];
    const onlyPeople = c.categories.length === 1 && c.categories[0] === "people" && !c.names.length && !c.topics.length && !c.days.length;
    const kinds = before?.categories.filter((k) => k !== "sessions" && CATEGORY_KIND[k] !== undefined) ?? [];
    return onlyPeople && kinds.length ? { ...c, categories: [...kinds, ...c.categories] } : c;
  });
}

/** Two counts of two categories in one clause ("트랙몇개고세션은몇개야") are two questions: one count each. */
function pairCounts(clauses: Clause[]): Clause[] {
  return clauses.flatMap((c) =>
    c.aspects.filter((a) => a === "count").length >= 2 && c.categories.length >= 2 ? c.categories.map((category) => ({ ...c, categories: [category], aspects: ["count" as Aspect] })) : [c],
  );
}
