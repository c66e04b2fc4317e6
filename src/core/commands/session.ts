import { addDays, formatDate, say, type Lang } from "../locale.js";
import { inert } from "../markdown.js";
import type { Knowledge, Session } from "../knowledge/schema.js";
import { ANSWER_COVERAGE, isInformative } from "../search/query.js";
import { koreanForms, words } from "../search/analyze.js";
import type { Snapshot } from "../snapshot/snapshot.js";
import { defineCommand, type Draft } from "./command.js";
import { choicesFor, findKeys } from "./find.js";
import { bilingual, cite, speakerList, suggest } from "./format.js";
import { sessionList } from "./sessions-list.js";

const KIND_WORDS: Record<string, Session["kind"]> = {
  keynote: "keynote", keynotes: "keynote", 키노트: "keynote", 기조연설: "keynote",
  special: "special", 특별: "special", 특별세션: "special", 회고: "special", retrospective: "special",
  preview: "preview", previews: "preview", 프리뷰: "preview",
  talk: "talk", talks: "talk",
};
/** Words that say "a session" without narrowing anything. */
const GENERIC = new Set(["세션", "session", "sessions", "발표", "강연", "목록", "list", "전체", "all", "on", "the", "in", "of", "day", "일"]);
const KIND_LABEL: Record<Session["kind"], { ko: string; en: string }> = {
  keynote: { ko: "키노트", en: "Keynote" },
  special: { ko: "특별 세션", en: "Special session" },
  talk: { ko: "기술 세션", en: "Talk" },
  preview: { ko: "트랙 프리뷰", en: "Track preview" },
};

/** The event day a query names: 8일, 12월 8일, day 2, 둘째 날, December 8, 2022-12-08. */
export function dayOf(text: string, eventStart?: string): string | undefined {
  const t = text.toLowerCase();
  const iso = t.match(/\b(\d{4}-\d{2}-\d{2})\b/);
  if (iso) return iso[1];
  const nth =
    t.match(/(?:day\s*|)(\d)\s*(?:일차)/)?.[1] ??
    t.match(/\bday\s*(\d)\b/)?.[1] ??
    (/(첫째|첫날|first day)/.test(t) ? "1" : /(둘째|이틀째|second day)/.test(t) ? "2" : /(셋째|사흘째|third day|last day|마지막 ?날)/.test(t) ? "3" : undefined);
  if (nth && eventStart) return addDays(eventStart, Number(nth) - 1);
  const dom = t.match(/(\d{1,2})\s*일(?!차)/)?.[1] ?? t.match(/\b(?:dec(?:ember)?\.?\s*(\d{1,2})|(\d{1,2})\s*dec(?:ember)?)\b/)?.slice(1).find(Boolean);
  if (dom && eventStart) return `${eventStart.slice(0, 8)}${dom.padStart(2, "0")}`;
  return undefined;
}

function detail(k: Knowledge, s: Session, lang: Lang): Draft {
  const tracks = s.tracks.map((t) => k.tracks.get(t)).filter((t) => t !== undefined);
  const links = [...(s.url ? [{ title: say(lang, { ko: "세션 페이지", en: "Session page" }), url: s.url }] : []), ...s.links];
  return {
    title: bilingual(s.title, lang),
    body: [
      s.summary?.[lang],
      links.length ? links.map((l) => `[${inert(l.title)}](${l.url})`).join(" · ") : undefined,
    ].filter(Boolean).join("\n\n") || KIND_LABEL[s.kind][lang],
    fields: [
      { name: say(lang, { ko: "종류", en: "Kind" }), value: KIND_LABEL[s.kind][lang], inline: true },
      { name: say(lang, { ko: "일시", en: "When" }), value: formatDate(s.date, lang, k.event?.start, s.time), inline: true },
      ...(tracks.length ? [{ name: say(lang, { ko: "트랙", en: "Track" }), value: tracks.map((t) => bilingual(t.name, lang)).join(", "), inline: true }] : []),
      ...(s.speakers.length ? [{ name: say(lang, { ko: "연사", en: "Speakers" }), value: speakerList(k, s, lang), inline: false }] : []),
    ],
    citations: cite(k, [s]),
    suggestions: s.speakers.slice(0, 3).map((id) => suggest(k.people.get(id)?.name[lang] ?? id, "speaker", { name: id })),
  };
}

const isDayWord = (w: string) => /^\d{1,2}$/.test(w) || /^\d+일/.test(w) || /^(첫째|둘째|셋째|첫날|이틀째|dec|december)/.test(w);

