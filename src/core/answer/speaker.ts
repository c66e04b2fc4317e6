import type { Lang } from "../answer.js";
import type { CommandModule, Draft } from "../commands.js";
import type { Knowledge, Person } from "../knowledge/schema.js";
import type { Snapshot } from "../snapshot.js";
import { choicesFor, findKeys } from "./find.js";
import { bilingual, capList, cite, formatDate, personName, sessionsOf, suggest } from "./format.js";

function detail(k: Knowledge, p: Person, lang: Lang): Draft {
  const sessions = sessionsOf(k, p.id);
  const presented = [...k.remediation.values()].filter((r) => r.presented_by === p.id || r.owner === p.id);
  const lines = [
    ...p.roles.map((r) => `- ${r[lang]}`),
    ...(p.summary ? ["", p.summary[lang]] : []),
    ...(sessions.length ? ["", lang === "ko" ? "**발표**" : "**Sessions**"] : []),
    ...sessions.map((s) => `- ${bilingual(s.title, lang)} — ${formatDate(s.date, lang, k.event?.start, s.time)}`),
    ...(presented.length ? ["", lang === "ko" ? "**발표·담당한 재발방지 항목**" : "**Remediation items presented or owned**"] : []),
    ...presented.map((r) => `- ${r.text[lang]}`),
  ];
  return {
    title: bilingual(p.name, lang),
    body: lines.join("\n").trim() || (lang === "ko" ? "연사" : "Speaker"),
    fields: [
      ...(p.organisation ? [{ name: lang === "ko" ? "소속" : "Organisation", value: bilingual(p.organisation, lang), inline: true }] : []),
      ...(p.handle ? [{ name: lang === "ko" ? "핸들" : "Handle", value: p.handle, inline: true }] : []),
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
    title: lang === "ko" ? `연사 ${people.length}명` : `${people.length} speakers`,
    body: capList(lines, 20, lang),
    citations: cite(k, people.filter((p) => p.roles.length).slice(0, 4)),
    suggestions: people.slice(0, 4).map((p) => suggest(p.name[lang], "speaker", { name: p.name[lang] })),
  };
}

const label = (snapshot: Snapshot) => (key: string, lang: Lang) => personName(snapshot.knowledge, key, lang);

export const speaker: CommandModule = {
  spec: {
    name: "speaker",
    description: { ko: "연사: 누구이고 무엇을 발표했는지", en: "A speaker: who they are and what they presented" },
    options: [{ name: "name", description: { ko: "이름, 영문 이름 또는 핸들", en: "Name, romanized name or handle" }, autocomplete: true }],
    example: "고우찬",
  },
  run({ snapshot: { knowledge: k }, snapshot, lang }, { name }) {
    if (!name) return list(k, lang);
    const { keys, near } = findKeys(snapshot, "person", name);
    const people = keys.map((key) => k.people.get(key)!);
    if (people.length === 1) return detail(k, people[0], lang);
    if (people.length > 1) return { ...detail(k, people[0], lang), suggestions: people.slice(1, 5).map((p) => suggest(p.name[lang], "speaker", { name: p.id })) };
    const guesses = near.map((h) => k.people.get(h.doc.key)!).filter(Boolean);
    const offer = guesses.length ? guesses : roster(k).slice(0, 4);
    return {
      answered: false,
      title: lang === "ko" ? "그런 연사를 찾지 못했습니다" : "No such speaker",
      body:
        lang === "ko"
          ? `지식에 ‘${name}’ 연사가 없습니다. ${guesses.length ? "이 사람을 찾으셨나요?" : "아는 연사는 이렇습니다:"}\n${offer.map((p) => `- ${bilingual(p.name, lang)}`).join("\n")}`
          : `The knowledge has no speaker called “${name}”. ${guesses.length ? "Did you mean:" : "The speakers it knows include:"}\n${offer.map((p) => `- ${bilingual(p.name, lang)}`).join("\n")}`,
      suggestions: offer.map((p) => suggest(p.name[lang], "speaker", { name: p.id })),
    };
  },
  autocomplete: (snapshot, _option, typed, lang) => choicesFor(snapshot, "person", typed, label(snapshot), lang),
};
