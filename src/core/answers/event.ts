// Answers about an event as a whole (its dates, format, size, focus, edition), its tracks, rooms and organisations.
// Everything said comes from the knowledge: an event's name, dates and counts are its own.
import type { EventInfo, Fact, Knowledge, Session, Track } from "../knowledge/schema.js";
import { formatDate, say, weekdayName, weekdayOf, type Lang } from "../locale.js";
import { inert } from "../markdown.js";
import { lexiconOf, type Aspect } from "../understand/lexicon.js";
import { bilingual, suggest } from "./format.js";
import type { Part, PartContext } from "./part.js";
import { countLine, sessionsPart, speakersOfPart } from "./sessions.js";

const sessionsOfEvent = (ctx: PartContext, event: string): Session[] =>
  (ctx.snapshot.tables.timeline.get(event) ?? []).map((key) => ctx.snapshot.knowledge.sessions.get(key)!);

/** Facts of an event that answer an aspect of it: their keywords hold a word that asks for it ("처음", "edition"). */
export function factsAnswering(k: Knowledge, event: string, aspect: Aspect): Fact[] {
  return [...k.facts.values()].filter((f) => f.event === event && !f.headline && f.keywords.some((w) => lexiconOf(w.toLowerCase().replace(/\s+/g, "")).some((l) => l.t === "aspect" && l.aspect === aspect) || lexiconOf(w.toLowerCase()).some((l) => l.t === "aspect" && l.aspect === aspect)));
}

/** The counts an event states (with its source) or, when it states none, the loaded items counted. */
export function eventCounts(ctx: PartContext, e: EventInfo): { speakers: number; tracks: number; sessions: number; stated: { speakers: boolean; tracks: boolean; sessions: boolean } } {
  const k = ctx.snapshot.knowledge;
  const sessions = sessionsOfEvent(ctx, e.id);
  const people = new Set(sessions.flatMap((s) => s.speakers));
  const tracks = [...k.tracks.values()].filter((t) => t.event === e.id).length;
  return {
    speakers: e.speakers ?? people.size,
    tracks: e.tracks ?? tracks,
    sessions: e.sessions ?? sessions.length,
    stated: { speakers: e.speakers !== undefined, tracks: e.tracks !== undefined, sessions: e.sessions !== undefined },
  };
}

function dates(e: EventInfo, lang: Lang): string {
  // The event's own dates need no "day 1" beside them.
  const from = formatDate(e.start, lang);
  const to = formatDate(e.end, lang);
  return e.start === e.end ? from : say(lang, { ko: `${from} ~ ${to}`, en: `${from} to ${to}` });
}

