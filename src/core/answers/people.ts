// Answers about people: who someone is (roles, organisation), the aspect asked (their role, company, handle, real
// name, sessions and when), or a list of people. What the knowledge does not hold about someone is said, not guessed.
import type { Knowledge, Person, Session } from "../knowledge/schema.js";
import { say } from "../locale.js";
import { inert } from "../markdown.js";
import type { Aspect } from "../understand/lexicon.js";
import { bilingual, capList, kindLabel, personLabel, refOf, suggest, whenOf } from "./format.js";
import type { Part, PartContext } from "./part.js";
import { sessionsPart } from "./sessions.js";

const sessionsOf = (ctx: PartContext, p: Person): Session[] =>
  (ctx.snapshot.tables.bySpeaker.get(p.key) ?? []).map((key) => ctx.snapshot.knowledge.sessions.get(key)!).filter(Boolean);

const remediationOf = (k: Knowledge, p: Person) => [...k.remediation.values()].filter((r) => r.presented_by === p.key || r.owner === p.key);

/** Who someone is: their roles, organisation and summary, their sessions, the remediation items they presented. */
function overview(ctx: PartContext, p: Person): Part {
  const { lang } = ctx;
  const k = ctx.snapshot.knowledge;
  const sessions = sessionsOf(ctx, p);
  const presented = remediationOf(k, p);
  const lines = [
    ...p.roles.map((r) => `- ${inert(r[lang])}`),
    ...(p.organisation ? [`- ${say(lang, { ko: "소속", en: "Organisation" })}: ${inert(bilingual(p.organisation, lang))}`] : []),
    ...(p.summary ? ["", inert(p.summary[lang])] : []),
    ...(sessions.length ? ["", say(lang, { ko: "**발표**", en: "**Sessions**" })] : []),
    ...sessions.map((s) => `- ${inert(bilingual(s.title, lang))} — ${whenOf(k, s, lang)}`),
    ...(presented.length ? ["", say(lang, { ko: "**발표·담당한 재발방지 항목**", en: "**Remediation items presented or owned**" })] : []),
    ...presented.map((r) => `- ${inert(r.text[lang])}`),
  ];
  return {
    title: personLabel(p, lang),
    body: lines.join("\n").trim() || say(lang, { ko: "연사", en: "Speaker" }),
    fields: [
      ...(p.organisation ? [{ name: say(lang, { ko: "소속", en: "Organisation" }), value: inert(bilingual(p.organisation, lang)), inline: true }] : []),
      ...(p.handle ? [{ name: say(lang, { ko: "핸들", en: "Handle" }), value: inert(p.handle), inline: true }] : []),
    ],
    cited: [p, ...sessions.slice(0, 4)],
    suggestions: sessions.slice(0, 3).map((s) => suggest(s.title[lang].slice(0, 60), "session", { query: refOf(ctx.snapshot.tables, s, "sessions") })),
    answered: true,
    facts: { people: [p.key], count: sessions.length, text: [...p.roles.flatMap((r) => [r.ko, r.en]), p.organisation?.ko, p.organisation?.en].join(" ") },
    about: { kind: "people", keys: [p.key] },
  };
}

