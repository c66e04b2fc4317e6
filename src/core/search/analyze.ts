// Term analysis shared by indexing and querying, so that a word is cut the same way on both sides
// (see ../shared/docs/korean-search.md for the measurements behind each step). Each distinct word is analysed once.
import { convertQwertyToHangul, disassemble, getChoseong } from "es-hangul";
import { normalize } from "../text.js";

const HANGUL = /[\uac00-\ud7a3]/;
const HANGUL_ONLY = /^[\uac00-\ud7a3]+$/;
const CHOSEONG_ONLY = /^[\u3131-\u314e]+$/;
const LATIN_ONLY = /^[a-z]+$/;

export const isHangulWord = (word: string): boolean => HANGUL.test(word);
export const isChoseongOnly = (word: string): boolean => CHOSEONG_ONLY.test(word);

/** Latin letters without their diacritics (Müller → muller, Rößler → rossler); Hangul is left whole. */
export function foldLatin(word: string): string {
  if (/^[\x00-\x7f]*$/.test(word) || HANGUL.test(word)) return word;
  return word.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/ß/g, "ss").replace(/æ/g, "ae").replace(/ø/g, "o").replace(/œ/g, "oe").normalize("NFC");
}

/** Words: runs of letters and digits, lower-case, diacritics folded, cut again where Hangul meets another script
 * (4600억원 → 4600, 억원). Handles (indy.jones) and ids keep their inner dots and hyphens. */
export function words(text: string): string[] {
  return normalize(text)
    .toLowerCase()
    .replace(/(\d),(?=\d{3})/g, "$1")
    .split(/[^\p{L}\p{N}]+/u)
    .flatMap((w) => w.split(/(?<=[\uac00-\ud7a3])(?=[^\uac00-\ud7a3])|(?<=[^\uac00-\ud7a3])(?=[\uac00-\ud7a3])/u))
    .filter(Boolean)
    .map(foldLatin);
}

// Particles, plural 들, copulas and the commonest verb endings of questions. Stripping over-strips at
// times (회의 → 회), so both forms are always kept. Longest first, so 들이 goes before 이.
const PARTICLES = [
  "으로부터", "에서부터", "이라고", "에게서", "한테서", "으로는", "으로도", "에서는", "에서도", "이라는", "까지는", "인가요",
  "이에요", "으로", "에서", "에게", "한테", "께서", "부터", "까지", "처럼", "보다", "이나", "이랑", "라고", "라는", "에는",
  "에도", "이야", "이다", "이고", "하고", "과의", "와의", "에의", "들이", "들은", "들을", "들의", "들도", "해요", "했어",
  "했나", "나요", "예요", "됐어", "되나", "돼요", "돼", "은", "는", "이", "가", "을", "를", "의", "에", "와", "과", "도", "만", "로", "나", "랑", "야",
  "요", "한", "된", "인", "들", "해", "어", "아",
].sort((a, b) => b.length - a.length);

// The endings of a verb made from a noun (최소화하기, 최소화하려는, 발표한다, 구축하는): cut to the noun, when two
// syllables or more remain, so the noun meets its other forms.
const VERB_TAILS = [
  "하려는", "하려고", "하겠다고", "하겠다", "하기로", "하기", "하는", "하고", "하며", "하여", "해서", "했다", "한다", "했던", "하던", "하자",
  "되는", "되어", "됐다", "된다", "되기", "시키는", "시키기", "적으로", "적인",
].sort((a, b) => b.length - a.length);

/** The word without its trailing particle (날에는 → 날) or verb ending (최소화하기 → 최소화), when something remains. */
export function stripParticle(word: string): string | undefined {
  if (!isHangulWord(word)) return undefined;
  for (const t of VERB_TAILS) {
    if (word.length >= t.length + 2 && word.endsWith(t)) return word.slice(0, -t.length);
  }
  for (const p of PARTICLES) {
    if (word.length > p.length && word.endsWith(p)) return word.slice(0, -p.length);
  }
  return undefined;
}

/** The word and its particle-stripped form — never a two-syllable word cut to one (나이 is not 나). */
export function koreanForms(word: string): string[] {
  const stripped = stripParticle(word);
  return stripped && (stripped.length >= 2 || word.length >= 3) ? [word, stripped] : [word];
}

/** Overlapping two-syllable pieces of a Hangul word of three or more syllables: finds words inside compounds. */
export function bigrams(word: string): string[] {
  if (!HANGUL_ONLY.test(word) || word.length < 3) return [];
  const out: string[] = [];
  for (let i = 0; i + 2 <= word.length; i++) out.push(word.slice(i, i + 2));
  return out;
}

/** The word as jamo (남궁훈 → ㄴㅏㅁㄱㅜㅇㅎㅜㄴ), where one typo is one edit. */
export const jamo = (word: string): string => disassemble(word);
export const choseong = (word: string): string => getChoseong(word);

/** A light stemmer for Latin-script words, English and German: possessives, plurals and common endings, so
 * "tracks" finds "track" and "Vorträge" finds "Vortrag"'s stem. Both sides go through the same cut. */
export function stemLatin(word: string): string {
  if (!/^[a-z0-9'-]+$/.test(word)) return word;
  let w = word.replace(/'s$/, "");
  if (w.length > 4 && w.endsWith("ies")) w = w.slice(0, -3) + "y";
  else if (w.length > 3 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us")) w = w.slice(0, -1);
  if (w.length > 5 && w.endsWith("ing")) w = w.slice(0, -3);
  else if (w.length > 5 && w.endsWith("ed")) w = w.slice(0, -2);
  else if (w.length > 6 && /(?:en|er|em)$/.test(w)) w = w.slice(0, -2);
  if (w.length > 4 && w.endsWith("e")) w = w.slice(0, -1);
  // analysis, analyse, analysing, analyze: one stem.
  if (w.length > 5) w = w.replace(/ysi$/, "ys").replace(/yz$/, "ys");
  return w;
}

/** Korean typed with an English keyboard layout (skarndgns → 남궁훈), or undefined when it does not read as Hangul. */
export function fromQwerty(word: string): string | undefined {
  if (!LATIN_ONLY.test(word) || word.length < 2) return undefined;
  let converted: string;
  try {
    converted = convertQwertyToHangul(word);
  } catch {
    // es-hangul throws on some Latin words ("horstmann"): they are simply not Korean.
    return undefined;
  }
  // A real Korean word comes out as whole syllables; keyboard noise leaves loose jamo or Latin behind.
  return HANGUL_ONLY.test(converted) ? converted : undefined;
}

/** Analyses each distinct word once: indexing 100,000 sessions meets the same few thousand words again and again. */
const memo = <T>(analyse: (word: string) => T, max = 200_000): ((word: string) => T) => {
  const seen = new Map<string, T>();
  return (word) => {
    let found = seen.get(word);
    if (found === undefined) {
      found = analyse(word);
      if (seen.size >= max) seen.clear();
      seen.set(word, found);
    }
    return found;
  };
};

/** The index terms of one word: its stripped or stemmed form and itself. */
export const termsOfWord = memo((word: string): readonly string[] => {
  if (isHangulWord(word)) return koreanForms(word);
  const stem = stemLatin(word);
  return stem === word ? [word] : [word, stem];
});

/** The two-syllable pieces of a word's stripped form, for compounds. */
export const piecesOfWord = memo((word: string): readonly string[] => bigrams(stripParticle(word) ?? word));
