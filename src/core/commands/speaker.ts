import { draftOf, rememberParts } from "../answers/compose.js";
import { capList, cite, personLabel, refOf, suggest } from "../answers/format.js";
import { personPart } from "../answers/people.js";
import type { Knowledge, Person } from "../knowledge/schema.js";
import { say, type Lang } from "../locale.js";
import { inert } from "../markdown.js";
import type { Scope } from "../answers/subject.js";
import { defineCommand, type CommandContext, type Draft } from "./command.js";
import { choicesFor, findKeys } from "./find.js";

/** The default locale's order, as String#localeCompare with no arguments: one collator instead of one per comparison. */
const byName = new Intl.Collator();

/** Presenters first (people with roles), then everyone else by name. */
function roster(k: Knowledge, scope: Scope): Person[] {
  return [...k.people.values()].filter((p) => scope.events.includes(p.event)).sort((a, b) => b.roles.length - a.roles.length || byName.compare(a.name.ko, b.name.ko));
}

/** Lines the roster shows. */
const ROSTER_SHOWN = 20;

function list(ctx: CommandContext): Draft {
  const { lang } = ctx;
  const k = ctx.snapshot.knowledge;
  const people = roster(k, ctx.scope);
  const lines = people.slice(0, ROSTER_SHOWN).map((p) => `- **${inert(personLabel(p, lang))}**${p.roles[0] ? ` — ${inert(p.roles[0][lang])}` : ""}`);
  return {
    title: say(lang, { ko: `연사 ${people.length}명`, en: `${people.length} speakers` }),
    body: capList(lines, ROSTER_SHOWN, lang, people.length),
    citations: cite(k, people.filter((p) => p.roles.length).slice(0, 4)),
    suggestions: people.slice(0, 4).map((p) => suggest(p.name[lang], "speaker", { name: refOf(ctx.snapshot.tables, p, "people") })),
  };
}

function unknown(ctx: CommandContext, name: string, lang: Lang): Draft {
  const k = ctx.snapshot.knowledge;
  const offer = roster(k, ctx.scope).slice(0, 4);
  const names = offer.map((p) => `- ${inert(personLabel(p, lang))}`).join("\n");
  return {
    answered: false,
    title: say(lang, { ko: "그런 연사를 찾지 못했습니다", en: "No such speaker" }),
    body: say(lang, {
      ko: `지식에 ‘${inert(name)}’ 연사가 없습니다. 아는 연사는 이렇습니다:\n${names}`,
      en: `The knowledge has no speaker called “${inert(name)}”. The speakers it knows include:\n${names}`,
    }),
    suggestions: offer.map((p) => suggest(p.name[lang], "speaker", { name: refOf(ctx.snapshot.tables, p, "people") })),
  };
}

export const speaker = defineCommand({
  spec: {
    name: "speaker",
    description: { ko: "연사: 누구이고 무엇을 발표했는지", en: "A speaker: who they are and what they presented" },
    options: [{ name: "name", description: { ko: "이름, 영문 이름 또는 핸들", en: "Name, romanized name or handle" }, autocomplete: true }],
    aliases: ["speakers", "연사"],
    example: "고우찬",
  },
  routes: [{ words: ["연사", "발표자", "스피커", "speaker", "speakers", "presenter", "presenters"] }],
  run(ctx, { name }) {
    const { lang } = ctx;
    if (!name) return list(ctx);
    const k = ctx.snapshot.knowledge;
    const people = findKeys(ctx.snapshot, ctx.scope, "person", name).map((key) => k.people.get(key)!);
    if (!people.length) return unknown(ctx, name, lang);
    const parts = personPart({ snapshot: ctx.snapshot, lang, scope: ctx.scope, aspects: [], stated: [] }, people[0], []);
    const draft = { ...draftOf(ctx.snapshot, parts), remember: rememberParts(parts, lang) };
    if (people.length === 1) return draft;
    return { ...draft, suggestions: people.slice(1, 5).map((p) => suggest(personLabel(p, lang), "speaker", { name: p.key })) };
  },
  autocomplete: (snapshot, scope, _option, typed, lang) =>
    choicesFor(snapshot, scope, "person", typed, (key, l) => personLabel(snapshot.knowledge.people.get(key)!, l), (key) => refOf(snapshot.tables, snapshot.knowledge.people.get(key)!, "people"), lang),
});
