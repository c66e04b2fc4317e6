// Answers about sessions: one session's details or the aspect asked (who, when, where, which track …), or a set
// of sessions counted by kind and listed in time order — every match, the best first, with how to narrow it.
import type { Knowledge, Session } from "../knowledge/schema.js";
import { say, type Lang } from "../locale.js";
import { inert } from "../markdown.js";
import type { Aspect } from "../understand/lexicon.js";
import { bilingual, capList, kindLabel, personName, refOf, speakerList, suggest, whenOf } from "./format.js";
import type { Part, PartContext } from "./part.js";
import type { SessionFilter } from "./subject.js";

/** Lines a list shows before it says how to narrow. */
export const LIST_LIMIT = 15;

export function sessionLine(k: Knowledge, s: Session, lang: Lang): string {
  const who = speakerList(k, s, lang);
  return `- **${inert(bilingual(s.title, lang))}**${who ? ` — ${inert(who)}` : ""} (${whenOf(k, s, lang)}${s.room ? `, ${inert(s.room)}` : ""})`;
}

/** "기술 세션 106개(특별 세션 5개 포함), 키노트 8개" / "106 talks (5 of them special sessions), 8 keynotes": a count by
 * kind, talks first. A special session is a talk with a name of its own, so talks count it too. */
export function countByKind(sessions: readonly Session[], lang: Lang): string {
  const counts = new Map<string, number>();
  for (const s of sessions) {
    const kind = s.kind === "special" ? "talk" : String(s.kind);
    counts.set(kind, (counts.get(kind) ?? 0) + 1);
  }
  const specials = sessions.filter((s) => s.kind === "special").length;
  const order = ["talk", "keynote", "preview"];
  const parts = [...counts].sort((a, b) => (order.indexOf(a[0]) + 1 || 9) - (order.indexOf(b[0]) + 1 || 9) || b[1] - a[1]);
  return parts
    .map(([kind, n]) => {
      const special = kind === "talk" && specials ? say(lang, { ko: `(특별 세션 ${specials}개 포함)`, en: ` (${specials} of them special sessions)` }) : "";
      return lang === "ko" ? `${kindLabel(kind, "ko")} ${n}개${special}` : `${n} ${n === 1 ? kindLabel(kind, "en").toLowerCase() : plural(kindLabel(kind, "en").toLowerCase())}${special}`;
    })
    .join(", ");
}
const plural = (noun: string) => (noun === "talk" ? "talks" : noun.endsWith("s") ? noun : `${noun}s`);

/** "세션 12개(기술 세션 11개, 트랙 프리뷰 1개)" / "12 sessions (11 talks, 1 track preview)". */
export function countLine(sessions: readonly Session[], lang: Lang): string {
  const kinds = new Set(sessions.map((s) => (s.kind === "special" ? "talk" : s.kind)));
  const total = sessions.length;
  if (kinds.size <= 1) return countByKind(sessions, lang) || say(lang, { ko: "세션 0개", en: "0 sessions" });
  return lang === "ko" ? `세션 ${total}개(${countByKind(sessions, lang)})` : `${total} sessions (${countByKind(sessions, lang)})`;
}

/**
 * The count as a sentence, talks first — "발표 세션" means talks, as the organisers count them: "AI 트랙: 기술 세션
 * 26개입니다. 그 밖에 트랙 프리뷰 2개가 있어 총 28개입니다." / "There are 26 talks (AI track), plus 2 track previews:
 * 28 sessions in all."
 */
export function countSentence(sessions: readonly Session[], lang: Lang, label?: string): string {
  const talks = sessions.filter((s) => s.kind === "talk" || s.kind === "special");
  const others = sessions.filter((s) => s.kind !== "talk" && s.kind !== "special");
  const head = lang === "ko" ? (label ? `${inert(label)}: ` : "") : "";
  if (!talks.length || !others.length) {
    const count = countLine(sessions, lang);
    return lang === "ko" ? `${head}${count}입니다.` : `There ${sessions.length === 1 ? "is" : "are"} ${count}${label ? ` (${inert(label)})` : ""}.`;
  }
  const lead = countByKind(talks, lang);
  const rest = countByKind(others, lang);
  return lang === "ko"
    ? `${head}${lead}입니다. 그 밖에 ${rest}가 있어 총 ${sessions.length}개입니다.`
    : `There are ${lead}${label ? ` (${inert(label)})` : ""}, plus ${rest}: ${sessions.length} sessions in all.`;
}

