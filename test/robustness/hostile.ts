// Seeded generators of hostile text for the fuzz tests (and the bench's longer runs): mentions in every
// platform's syntax, Markdown and mrkdwn tricks, huge strings, RTL and zalgo text, lone surrogates, control
// characters and Hangul, mixed at random. The same seed always gives the same inputs.

/** mulberry32: a tiny, fast, seedable PRNG; good enough to pick test inputs. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Random = () => number;

export const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)];
const int = (random: Random, max: number) => Math.floor(random() * max);

/** Every mention and broadcast syntax of Slack and Discord, including near-misses and already-escaped forms. */
export const MENTIONS = [
  "<!channel>", "<!here>", "<!everyone>", "<!here|here>", "<@U123>", "<@U123|bob>", "<@W0AB>", "<#C1>", "<#C1|general>",
  "<!subteam^S1>", "<!subteam^S1|@team>", "<!date^1392734382^{date}|x>", "@everyone", "@here", "@EVERYONE", "@@here",
  "<@123>", "<@!123>", "<@&456>", "<#789>", "</help:1>", "&lt;!channel&gt;", "<<!here>>", "<\u200b!here>", "＠everyone",
];

const MARKUP = [
  "*", "**", "_", "__", "~", "~~", "`", "```", "||", "> ", "# ", "- ", "\n", "\n\n", "&", "&amp;", "<", ">", "|",
  "[x](javascript:alert(1))", "[click](https://evil.example/<!here>)", "[<!channel>](https://a.example)", "<http://x|y>",
  "<https://a.example|<!everyone>>", "<mailto:a@b.c|mail>", "[x](!here)", "**<!here>**", "`<@U1>`", "***", "\\*", "](", ")[",
];

const RTL = ["\u202e", "\u202d", "\u2066", "\u2067", "\u2068", "\u2069", "\u200f", "\u061c", "مرحبا", "שלום", "\u202eevil\u202c"];
const CONTROL = ["\u0000", "\u0007", "\u0008", "\u001b[31m", "\u001b]0;title\u0007", "\r", "\t", "\u007f", "\u0085", "\ufeff", "\u200b", "\u2028", "\u2029"];
const SURROGATES = ["\ud800", "\udfff", "\udc00\ud800", "😀", "👩‍💻", "\ud83d", "\ude00", "𝕳"];
const HANGUL = ["고우찬", "이채영", "예산", "데이터센터", "재발방지", "ㄱㄴㄷ", "\u1100\u1161\u11a8", "한국어 질문", "4,600억 원", "판교", "1015"];
const WORDS = ["speaker", "track", "session", "budget", "remediation", "if kakao", "AI", "who", "what", "?", "!", "/", "%s", "${x}", "{{x}}", "null", "undefined", "__proto__", "constructor"];

/** Zalgo: a letter buried under combining marks. */
function zalgo(random: Random): string {
  let s = pick(random, ["a", "가", "Z", "e"]);
  for (let i = int(random, 60); i > 0; i--) s += String.fromCharCode(0x300 + int(random, 0x70));
  return s;
}

const PIECES: Array<(random: Random) => string> = [
  (r) => pick(r, MENTIONS),
  (r) => pick(r, MARKUP),
  (r) => pick(r, RTL),
  (r) => pick(r, CONTROL),
  (r) => pick(r, SURROGATES),
  (r) => pick(r, HANGUL),
  (r) => pick(r, WORDS),
  zalgo,
  (r) => " ".repeat(1 + int(r, 3)),
];

/** One hostile string: usually a short mix of pieces, sometimes a huge one (up to ~100 KB). */
export function hostileText(random: Random): string {
  const roll = random();
  if (roll < 0.03) return pick(random, [...MENTIONS, ...HANGUL]).repeat(Math.ceil(100_000 / 8));
  if (roll < 0.06) return Array.from({ length: 2_000 }, () => pick(random, PIECES)(random)).join("");
  if (roll < 0.08) return "";
  return Array.from({ length: 1 + int(random, 12) }, () => pick(random, PIECES)(random)).join("");
}

/** Lone surrogates make a string unencodable for every platform API. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
export const isWellFormed = (s: string): boolean => s.search(LONE_SURROGATE) === -1;
export const dropLoneSurrogates = (s: string): string => s.replace(LONE_SURROGATE, "");

/** How many generated inputs a fuzz test runs: FUZZ_RUNS in the bench, a CI default otherwise. */
export const fuzzRuns = (ciDefault: number): number => Number(process.env.FUZZ_RUNS ?? ciDefault);

export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20221015);
