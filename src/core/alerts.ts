// Session alerts, the platform-neutral part: what `/subscribe <name>` names (a track, a room, a session, or every
// session), which sessions start soon, which of them a subscription covers, and the alert itself as an Answer that
// every adapter already renders. The scheduler (src/alerts.ts) ties these to the store and the adapters.
import type { AlertFilter } from "../store/store.js";
import { bilingual, refOf, speakerList, suggest, whenOf } from "./answers/format.js";
import type { Scope } from "./answers/subject.js";
import { findKeys } from "./commands/find.js";
import type { Session } from "./knowledge/schema.js";
import { say, type Lang } from "./locale.js";
import { inert } from "./markdown.js";
import type { Answer } from "./protocol.js";
import type { Snapshot } from "./snapshot/snapshot.js";
import { squash } from "./text.js";

export interface NamedFilter {
  filter: AlertFilter;
  /** What it is called, for /subscriptions. */
  label: string;
}

/** What a subscription's argument names: a track, else a room, else one session; nothing for no argument (all). */
export function filterNamed(snapshot: Snapshot, scope: Scope, text: string | undefined, lang: Lang): NamedFilter | undefined {
  const k = snapshot.knowledge;
  if (!text?.trim()) return { filter: { kind: "all" }, label: say(lang, { ko: "모든 세션", en: "every session" }) };
  const [track] = findKeys(snapshot, scope, "track", text);
  if (track) return { filter: { kind: "track", key: track }, label: bilingual(k.tracks.get(track)!.name, lang) };
  const room = (snapshot.tables.names.get(squash(text)) ?? []).find((n) => n.kind === "room" && scope.events.includes(n.event));
  if (room && k.rooms.has(room.key)) return { filter: { kind: "room", key: room.key }, label: k.rooms.get(room.key)!.name };
  const [session] = findKeys(snapshot, scope, "session", text);
  if (session) return { filter: { kind: "session", key: session }, label: k.sessions.get(session)!.title[lang] };
  return undefined;
}

/** Whether a subscription's filter covers a session (tracks and rooms as the snapshot's tables list their sessions). */
export function covers(snapshot: Snapshot, filter: AlertFilter, session: Session): boolean {
  switch (filter.kind) {
    case "all":
      return true;
    case "session":
      return filter.key === session.key;
    case "track":
      return (snapshot.tables.byTrack.get(filter.key) ?? []).includes(session.key);
    case "room":
      return (snapshot.tables.byRoom.get(filter.key) ?? []).includes(session.key);
  }
}

/** The sessions that start after `now` and at most `minutes` later, soonest first. */
export function startingSoon(snapshot: Snapshot, now: Date, minutes: number): Session[] {
  const from = now.getTime();
  const until = from + minutes * 60_000;
  return [...snapshot.knowledge.sessions.values()]
    .filter((s) => s.start !== undefined && Date.parse(s.start) > from && Date.parse(s.start) <= until)
    .sort((a, b) => Date.parse(a.start!) - Date.parse(b.start!) || a.key.localeCompare(b.key));
}

/** "Starting in 5 minutes: <title>", with when, where and who, and a button for the session's details. */
export function alertAnswer(snapshot: Snapshot, session: Session, now: Date, lang: Lang): Answer {
  const k = snapshot.knowledge;
  const minutes = Math.max(1, Math.ceil((Date.parse(session.start!) - now.getTime()) / 60_000));
  const title = say(lang, { ko: `${minutes}분 후 시작: ${session.title.ko}`, en: `Starting in ${minutes} minute${minutes === 1 ? "" : "s"}: ${session.title.en}` });
  const lines = [
    `${say(lang, { ko: "언제", en: "When" })}: ${whenOf(k, session, lang)}`,
    ...(session.room ? [`${say(lang, { ko: "어디", en: "Where" })}: ${inert(session.room)}`] : []),
    ...(session.speakers.length ? [`${say(lang, { ko: "연사", en: "Speakers" })}: ${speakerList(k, session, lang)}`] : []),
    ...session.links.slice(0, 1).map((l) => `[${inert(l.title)}](${l.url})`),
  ];
  return {
    answered: true,
    lang,
    title,
    body: lines.join("\n"),
    fields: [],
    citations: [],
    suggestions: [suggest(say(lang, { ko: "세션 자세히", en: "Session details" }), "session", { query: refOf(snapshot.tables, session, "sessions") })],
    private: false,
    command: "alert",
    args: { session: session.key },
    version: snapshot.version,
  };
}
