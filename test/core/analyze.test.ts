import { describe, expect, it } from "vitest";
import { bigrams, fromQwerty, koreanForms, stemLatin, stripParticle, words } from "../../src/core/search/analyze.js";
import { normalize } from "../../src/core/text.js";
import { isEnglishFiller, lexiconOf } from "../../src/core/understand/lexicon.js";

describe("Korean and English analysis", () => {
  it("normalizes decomposed Hangul to NFC and drops invisible and bidi-override characters", () => {
    const decomposed = "예산".normalize("NFD");
    expect(decomposed).not.toBe("예산");
    expect(normalize(`\u202e${decomposed}\u200b `)).toBe("예산");
  });

  it("cuts words where Hangul meets digits or Latin, and reads 4,600 as one number", () => {
    expect(words("4600억원의 예산을")).toEqual(["4600", "억원의", "예산을"]);
    expect(words("4,600억 원")).toEqual(["4600", "억", "원"]);
    expect(words("▲안산 데이터센터의")).toEqual(["안산", "데이터센터의"]);
    expect(words("if(kakao) dev 2022")).toEqual(["if", "kakao", "dev", "2022"]);
  });

  it("strips particles and plural endings but keeps both forms, never cutting a two-syllable word to one", () => {
    expect(stripParticle("데이터센터를")).toBe("데이터센터");
    expect(stripParticle("고우찬이")).toBe("고우찬");
    expect(stripParticle("트랙들이")).toBe("트랙");
    expect(koreanForms("회의를")).toEqual(["회의를", "회의"]);
    // A two-syllable word is not cut to one syllable: 회의 is not 회, 나이 is not 나.
    expect(koreanForms("회의")).toEqual(["회의"]);
    expect(koreanForms("나이")).toEqual(["나이"]);
    expect(koreanForms("예산")).toEqual(["예산"]);
    expect(stripParticle("budget")).toBeUndefined();
  });

  it("cuts compounds into two-syllable pieces", () => {
    expect(bigrams("원인조사")).toEqual(["원인", "인조", "조사"]);
    expect(bigrams("예산")).toEqual([]);
  });

  it("reads Korean typed on an English keyboard, and leaves keyboard noise alone", () => {
    expect(fromQwerty("skarndgns")).toBe("남궁훈");
    expect(fromQwerty("qwertyuiop")).toBeUndefined();
    expect(fromQwerty("budget")).toBeUndefined();
  });

  it("stems English the same way on both sides", () => {
    expect(stemLatin("tracks")).toBe(stemLatin("track"));
    expect(stemLatin("released")).toBe(stemLatin("release"));
    expect(stemLatin("Kakao's".toLowerCase())).toBe("kakao");
  });

  it("reads question words as aspects, everyday words as categories, and English function words as filler", () => {
    expect(lexiconOf("누구")).toContainEqual({ t: "aspect", aspect: "who" });
    expect(lexiconOf("돈")).toContainEqual({ t: "category", category: "budget" });
    expect(isEnglishFiller("what")).toBe(true);
    expect(isEnglishFiller("budget")).toBe(false);
  });
});
