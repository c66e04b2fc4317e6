// Free questions: route to the command that answers them, or answer with the best-matching fact, or
// say that the knowledge does not hold the answer.
import type { Lang } from "../answer.js";
import type { CommandContext, CommandModule, Draft } from "../commands.js";
import type { Fact } from "../knowledge/schema.js";
import { koreanForms } from "../search/analyze.js";
import type { SearchDoc } from "../search/documents.js";
import { ANSWER_COVERAGE } from "../search/index.js";
import { cite, suggest } from "./format.js";
import { dayOf, matchSessions } from "./session.js";

type Route = { command: string; args?: Record<string, string> };

/** Words that name a kind of thing rather than a thing: a question made only of them wants the overview. */
const CATEGORY: Record<string, Route> = {};
const category = (route: Route, ...names: string[]) => names.forEach((n) => (CATEGORY[n] = route));
category({ command: "speaker" }, "연사", "발표자", "스피커", "speaker", "speakers", "presenter", "presenters", "사람들", "spoke", "speak", "speaks");
category({ command: "track" }, "트랙", "track", "tracks");
category({ command: "session" }, "세션", "session", "sessions", "발표", "강연", "talk", "talks", "발표세션");
category({ command: "session", args: { query: "keynote" } }, "키노트", "keynote", "keynotes", "기조연설");
category({ command: "budget" }, "예산", "budget", "돈", "money", "비용", "cost", "총액", "금액", "투자", "investment");
category({ command: "remediation" }, "재발방지", "재발방지대책", "재발", "방지", "대책", "remediation", "개선", "개선사항", "measures", "improvements", "prevent", "prevention", "recurrence");
category({ command: "event" }, "행사", "컨퍼런스", "콘퍼런스", "이프", "event", "conference", "이프카카오");

const COUNT_CUE = /몇\s*(개|명|건|트랙|세션)?|how many|number of|개수|갯수|(^|\s)수(\s|\?|$)|\bcount\b/i;
const COUNTED = new Set(["speaker", "track", "session", "event"]);

const categoryOf = (word: string): Route | undefined => koreanForms(word).map((f) => CATEGORY[f]).find(Boolean);

function factAnswer(ctx: CommandContext, f: Fact): Draft {
  const { lang } = ctx;
  const k = ctx.snapshot.knowledge;
  const src = k.sources.get(f.source);
  return {
    command: "ask",
    title: f.headline ? (lang === "ko" ? "관련 기사 제목" : "Related headline") : lang === "ko" ? "기사 내용" : "From the knowledge",
    body: f.headline
      ? `${f.text[lang]}\n\n${lang === "ko" ? `기사 본문이 아니라 ${src?.publisher ?? "기사"} 아래에 실린 관련기사의 제목입니다.` : `This is a headline listed under the ${src?.publisher ?? "article"} article, not part of its reporting.`}`
      : f.text[lang],
    citations: cite(k, [f]),
  };
}

/** What a near miss is called: its name, else the start of its text. */
function label(doc: SearchDoc, lang: Lang): string {
  const text = doc.names[0] ?? (lang === "ko" ? doc.ko : doc.en).split("\n")[0];
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

function abstain(ctx: CommandContext, question: string, near: SearchDoc[]): Draft {
  const { lang } = ctx;
  const about = ctx.snapshot.knowledge.event?.name[lang];
  const labels = [...new Set(near.map((d) => label(d, lang)))];
  return {
    answered: false,
    command: "ask",
    title: lang === "ko" ? "답을 모릅니다" : "I don't know",
    body:
      lang === "ko"
        ? `‘${question}’에 대한 답은 지식에 없습니다. ${about ? `${about}에 대해 ` : ""}이런 것을 답할 수 있습니다: 연사, 키노트와 세션, 트랙, 예산, 재발방지 항목.${labels.length ? `\n\n비슷한 것: ${labels.join(", ")}` : ""}`
        : `The knowledge does not answer “${question}”. ${about ? `About ${about}, I` : "I"} can answer on speakers, keynotes and sessions, tracks, the budget and the remediation items.${labels.length ? `\n\nClose matches: ${labels.join(", ")}` : ""}`,
    suggestions: [
      suggest("/event", "event"),
      suggest("/budget", "budget"),
      suggest("/speaker", "speaker"),
      suggest("/remediation", "remediation"),
    ],
  };
}

export const ask: CommandModule = {
  spec: {
    name: "ask",
    description: { ko: "자유롭게 묻기 (한국어 또는 영어)", en: "Ask anything, in Korean or English" },
    options: [{ name: "question", description: { ko: "질문", en: "Your question" }, required: true }],
    example: "예산 얼마야?",
  },
  async run(ctx, { question }) {
    const { snapshot, lang } = ctx;
    if (!question) return ctx.run("help", {});
    const { hits, informative } = snapshot.index.search(question);
    const routes = informative.map(categoryOf);
    const named = routes.filter((r): r is Route => r !== undefined);

    const day = dayOf(question, snapshot.knowledge.event?.start);
    const aboutSessions = named.some((r) => r.command === "session" || r.command === "track");
    // "How many keynotes on day 1?" counts a list of sessions; "how many tracks?" is the event's count.
    if (COUNT_CUE.test(question) && aboutSessions && (day || named.some((r) => r.args?.query))) return ctx.run("session", { query: question });
    if (COUNT_CUE.test(question) && named.some((r) => COUNTED.has(r.command))) return ctx.run("event", {});
    if (named.length > 0 && named.length === informative.length) return ctx.run(named[0].command, named[0].args ?? {});
    if (aboutSessions && day && matchSessions(snapshot, question).length > 0) {
      return ctx.run("session", { query: question });
    }

    const top = hits[0];
    if (!top || top.coverage < ANSWER_COVERAGE) return abstain(ctx, question, hits.slice(0, 3).map((h) => h.doc));
    const k = snapshot.knowledge;
    const key = top.doc.key;
    switch (top.doc.type) {
      case "person":
        return ctx.run("speaker", { name: key });
      case "session":
        return ctx.run("session", { query: key });
      case "track":
        return ctx.run("track", { name: key });
      case "budget":
        return ctx.run("budget", {});
      case "remediation":
        return ctx.run("remediation", { area: k.remediation.get(key)!.area[lang] });
      case "event":
        return ctx.run("event", {});
      case "fact":
        return factAnswer(ctx, k.facts.get(key)!);
    }
  },
};