export function eventPart(ctx: PartContext, e: EventInfo, categories: readonly string[]): Part {
  const { lang, aspects } = ctx;
  const k = ctx.snapshot.knowledge;
  const name = bilingual(e.name, lang);
  const about = { kind: "event", keys: [e.id] };
  const counts = eventCounts(ctx, e);
  const format = e.format ? ` (${e.format[lang]})` : "";
  const asked = new Set(aspects);
  const lines: string[] = [];
  const cited: Part["cited"] = [e];
  const add = (aspect: Aspect) => {
    const facts = factsAnswering(k, e.id, aspect);
    cited.push(...facts);
    return facts.map((f) => inert(f.text[lang]));
  };
  if (asked.has("when") || asked.has("weekday") || asked.has("time")) {
    lines.push(`${say(lang, { ko: "기간", en: "Dates" })}: ${dates(e, lang)}${format}`);
    if (asked.has("weekday")) lines.push(say(lang, { ko: `${weekdayName(weekdayOf(e.start), "ko")}에 시작해 ${weekdayName(weekdayOf(e.end), "ko")}에 끝났습니다.`, en: `It began on a ${weekdayName(weekdayOf(e.start), "en")} and ended on a ${weekdayName(weekdayOf(e.end), "en")}.` }));
    lines.push(...add("when"));
  }
  if (asked.has("where")) lines.push(e.format ? say(lang, { ko: `형식: ${e.format.ko}`, en: `Format: ${e.format.en}` }) : say(lang, { ko: "장소 정보는 지식에 없습니다.", en: "The knowledge does not say where." }), ...add("where"));
  if (asked.has("edition")) lines.push(...add("edition"));
  if (asked.has("realname") || asked.has("what")) lines.push(`${say(lang, { ko: "이름", en: "Name" })}: ${inert(e.name.ko)}${e.name.en !== e.name.ko ? ` / ${inert(e.name.en)}` : ""}${e.acronym ? ` (${inert(e.acronym)})` : ""}`);
  // "연사 몇 명이야?": that one count, not the whole overview.
  const counted = asked.has("count") ? (["people", "tracks", "sessions"] as const).find((c) => categories.includes(c)) : undefined;
  if (counted === "people") lines.push(say(lang, { ko: `연사는 약 ${counts.speakers}명입니다.`, en: `About ${counts.speakers} speakers.` }));
  if (counted === "tracks") lines.push(say(lang, { ko: `트랙은 ${counts.tracks}개입니다.`, en: `${counts.tracks} tracks.` }));
  if (counted === "sessions") lines.push(say(lang, { ko: `발표 세션은 총 ${counts.sessions}개입니다.`, en: `${counts.sessions} sessions in total.` }));
  // Nothing particular asked: the overview, with its dates and counts.
  const overview = lines.length === 0;
  if (asked.has("about") || asked.has("what") || overview) {
    // A fact saying what the event is about is cited; the summary says the same uncited, so it stands in only alone.
    const facts = add("about");
    lines.push(...(facts.length ? facts : e.summary ? [inert(e.summary[lang])] : []));
  }
  const wantsCounts = !counted && (asked.has("count") || categories.length > 0 || overview);
  if (wantsCounts) {
    lines.push(
      [
        `- ${say(lang, { ko: "기간", en: "Dates" })}: ${dates(e, lang)}${format}`,
        `- ${say(lang, { ko: `연사: 약 ${counts.speakers}명${counts.stated.speakers ? `(${counts.speakers}여 명)` : ""}`, en: `Speakers: about ${counts.speakers}` })}`,
        `- ${say(lang, { ko: `트랙: ${counts.tracks}개`, en: `Tracks: ${counts.tracks}` })}`,
        `- ${say(lang, { ko: `발표 세션: 총 ${counts.sessions}개`, en: `Sessions: ${counts.sessions} in total` })}`,
      ].join("\n"),
    );
  }
  const requested = categories.includes("tracks") ? counts.tracks : categories.includes("people") ? counts.speakers : categories.includes("sessions") ? counts.sessions : undefined;
  return {
    title: name,
    body: [...new Set(lines)].join("\n\n"),
    fields: [
      { name: say(lang, { ko: "연사", en: "Speakers" }), value: `${counts.speakers}`, inline: true },
      { name: say(lang, { ko: "트랙", en: "Tracks" }), value: `${counts.tracks}`, inline: true },
      { name: say(lang, { ko: "세션", en: "Sessions" }), value: `${counts.sessions}`, inline: true },
    ],
    cited,
    suggestions: [
      suggest(say(lang, { ko: "트랙", en: "Tracks" }), "track"),
      suggest(say(lang, { ko: "키노트", en: "Keynotes" }), "session", { query: "keynote" }),
      ...([...k.budgets.values()].some((b) => b.event === e.id) ? [suggest(say(lang, { ko: "예산", en: "Budget" }), "budget")] : []),
    ],
    answered: true,
    facts: { dates: [e.start, e.end], years: [Number(e.start.slice(0, 4))], text: `${e.format?.ko ?? ""} ${e.format?.en ?? ""} ${cited.map((c) => ("text" in c ? "" : "")).join("")}`, ...(requested !== undefined ? { count: requested } : {}) },
    about,
  };
}

/** Several events at once: one line each — name, dates, where, how many sessions — to ask about one by name. */
export function eventsPart(ctx: PartContext, events: readonly EventInfo[]): Part {
  const { lang } = ctx;
  const lines = events.map((e) => {
    const sessions = sessionsOfEvent(ctx, e.id).length;
    const where = e.format ? `, ${e.format[lang]}` : "";
    return `- **${inert(bilingual(e.name, lang))}**${e.acronym ? ` (${inert(e.acronym)})` : ""} — ${dates(e, lang)}${where} · ${say(lang, { ko: `세션 ${sessions}개`, en: `${sessions} sessions` })}`;
  });
  return {
    title: say(lang, { ko: `행사 ${events.length}개`, en: `${events.length} events` }),
    body: `${say(lang, { ko: `지식에 있는 행사는 ${events.length}개입니다.`, en: `The knowledge holds ${events.length} events.` })}\n${lines.join("\n")}`,
    cited: [...events],
    suggestions: events.slice(0, 5).map((e) => suggest(bilingual(e.name, lang).slice(0, 60), "event", { name: e.acronym ?? e.id })),
    answered: true,
    facts: { count: events.length },
    about: { kind: "event", keys: events.map((e) => e.id) },
  };
}

