// Analysis never throws on any text (issue 12, attack 9): "Jutta Horstmann 발표 뭐야?" used to get "Something went
// wrong" because the keyboard-layout conversion threw on a Latin surname. The earlier fuzz never met such words, so
// this one is made of name-like words: Latin names, letter runs a keyboard might produce, Korean names and jamo,
// mixed with particles and digits, through every analysis step and through a whole Bot.
import { beforeAll, describe, expect, it } from "vitest";
import * as analyze from "../../src/core/search/analyze.js";
import { Bot } from "../../src/core/bot.js";
import { FUZZ_SEED, fuzzRuns, mulberry32, pick, type Random } from "../robustness/hostile.js";

const ONSETS = ["", "b", "c", "ch", "d", "f", "g", "h", "j", "k", "kh", "l", "m", "n", "ng", "p", "qu", "r", "s", "sch", "sh", "st", "t", "ts", "tz", "v", "w", "x", "y", "z", "zh"];
const VOWELS = ["a", "e", "i", "o", "u", "y", "ae", "ei", "ie", "oo", "ou", "ue", "ui", "aa", "ij"];
const CODAS = ["", "", "n", "nn", "m", "r", "rst", "s", "ss", "t", "tt", "ng", "ck", "ch", "x", "l", "ll", "h"];
const KOREAN = ["고우찬", "이채영", "남궁훈", "홍은택", "김", "박", "ㄴㄱㅎ", "ㅎㅎ", "\u1100\u1161", "발표", "뭐야", "누구"];
const PARTICLES = ["", "", "이", "가", "는", "의", "를", "에서", "님"];

/** A word shaped like a name in some language, or like what a Korean keyboard on an English layout types. */
function nameLike(random: Random): string {
  const roll = random();
  if (roll < 0.15) return pick(random, KOREAN) + pick(random, PARTICLES);
  if (roll < 0.3) return Array.from({ length: 2 + Math.floor(random() * 10) }, () => String.fromCharCode(97 + Math.floor(random() * 26))).join("");
  const syllables = 1 + Math.floor(random() * 4);
  const word = Array.from({ length: syllables }, () => pick(random, ONSETS) + pick(random, VOWELS) + pick(random, CODAS)).join("");
  const cased = random() < 0.5 ? word[0].toUpperCase() + word.slice(1) : random() < 0.5 ? word.toUpperCase() : word;
  return cased + (random() < 0.2 ? pick(random, ["'s", "-" + pick(random, ONSETS) + "a", String(Math.floor(random() * 2023))]) : "");
}

const question = (random: Random) =>
  [...Array.from({ length: 1 + Math.floor(random() * 3) }, () => nameLike(random)), pick(random, ["발표 뭐야?", "who is", "세션", "?", "", "키노트는?"])].join(" ");

let bot: Bot;
beforeAll(async () => {
  bot = await Bot.create({ knowledgeDir: "knowledge" });
});

describe("analysis never throws", () => {
  it('answers "Jutta Horstmann 발표 뭐야?" without "Something went wrong"', async () => {
    const a = await bot.handle({ text: "Jutta Horstmann 발표 뭐야?", user: { id: "u", platform: "console", isAdmin: false } });
    expect(a.body).not.toMatch(/Something went wrong|문제가 생겼습니다/);
    expect(a.title).not.toMatch(/Sorry|죄송합니다/);
  });

  it(`runs every analysis step on ${fuzzRuns(3_000)} name-like words without throwing`, () => {
    const random = mulberry32(FUZZ_SEED + 9);
    const steps = Object.entries(analyze as Record<string, unknown>).filter((e): e is [string, (w: string) => unknown] => typeof e[1] === "function");
    expect(steps.map(([name]) => name)).toEqual(expect.arrayContaining(["fromQwerty", "jamo", "choseong", "words", "stripParticle"]));
    for (let run = 0; run < fuzzRuns(3_000); run++) {
      const word = nameLike(random);
      for (const [name, step] of steps) {
        for (const input of [word, word.toLowerCase()]) {
          try {
            step(input);
          } catch (error) {
            expect.fail(`${name}(${JSON.stringify(input)}) threw ${String(error)}`);
          }
        }
      }
    }
  });

  it(`answers ${fuzzRuns(300)} questions made of name-like words without an apology`, async () => {
    const random = mulberry32(FUZZ_SEED + 10);
    for (let run = 0; run < fuzzRuns(300); run++) {
      const text = question(random);
      const a = await bot.handle({ text, user: { id: "u", platform: "console", isAdmin: false, trusted: true } });
      if (/Something went wrong|답을 만드는 중에 문제가/.test(a.body)) expect.fail(`"${text}" got an apology`);
    }
  });
});