/** The sessions a track or person id names, when every remaining word is one: "데브옵스", "indy.jones". */
function byTrackOrSpeaker(snapshot: Snapshot, rest: string[]): Session[] | undefined {
  let sessions = [...snapshot.knowledge.sessions.values()];
  for (const w of rest) {
    const track = findKeys(snapshot, "track", w).keys[0];
    const person = track ? undefined : findKeys(snapshot, "person", w).keys[0];
    if (!track && !person) return undefined;
    sessions = sessions.filter((s) => (track ? s.tracks.includes(track) : s.speakers.includes(person!)));
  }
  return sessions;
}

/** Sessions matching what the query names: an id; or a kind and a day, narrowed by title words (which
 * also match speakers and track names), else by a track or speaker the words name exactly. */
export function matchSessions(snapshot: Snapshot, query: string): Session[] {
  const k = snapshot.knowledge;
  const direct = k.sessions.get(query.trim());
  if (direct) return [direct];
  const date = dayOf(query, k.event?.start);
  const all = words(query);
  const kind = all.map((w) => KIND_WORDS[w]).find(Boolean);
  const rest = all.filter((w) => !KIND_WORDS[w] && isInformative(w) && !GENERIC.has(w) && !isDayWord(w));
  const fits = (s: Session) => (!kind || s.kind === kind) && (!date || s.date === date);
  if (rest.length === 0) return [...k.sessions.values()].filter(fits);
  const { hits } = snapshot.index.search(rest.join(" "), ["session"]);
  const good = hits.filter((h) => h.coverage >= ANSWER_COVERAGE && fits(k.sessions.get(h.doc.key)!));
  const found = good.map((h) => k.sessions.get(h.doc.key)!);
  // The one session whose title has every word the user typed is the one meant.
  const titled = found.filter((s) => {
    const title = new Set(words(`${s.title.ko} ${s.title.en}`).flatMap(koreanForms));
    return rest.every((w) => koreanForms(w).some((f) => title.has(f)));
  });
  if (titled.length === 1) return titled;
  if (found.length) return found;
  return (byTrackOrSpeaker(snapshot, rest) ?? []).filter(fits);
}

const keynotes = (lang: Lang) => suggest(say(lang, { ko: "키노트", en: "Keynotes" }), "session", { query: "keynote" });

export const session = defineCommand({
  spec: {
    name: "session",
    description: { ko: "세션 찾기: 제목, 날짜, 트랙, 연사로", en: "Find sessions by title, day, track or speaker" },
    options: [{ name: "query", description: { ko: "제목 낱말, 날짜(8일), 트랙 또는 연사", en: "Title words, a day (day 2), a track or a speaker" }, autocomplete: true }],
    aliases: ["sessions", "세션"],
    example: "keynote",
  },
  routes: [
    { words: ["세션", "session", "sessions", "발표", "강연", "talk", "talks", "발표세션"] },
    { words: ["키노트", "keynote", "keynotes", "기조연설"], args: { query: "keynote" } },
  ],
  run({ snapshot, lang }, { query }) {
    const k = snapshot.knowledge;
    const all = [...k.sessions.values()];
    if (!query) {
      return {
        title: say(lang, { ko: "세션", en: "Sessions" }),
        body: sessionList(k, all, lang),
        citations: cite(k, [...(k.event ? [k.event] : []), ...all.slice(0, 3)]),
        suggestions: [keynotes(lang)],
      };
    }
    const found = matchSessions(snapshot, query);
    if (found.length === 1) return detail(k, found[0], lang);
    if (found.length > 1) {
      return {
        title: say(lang, { ko: `‘${query}’ 세션 ${found.length}개`, en: `${found.length} sessions for “${query}”` }),
        body: sessionList(k, found, lang),
        citations: cite(k, found.slice(0, 5)),
        suggestions: found.slice(0, 3).map((s) => suggest(s.title[lang].slice(0, 60), "session", { query: s.id })),
      };
    }
    return {
      answered: false,
      title: say(lang, { ko: "세션을 찾지 못했습니다", en: "No matching session" }),
      body: say(lang, {
        ko: `지식에 ‘${inert(query)}’에 맞는 세션이 없습니다. 키노트, 날짜(예: 8일), 트랙(예: AI)이나 연사 이름으로 찾아 보세요.`,
        en: `The knowledge has no session matching “${inert(query)}”. Try keynote, a day (day 2), a track (AI) or a speaker's name.`,
      }),
      suggestions: [keynotes(lang), suggest(say(lang, { ko: "트랙", en: "Tracks" }), "track")],
    };
  },
  autocomplete: (snapshot, _option, typed, lang) =>
    choicesFor(snapshot, "session", typed, (key, l) => `${snapshot.knowledge.sessions.get(key)!.title[l]} (${key})`, lang),
});
