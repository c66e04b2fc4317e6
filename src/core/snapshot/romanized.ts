// A Korean name as English speakers write it: "Choi Dong-jin" for 최동진, "Lee Chae-young" for 이채영. The given name
// is romanized (es-hangul, Revised Romanization); the family name in the spellings people use for it. Written
// either way round, squashed: a one-letter slip more (Dongjin/Dong-jin, yeong/young) is the name index's fuzzy match.
import { romanize } from "es-hangul";

/** Family names of two syllables: the rest is the given name. */
const TWO_SYLLABLE = new Set(["남궁", "선우", "독고", "제갈", "황보", "사공", "서문", "동방"]);

/** The spellings in use beside the Revised Romanization. */
const FAMILY: Record<string, readonly string[]> = {
  이: ["lee", "yi", "rhee"], 김: ["kim"], 박: ["park", "pak"], 최: ["choi", "choe"], 정: ["jung", "jeong", "chung"],
  강: ["kang"], 조: ["cho", "jo"], 윤: ["yoon", "yun"], 장: ["jang", "chang"], 임: ["lim", "im"], 한: ["han"],
  오: ["oh"], 서: ["seo", "suh"], 신: ["shin"], 권: ["kwon"], 황: ["hwang"], 안: ["ahn"], 송: ["song"], 류: ["ryu", "yoo"],
  유: ["yoo", "yu"], 홍: ["hong"], 고: ["ko", "koh"], 문: ["moon"], 양: ["yang"], 손: ["son", "sohn"], 배: ["bae"],
  백: ["baek", "paik"], 허: ["heo", "huh"], 노: ["noh", "roh"], 하: ["ha"], 곽: ["kwak"], 성: ["sung"], 차: ["cha"],
  주: ["joo", "ju"], 우: ["woo"], 구: ["koo", "ku"], 전: ["jeon", "jun"], 남궁: ["namkoong", "namgung"],
};

/** Romanized spellings of a Korean personal name (2–4 syllables), squashed and lower case; none for anything else. */
export function romanizedNames(name: string): string[] {
  if (!/^[\uac00-\ud7a3]{2,4}$/.test(name)) return [];
  const familyLength = TWO_SYLLABLE.has(name.slice(0, 2)) && name.length >= 3 ? 2 : 1;
  const family = name.slice(0, familyLength);
  const given = romanize(name.slice(familyLength)).toLowerCase();
  const spellings = new Set([romanize(family).toLowerCase(), ...(FAMILY[family] ?? [])]);
  return [...spellings].flatMap((f) => [`${f}${given}`, `${given}${f}`]);
}