/** One fact about a person, or that the knowledge does not hold it. */
function fact(ctx: PartContext, p: Person, aspect: Aspect): Part | undefined {
  const { lang } = ctx;
  const name = personLabel(p, lang);
  const about = { kind: "people", keys: [p.key] };
  const unknown = (what: { ko: string; en: string }): Part => ({
    title: name,
    body: say(lang, { ko: `지식에 ${inert(name)}의 ${what.ko} 정보는 없습니다.`, en: `The knowledge does not give ${inert(name)}'s ${what.en}.` }),
    cited: [],
    answered: false,
    about,
  });
  const known = (body: string, text: string): Part => ({ title: name, body, cited: [p], answered: true, facts: { people: [p.key], text }, about });
  switch (aspect) {
    case "role":
      return p.roles.length ? known(p.roles.map((r) => `- ${inert(r[lang])}`).join("\n"), p.roles.flatMap((r) => [r.ko, r.en]).join(" ")) : unknown({ ko: "직책", en: "role" });
    case "org":
      return p.organisation ? known(`${say(lang, { ko: "소속", en: "Organisation" })}: ${inert(bilingual(p.organisation, lang))}`, `${p.organisation.ko} ${p.organisation.en}`) : unknown({ ko: "소속", en: "organisation" });
    case "handle":
      return p.handle ? known(`${say(lang, { ko: "핸들", en: "Handle" })}: ${inert(p.handle)}`, p.handle) : unknown({ ko: "핸들", en: "handle" });
    case "realname": {
      const real = p.name.ko !== p.handle || p.name.en !== p.handle;
      return real ? known(inert(bilingual(p.name, lang)), `${p.name.ko} ${p.name.en}`) : unknown({ ko: "실명", en: "real name" });
    }
    default:
      return undefined;
  }
}

/** Aspects about someone's sessions. */
const SESSION_ASPECTS: readonly Aspect[] = ["what", "when", "time", "weekday", "where", "track", "link", "duration", "about", "count", "list"];

export function personPart(ctx: PartContext, p: Person, kinds: readonly string[]): Part[] {
  const asked = ctx.aspects;
  const facts = asked.map((a) => fact(ctx, p, a)).filter((x): x is Part => x !== undefined);
  // "실명이 뭐야", "직책 뭐야": the "what" asks for the fact, not for their sessions.
  const sessionAspects = facts.length ? SESSION_ASPECTS.filter((a) => a !== "what" && a !== "about") : SESSION_ASPECTS;
  const wantsSessions = asked.some((a) => sessionAspects.includes(a)) || kinds.length > 0;
  const sessions = sessionsOf(ctx, p).filter((s) => !kinds.length || kinds.includes(String(s.kind)));
  const parts = [...facts];
  if (wantsSessions) {
    const sessionAspects = asked.filter((a) => a !== "what" && a !== "about" && a !== "list");
    const label = `${personLabel(p, ctx.lang)}${kinds.length ? ` ${kinds.map((k) => kindLabel(k, ctx.lang)).join(", ")}` : ""}`;
    parts.push(sessionsPart({ ...ctx, aspects: sessionAspects.length ? sessionAspects : sessions.length === 1 ? ["what"] : [] }, sessions, { people: [p.key] }, label));
  }
  return parts.length ? parts : [overview(ctx, p)];
}

/** Lines a list of people shows. */
const PEOPLE_SHOWN = 25;

/** Several people: each with their first role (or organisation) and what they gave. */
export function peoplePart(ctx: PartContext, people: readonly Person[], label?: string): Part {
  const { lang } = ctx;
  const lines = people.slice(0, PEOPLE_SHOWN).map((p) => {
    const first = p.roles[0]?.[lang] ?? (p.organisation ? bilingual(p.organisation, lang) : undefined);
    return `- **${inert(personLabel(p, lang))}**${first ? ` — ${inert(first)}` : ""}`;
  });
  const count = say(lang, { ko: `${people.length}명`, en: `${people.length} ${people.length === 1 ? "person" : "people"}` });
  return {
    title: label ?? count,
    body: `${label ? `${inert(label)}: ` : ""}${count}\n${capList(lines, PEOPLE_SHOWN, lang, people.length)}`,
    cited: people.slice(0, 6),
    suggestions: people.slice(0, 4).map((p) => suggest(p.name[lang], "speaker", { name: refOf(ctx.snapshot.tables, p, "people") })),
    answered: people.length > 0,
    facts: { count: people.length, people: people.map((p) => p.key), text: people.flatMap((p) => p.roles.flatMap((r) => [r.ko, r.en])).join(" ") },
    about: { kind: "people", keys: people.map((p) => p.key) },
  };
}