/** Sessions counted per day: "12월 8일 48개, 12월 9일 58개". */
function perDay(k: Knowledge, sessions: readonly Session[], lang: Lang): string {
  const days = new Map<string, Session[]>();
  for (const s of sessions) {
    const list = days.get(s.date);
    if (list) list.push(s);
    else days.set(s.date, [s]);
  }
  if (days.size <= 1) return "";
  return [...days]
    .map(([, list]) => {
      const when = whenOf(k, { ...list[0], time: undefined }, lang);
      return lang === "ko" ? `${when} ${list.length}개` : `${list.length} on ${when}`;
    })
    .join(", ");
}

/** A long list's sessions counted by track: "트랙별: AI 16개, 1015 데이터센터 화재 회고 5개 …". */
function perTrack(k: Knowledge, sessions: readonly Session[], lang: Lang): string {
  const counts = new Map<string, number>();
  for (const s of sessions) for (const t of s.tracks) counts.set(t, (counts.get(t) ?? 0) + 1);
  if (counts.size < 2) return "";
  const list = [...counts].sort((a, b) => b[1] - a[1]).map(([t, n]) => `${inert(bilingual(k.tracks.get(t)?.name ?? { ko: t, en: t }, lang))} ${say(lang, { ko: `${n}개`, en: `${n}` })}`);
  return say(lang, { ko: `트랙별: ${list.join(", ")}`, en: `By track: ${list.join(", ")}` });
}

/** The session's page, then its other links (one that is the page again is left out). */
const linksOf = (s: Session, lang: Lang) => [...(s.url ? [{ title: say(lang, { ko: "세션 페이지", en: "Session page" }), url: s.url }] : []), ...s.links.filter((l) => l.url !== s.url)];

/** "남궁훈 (nkay.play) — 2022년 12월 7일 수요일 11:00 KST, Online": who gives it, and when and where. */
function whoAndWhen(k: Knowledge, s: Session, lang: Lang): string {
  const who = speakerList(k, s, lang);
  return `${who ? `${inert(who)} — ` : ""}${whenOf(k, s, lang)}${s.room ? `, ${inert(s.room)}` : ""}`;
}

/** One session as a whole: title, what it is about, when, where, who, its links. */
function detail(ctx: PartContext, s: Session): Part {
  const { lang } = ctx;
  const k = ctx.snapshot.knowledge;
  const tracks = s.tracks.map((t) => k.tracks.get(t)).filter((t) => t !== undefined);
  const links = linksOf(s, lang);
  const about = s.summary?.[lang] ?? s.abstract;
  return {
    title: bilingual(s.title, lang),
    body: [whoAndWhen(k, s, lang), about ? inert(about) : undefined, links.length ? links.map((l) => `[${inert(l.title)}](${l.url})`).join(" · ") : undefined].filter(Boolean).join("\n\n") || kindLabel(String(s.kind), lang),
    fields: [
      { name: say(lang, { ko: "종류", en: "Kind" }), value: kindLabel(String(s.kind), lang), inline: true },
      ...(s.room ? [{ name: say(lang, { ko: "장소", en: "Room" }), value: inert(s.room), inline: true }] : []),
      ...(s.durationMinutes ? [{ name: say(lang, { ko: "길이", en: "Duration" }), value: say(lang, { ko: `${s.durationMinutes}분`, en: `${s.durationMinutes} min` }), inline: true }] : []),
      ...(tracks.length ? [{ name: say(lang, { ko: "트랙", en: "Track" }), value: tracks.map((t) => inert(bilingual(t.name, lang))).join(", "), inline: true }] : []),
    ],
    cited: [s],
    suggestions: s.speakers.slice(0, 3).map((key) => suggest(k.people.get(key)?.name[lang] ?? key, "speaker", { name: refOf(ctx.snapshot.tables, k.people.get(key) ?? { key, id: key }, "people") })),
    answered: true,
    facts: factsOf([s]),
    about: { kind: "sessions", keys: [s.key] },
  };
}

