// Free questions: route to the command that answers them, or answer with the best-matching fact, or
// say that the knowledge does not hold the answer.
import { say, type Lang } from "../locale.js";
import { inert } from "../markdown.js";
import type { Fact } from "../knowledge/schema.js";
import { koreanForms } from "../search/analyze.js";
import type { SearchDoc } from "../search/documents.js";
import { ANSWER_COVERAGE } from "../search/query.js";
import { budget } from "./budget.js";
import { defineCommand, type Args, type CommandContext, type CommandModule, type Draft } from "./command.js";
import { event } from "./event.js";
import { cite, suggest } from "./format.js";
import { remediation } from "./remediation.js";
import { dayOf, matchSessions, session } from "./session.js";
import { speaker } from "./speaker.js";
import { track } from "./track.js";

interface Routed {
  module: CommandModule;
  args: Args<string>;
}

/** The command a word leads to, from the routes the catalogue's modules declare. */
function routeOf(catalogue: readonly CommandModule[], word: string): Routed | undefined {
  const forms = koreanForms(word);
  for (const module of catalogue) {
    const route = module.routes?.find((r) => r.words.some((w) => forms.includes(w)));
    if (route) return { module, args: route.args ?? {} };
  }
  return undefined;
}

const COUNT_CUE = /몇\s*(개|명|건|트랙|세션)?|how many|number of|개수|갯수|(^|\s)수(\s|\?|$)|\bcount\b/i;
/** Counted by the event's overview: "how many speakers / tracks / sessions?". */
const COUNTED: readonly CommandModule[] = [speaker, track, session, event];

function factAnswer(ctx: CommandContext, f: Fact): Draft {
  const { lang } = ctx;
  const k = ctx.snapshot.knowledge;
  const publisher = k.sources.get(f.source)?.publisher;
  return {
    title: f.headline ? say(lang, { ko: "관련 기사 제목", en: "Related headline" }) : say(lang, { ko: "기사 내용", en: "From the knowledge" }),
    body: f.headline
      ? `${f.text[lang]}\n\n${say(lang, {
          ko: `기사 본문이 아니라 ${publisher ?? "기사"} 아래에 실린 관련기사의 제목입니다.`,
          en: `This is a headline listed under the ${publisher ?? "article"} article, not part of its reporting.`,
        })}`
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
  const close = labels.length ? say(lang, { ko: `\n\n비슷한 것: ${labels.join(", ")}`, en: `\n\nClose matches: ${labels.join(", ")}` }) : "";
  return {
    answered: false,
    title: say(lang, { ko: "답을 모릅니다", en: "I don't know" }),
    body: say(lang, {
      ko: `‘${inert(question)}’에 대한 답은 지식에 없습니다. ${about ? `${about}에 대해 ` : ""}이런 것을 답할 수 있습니다: 연사, 키노트와 세션, 트랙, 예산, 재발방지 항목.${close}`,
      en: `The knowledge does not answer “${inert(question)}”. ${about ? `About ${about}, I` : "I"} can answer on speakers, keynotes and sessions, tracks, the budget and the remediation items.${close}`,
    }),
    suggestions: [suggest("/event", "event"), suggest("/budget", "budget"), suggest("/speaker", "speaker"), suggest("/remediation", "remediation")],
  };
}

export const ask = defineCommand({
  spec: {
    name: "ask",
    description: { ko: "자유롭게 묻기 (한국어 또는 영어)", en: "Ask anything, in Korean or English" },
    options: [{ name: "question", description: { ko: "질문", en: "Your question" }, required: true }],
    example: "예산 얼마야?",
  },
  async run(ctx, { question }) {
    const { snapshot, lang } = ctx;
    if (!question) return ctx.run(ctx.catalogue.find((c) => c.spec.name === "help")!, {});
    const { hits, informative } = snapshot.index.search(question);
    const named = informative.map((w) => routeOf(ctx.catalogue, w)).filter((r): r is Routed => r !== undefined);

    const day = dayOf(question, snapshot.knowledge.event?.start);
    const aboutSessions = named.some((r) => r.module === session || r.module === track);
    // "How many keynotes on day 1?" counts a list of sessions; "how many tracks?" is the event's count.
    if (COUNT_CUE.test(question) && aboutSessions && (day || named.some((r) => r.args.query))) return ctx.run(session, { query: question });
    if (COUNT_CUE.test(question) && named.some((r) => COUNTED.includes(r.module))) return ctx.run(event, {});
    if (named.length > 0 && named.length === informative.length) return ctx.run(named[0].module, named[0].args);
    if (aboutSessions && day && matchSessions(snapshot, question).length > 0) return ctx.run(session, { query: question });

    const top = hits[0];
    if (!top || top.coverage < ANSWER_COVERAGE) return abstain(ctx, question, hits.slice(0, 3).map((h) => h.doc));
    const k = snapshot.knowledge;
    const key = top.doc.key;
    switch (top.doc.type) {
      case "person":
        return ctx.run(speaker, { name: key });
      case "session":
        return ctx.run(session, { query: key });
      case "track":
        return ctx.run(track, { name: key });
      case "budget":
        return ctx.run(budget, {});
      case "remediation":
        return ctx.run(remediation, { area: k.remediation.get(key)!.area[lang] });
      case "event":
        return ctx.run(event, {});
      case "fact":
        return factAnswer(ctx, k.facts.get(key)!);
    }
  },
});
