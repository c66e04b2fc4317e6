import { formatDate, say, type Lang } from "../locale.js";
import { inert } from "../markdown.js";
import type { Knowledge, Person } from "../knowledge/schema.js";
import { defineCommand, type Draft } from "./command.js";
import { choicesFor, findKeys } from "./find.js";
import { bilingual, capList, cite, personName, sessionsOf, suggest } from "./format.js";

function detail(k: Knowledge, p: Person, lang: Lang): Draft {
  const sessions = sessionsOf(k, p.id);
  const presented = [...k.remediation.values()].filter((r) => r.presented_by === p.id || r.owner === p.id);
  const lines = [
    ...p.roles.map((r) => `- ${r[lang]}`),
    ...(p.summary ? ["", p.summary[lang]] : []),
    ...(sessions.length ? ["", say(lang, { ko: "**발표**", en: "**Sessions**" })] : []),
    ...sessions.map((s) => `- ${bilingual(s.title, lang)} — ${formatDate(s.date, lang, k.event?.start, s.time)}`),
    ...(presented.length ? ["", say(lang, { ko: "**발표·담당한 재발방지 항목**", en: "**Remediation items presented or owned**" })] : []),
    ...presented.map((r) => `- ${r.text[lang]}`),
  ];
  return {
    title: bilingual(p.name, lang),
    body: lines.join("\n").trim() || say(lang, { ko: "연사", en: "Speaker" }),
    fields: [
      ...(p.organisation ? [{ name: say(lang, { ko: "소속", en: "Organisation" }), value: bilingual(p.organisation, lang), inline: true }] : []),
      ...(p.handle ? [{ name: say(lang, { ko: "핸들", en: "Handle" }), value: p.handle, inline: true }] : []),
    ],
    citations: cite(k, [p, ...sessions]),
    suggestions: sessions.slice(0, 3).map((s) => suggest(s.title[lang].slice(0, 60), "session", { query: s.id })),
  };
}

/** Presenters first (people with roles), then everyone else by name. */
function roster(k: Knowledge): Person[] {
  return [...k.people.values()].sort((a, b) => b.roles.length - a.roles.length || a.name.ko.localeCompare(b.name.ko));
}

function list(k: Knowledge, lang: Lang): Draft {
  const people = roster(k);
  const lines = people.map((p) => `- **${bilingual(p.name, lang)}**${p.roles[0] ? ` — ${p.roles[0][lang]}` : ""}`);
  return {
    title: say(lang, { ko: `연사 ${people.length}명`, en: `${people.length} speakers` }),
    body: capList(lines, 20, lang),
    citations: cite(k, people.filter((p) => p.roles.length).slice(0, 4)),
    suggestions: people.slice(0, 4).map((p) => suggest(p.name[lang], "speaker", { name: p.name[lang] })),
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
  routes: [{ words: ["연사", "발표자", "스피커", "speaker", "speakers", "presenter", "presenters", "사람들", "spoke", "speak", "speaks"] }],
  run({ snapshot, lang }, { name }) {
    const k = snapshot.knowledge;
    if (!name) return list(k, lang);
    const { keys, near } = findKeys(snapshot, "person", name);
    const people = keys.map((key) => k.people.get(key)!);
    if (people.length === 1) return detail(k, people[0], lang);
    if (people.length > 1) return { ...detail(k, people[0], lang), suggestions: people.slice(1, 5).map((p) => suggest(p.name[lang], "speaker", { name: p.id })) };
    const guesses = near.map((h) => k.people.get(h.doc.key)!).filter(Boolean);
    const offer = guesses.length ? guesses : roster(k).slice(0, 4);
    const names = offer.map((p) => `- ${bilingual(p.name, lang)}`).join("\n");
    return {
      answered: false,
      title: say(lang, { ko: "그런 연사를 찾지 못했습니다", en: "No such speaker" }),
      body: say(lang, {
        ko: `지식에 ‘${inert(name)}’ 연사가 없습니다. ${guesses.length ? "이 사람을 찾으셨나요?" : "아는 연사는 이렇습니다:"}\n${names}`,
        en: `The knowledge has no speaker called “${inert(name)}”. ${guesses.length ? "Did you mean:" : "The speakers it knows include:"}\n${names}`,
      }),
      suggestions: offer.map((p) => suggest(p.name[lang], "speaker", { name: p.id })),
    };
  },
  autocomplete: (snapshot, _option, typed, lang) => choicesFor(snapshot, "person", typed, (key, l) => personName(snapshot.knowledge, key, l), lang),
});