const factsOf = (sessions: readonly Session[]) => ({
  count: sessions.length,
  tracks: [...new Set(sessions.flatMap((s) => s.tracks))],
  dates: [...new Set(sessions.map((s) => s.date))],
  times: [...new Set(sessions.map((s) => s.time).filter((t): t is string => Boolean(t)))],
  people: [...new Set(sessions.flatMap((s) => s.speakers))],
  text: sessions.map((s) => `${s.title.ko} ${s.title.en} ${s.kind} ${s.room ?? ""}`).join(" "),
});

/** What one aspect of a set of sessions says, a line per session (or one line when they all share it). */
function aspectLines(ctx: PartContext, sessions: readonly Session[], aspect: Aspect): { lines: string[]; known: boolean } {
  const { lang } = ctx;
  const k = ctx.snapshot.knowledge;
  const title = (s: Session) => `**${inert(bilingual(s.title, lang))}**`;
  const each = (value: (s: Session) => string | undefined) => {
    const lines = sessions.map((s) => ({ s, v: value(s) }));
    return { lines: lines.map(({ s, v }) => `- ${title(s)}: ${v ?? say(lang, { ko: "지식에 없음", en: "not in the knowledge" })}`), known: lines.some((l) => l.v !== undefined) };
  };
  switch (aspect) {
    case "who":
    case "handle":
    case "realname":
      return each((s) => (s.speakers.length ? inert(speakerList(k, s, lang)) : undefined));
    case "org":
      return each((s) => {
        const orgs = [...new Set(s.speakers.map((p) => k.people.get(p)?.organisation).filter((o) => o !== undefined).map((o) => bilingual(o, lang)))];
        return orgs.length ? inert(orgs.join(", ")) : undefined;
      });
    case "when":
    case "time":
    case "weekday":
      return each((s) => whenOf(k, s, lang));
    case "where": {
      return each((s) => (s.room ? inert(s.room) : k.events.get(s.event)?.format?.[lang]));
    }
    case "track":
      return each((s) => (s.tracks.length ? s.tracks.map((t) => inert(bilingual(k.tracks.get(t)?.name ?? { ko: t, en: t }, lang))).join(", ") : undefined));
    case "duration":
      return each((s) => (s.durationMinutes ? say(lang, { ko: `${s.durationMinutes}분`, en: `${s.durationMinutes} minutes` }) : undefined));
    case "about":
      return each((s) => {
        const about = s.summary?.[lang] ?? s.abstract;
        return about ? inert(about) : undefined;
      });
    case "link":
      return each((s) => {
        const links = linksOf(s, lang);
        return links.length ? links.map((l) => `[${inert(l.title)}](${l.url})`).join(" · ") : undefined;
      });
    default:
      return { lines: sessions.map((s) => sessionLine(k, s, lang)), known: true };
  }
}

/** Aspects a session answers one by one; the rest (what, about, list …) are its details or the list. */
const PER_SESSION: readonly Aspect[] = ["who", "handle", "realname", "org", "when", "time", "weekday", "where", "track", "duration", "link", "about"];