const sessionsIn = (ctx: PartContext, t: Track) => (ctx.snapshot.tables.byTrack.get(t.key) ?? []).map((key) => ctx.snapshot.knowledge.sessions.get(key)!);

export function trackPart(ctx: PartContext, t: Track): Part {
  const { lang } = ctx;
  const label = say(lang, { ko: `${bilingual(t.name, lang)} 트랙`, en: `${bilingual(t.name, lang)} track` });
  const sessions = sessionsIn(ctx, t);
  if (ctx.aspects.includes("who")) return { ...speakersOfPart(ctx, sessions, label), cited: [t, ...sessions.slice(0, 6)] };
  if (!sessions.length) {
    return {
      title: label,
      body: say(lang, { ko: `${inert(label)}: 이 트랙의 세션은 지식에 없습니다.`, en: `${inert(label)}: the knowledge lists no sessions in this track.` }),
      cited: [t],
      answered: true,
      facts: { count: 0 },
      about: { kind: "track", keys: [t.key] },
    };
  }
  const part = sessionsPart({ ...ctx, aspects: ctx.aspects.filter((a) => a !== "what" && a !== "list" && a !== "track") }, sessions, { tracks: [t.key] }, label);
  // A track's count is its talks; its previews are said beside them.
  const talks = sessions.filter((s) => s.kind === "talk");
  return {
    ...part,
    title: `${label} — ${countLine(sessions, lang)}`,
    body: `${t.summary ? `${inert(t.summary[lang])}\n\n` : ""}${part.body}`,
    cited: [t, ...part.cited],
    suggestions: [suggest(say(lang, { ko: "전체 트랙", en: "All tracks" }), "track")],
    facts: { ...part.facts, count: talks.length || sessions.length },
    about: { kind: "track", keys: [t.key] },
  };
}

export function tracksPart(ctx: PartContext, event: string): Part {
  const { lang } = ctx;
  const k = ctx.snapshot.knowledge;
  const e = k.events.get(event);
  const tracks = [...k.tracks.values()].filter((t) => t.event === event);
  const total = e?.tracks ?? tracks.length;
  const lines = tracks.map((t) => {
    const n = (ctx.snapshot.tables.byTrack.get(t.key) ?? []).map((key) => k.sessions.get(key)!).filter((s) => s.kind === "talk").length;
    return `- ${inert(bilingual(t.name, lang))}${n ? say(lang, { ko: ` — 세션 ${n}개`, en: ` — ${n} talk(s)` }) : ""}`;
  });
  const name = e ? bilingual(e.name, lang) : "";
  return {
    title: say(lang, { ko: `트랙 ${total}개`, en: `${total} tracks` }),
    body: `${say(lang, { ko: `${inert(name)}의 트랙은 ${total}개입니다.`, en: `${inert(name)} has ${total} tracks.` })}\n${lines.join("\n")}`,
    cited: [...(e ? [e] : []), ...tracks.slice(0, 3)],
    suggestions: tracks.slice(0, 4).map((t) => suggest(t.name[lang], "track", { name: t.id })),
    answered: true,
    facts: { count: total, text: tracks.map((t) => `${t.name.ko} ${t.name.en}`).join(" ") },
    about: { kind: "tracks", keys: [event] },
  };
}

export function orgPart(ctx: PartContext, org: string): Part {
  const { aspects } = ctx;
  const t = ctx.snapshot.tables;
  const name = t.orgNames.get(org) ?? org;
  const sessions = (t.byOrg.get(org) ?? []).map((key) => ctx.snapshot.knowledge.sessions.get(key)!);
  if (aspects.includes("who") && !aspects.includes("count")) return speakersOfPart(ctx, sessions, name);
  return { ...sessionsPart({ ...ctx, aspects: aspects.filter((a) => a !== "org") }, sessions, { orgs: [org] }, name), about: { kind: "org", keys: [org] } };
}

export function roomPart(ctx: PartContext, room: string, sessions: readonly Session[]): Part {
  const r = ctx.snapshot.knowledge.rooms.get(room);
  const label = r?.name ?? room;
  return { ...sessionsPart(ctx, sessions, { rooms: [room] }, label), cited: [...(r ? [r] : []), ...sessions.slice(0, 6)], about: { kind: "room", keys: [room] } };
}


