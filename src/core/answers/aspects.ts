// Which aspects a subject can answer at all. A question the knowledge found something for may still ask what that
// thing does not hold — "When will the Ansan data center open?" finds the budget that funds it, which has no date;
// "지금 카카오 CEO 누구예요?" finds a sentence naming a CEO of another company. Such a question gets "I don't know"
// rather than the nearest text.
import { say, type Lang } from "../locale.js";
import type { Snapshot } from "../snapshot/snapshot.js";
import type { Aspect } from "../understand/lexicon.js";
import type { Part } from "./part.js";
import type { Subject } from "./subject.js";

/** Aspects that only shape an answer (what, a list, its content, how): any subject answers them. */
const SHAPING = new Set<Aspect>(["what", "list", "about", "how"]);

const ANSWERS: Partial<Record<Subject["kind"], ReadonlySet<Aspect>>> = {
  budget: new Set(["amount", "split", "count", "where"]),
  remediation: new Set(["who", "count", "status"]),
  people: new Set(["who", "role", "org", "handle", "realname", "count", "when", "time", "weekday", "where", "track", "link", "duration"]),
  // A company's own dates are not its speakers' session times ("When are Kakao Games' release dates?").
  org: new Set(["who", "role", "handle", "realname", "count", "track"]),
  sessions: new Set(["who", "org", "handle", "realname", "count", "when", "time", "weekday", "where", "track", "link", "duration"]),
};

/** What a sentence must hold to answer an aspect: a date for "when", an amount for "how much" … */
const IN_TEXT: Partial<Record<Aspect, RegExp>> = {
  when: /\d+\s*(일|월|년)|\b(19|20)\d\d[.-]\d|오늘|어제|내일|내달|다음 달|이번 주|다음 주|next (week|month)|(january|february|march|april|may|june|july|august|september|october|november|december)\b|요일|day\b/i,
  time: /\d+\s*시|\d:\d\d|오전|오후|\b(am|pm)\b/i,
  weekday: /요일|(mon|tues|wednes|thurs|fri|satur|sun)day/i,
  amount: /\d\s*(%|퍼센트|percent)|\d[\d,.]*\s*(억|조|만)?\s*원|₩|\bwon\b|\$\d|\d\s*(billion|million|trillion)\s*(won|dollars|krw)/i,
  count: /\d|하나|둘|셋|넷|다섯|여섯|일곱|여덟|아홉|\b(one|two|three|four|five|six|seven|eight|nine|ten)\b/i,
  duration: /\d+\s*(분|시간|일간|개월|minutes?|hours?|days|months|years)/i,
  why: /위해|위한|위하여|때문|원인|이유|으로 인해|로 인해|탓|because|due to|caused|cause|reason|so that|in order to/i,
};

/** The specific aspects asked (beyond what only shapes the answer) that this subject cannot answer. */
export function unanswerable(snapshot: Snapshot, subject: Subject, aspects: readonly Aspect[], counted?: string): Aspect[] {
  const specific = [...new Set(aspects.filter((a) => !SHAPING.has(a)))];
  // "인프라 조직 몇 명으로": a number of people, which no item or budget counts.
  if (counted === "명" && specific.includes("count") && (subject.kind === "remediation" || subject.kind === "budget")) return ["count"];
  if (subject.kind === "fact") {
    const f = snapshot.knowledge.facts.get(subject.key);
    const text = f ? `${f.text.ko} ${f.text.en}` : "";
    const missing = specific.filter((a) => !factAnswers(snapshot, text, a));
    return counted === "명" && specific.includes("count") && !/\d\s*명|people|persons/.test(text) ? [...new Set([...missing, "count" as const])] : missing;
  }
  // Why a budget item or a remediation item is there, when its own words say what it is for.
  if (specific.includes("why") && (subject.kind === "budget" || subject.kind === "remediation")) {
    const texts = subject.kind === "budget" ? (snapshot.knowledge.budgets.get(subject.key)?.items ?? []).map((i) => i.text) : subject.keys.map((key) => snapshot.knowledge.remediation.get(key)?.text);
    if (texts.some((t) => t && IN_TEXT.why!.test(`${t.ko} ${t.en}`))) return unanswerable(snapshot, subject, aspects.filter((a) => a !== "why"), counted);
  }
  const answers = ANSWERS[subject.kind];
  if (!answers) return [];
  if (subject.kind === "remediation" && specific.includes("when")) {
    const dated = subject.keys.some((key) => snapshot.knowledge.remediation.get(key)?.due);
    if (!dated) return specific.filter((a) => !answers.has(a));
    return specific.filter((a) => a !== "when" && !answers.has(a));
  }
  return specific.filter((a) => !answers.has(a));
}

function factAnswers(snapshot: Snapshot, text: string, aspect: Aspect): boolean {
  const pattern = IN_TEXT[aspect];
  if (pattern) return pattern.test(text);
  // Who (or someone's role, company, name): the sentence names a person the knowledge knows, or someone by their
  // role (정은경 기자, the reporter).
  if (aspect === "who" || aspect === "role" || aspect === "org" || aspect === "realname") {
    const lower = text.toLowerCase();
    return /기자|reporter|journalist/.test(lower) || [...snapshot.knowledge.people.values()].some((p) => [p.name.ko, p.name.en].some((n) => n.length >= 2 && lower.includes(n.toLowerCase())));
  }
  return aspect === "where";
}

/** The answer when what was found does not hold what was asked: say what it is, and that the rest is not known. */
export function notHeldPart(found: Part, lang: Lang): Part {
  const first = found.body.split("\n")[0];
  const label = found.about.kind === "fact" ? (first.length > 60 ? `${first.slice(0, 60)}…` : first) : found.title;
  return {
    title: say(lang, { ko: "답을 모릅니다", en: "I don't know" }),
    body: say(lang, {
      ko: `지식에 그 답은 없습니다. 관련해 아는 것은 ‘${label}’입니다.`,
      en: `The knowledge does not hold that. What it has nearby is “${label}”.`,
    }),
    cited: [],
    suggestions: found.suggestions ?? [],
    answered: false,
    about: found.about,
  };
}