export function sessionsPart(ctx: PartContext, sessions: readonly Session[], by: SessionFilter, label?: string): Part {
  const { lang, aspects } = ctx;
  const k = ctx.snapshot.knowledge;
  const keys = sessions.map((s) => s.key);
  const about = { kind: "sessions", keys };
  if (!sessions.length) {
    return {
      title: say(lang, { ko: "맞는 세션이 없습니다", en: "No matching session" }),
      body: say(lang, { ko: `${label ? `${inert(label)}: ` : ""}지식에 그런 세션은 없습니다.`, en: `${label ? `${inert(label)}: ` : ""}the knowledge has no such session.` }),
      cited: [],
      // None on a day, or none on now: known, not unknown.
      answered: (by.dates !== undefined && by.dates.length > 0) || by.at !== undefined,
      facts: { count: 0 },
      about,
    };
  }
  // "발표자 몇 명이야?": a count of who, not of sessions.
  if (aspects.includes("count") && aspects.includes("who")) return speakersOfPart(ctx, sessions, label);
  // "Which talks are about MLOps?": with no abstract to show, the sessions themselves are the answer.
  const abstracts = sessions.some((s) => s.summary || s.abstract);
  const asked = aspects.filter((a) => PER_SESSION.includes(a) && !(a === "about" && (sessions.length > 5 || !abstracts)));
  if (asked.length === 0 && sessions.length === 1 && !aspects.includes("count")) return detail(ctx, sessions[0]);
  const count = countLine(sessions, lang);
  const days = perDay(k, sessions, lang);
  const lines: string[] = [];
  let known = true;
  if (aspects.includes("count") || sessions.length > 1) lines.push(`${countSentence(sessions, lang, label)}${days ? ` (${days})` : ""}`);
  if (asked.length) {
    for (const aspect of asked) {
      const shown = aspectLines(ctx, sessions.slice(0, LIST_LIMIT), aspect);
      known &&= shown.known;
      lines.push(capList(shown.lines, LIST_LIMIT, lang));
    }
  } else if (!aspects.includes("count") || sessions.length <= LIST_LIMIT) {
    lines.push(capList(sessions.slice(0, LIST_LIMIT).map((s) => sessionLine(k, s, lang)), LIST_LIMIT, lang, sessions.length));
  }
  if (sessions.length > LIST_LIMIT) {
    const tracks = perTrack(k, sessions, lang);
    if (tracks) lines.push(tracks);
    lines.push(say(lang, { ko: "트랙, 날짜(예: 8일), 연사나 제목 낱말을 더해 좁혀 보세요.", en: "Narrow it down with a track, a day (e.g. day 2), a speaker or a word of the title." }));
  }
  const single = sessions.length === 1 ? sessions[0] : undefined;
  return {
    title: single ? bilingual(single.title, lang) : (label ?? count),
    body: lines.join("\n\n"),
    cited: sessions.slice(0, 8),
    suggestions: sessions.slice(0, 3).map((s) => suggest(s.title[lang].slice(0, 60), "session", { query: refOf(ctx.snapshot.tables, s, "sessions") })),
    answered: known,
    facts: factsOf(sessions),
    about,
  };
}

/** Lines a list of speakers shows. */
const SPEAKERS_SHOWN = 25;

/** The speakers of a set of sessions: who they are, and what they gave. */
export function speakersOfPart(ctx: PartContext, sessions: readonly Session[], label?: string): Part {
  const { lang } = ctx;
  const k = ctx.snapshot.knowledge;
  // Each speaker's sessions, in the sessions' order, in one pass.
  const gave = new Map<string, Session[]>();
  for (const s of sessions) {
    for (const key of new Set(s.speakers)) {
      const list = gave.get(key);
      if (list) list.push(s);
      else gave.set(key, [s]);
    }
  }
  const people = [...gave.keys()];
  const lines = people.slice(0, SPEAKERS_SHOWN).map((key) => `- **${inert(personName(k, key, lang))}** — ${gave.get(key)!.map((s) => inert(bilingual(s.title, lang))).join("; ")}`);
  const count = say(lang, { ko: `연사 ${people.length}명`, en: `${people.length} speaker${people.length === 1 ? "" : "s"}` });
  return {
    title: `${label ? `${label} — ` : ""}${count}`,
    body: `${count}\n${capList(lines, SPEAKERS_SHOWN, lang, people.length)}`,
    cited: sessions.slice(0, 8),
    answered: people.length > 0,
    facts: { count: people.length, people },
    about: { kind: "people", keys: people },
  };
}
