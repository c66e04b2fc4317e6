// What a clause of a question is about: the things it names, the sessions its filters select, or what its topic
// words find in the documents — resolved against one snapshot, inside the events in scope.
import type { Knowledge, Session } from "../knowledge/schema.js";
import { addDays, weekdayOf } from "../locale.js";
import type { DocKind, DocRef } from "../search/documents.js";
import { bigrams, stemLatin } from "../search/analyze.js";
import { holds } from "./holds.js";
import type { RemediationOverlay } from "./remediation-state.js";
import type { QueryWord, SearchHit } from "../search/index.js";
import type { Snapshot } from "../snapshot/snapshot.js";
import type { Named } from "../snapshot/tables.js";
import { CATEGORY_KIND, type Aspect, type Category } from "../understand/lexicon.js";
import { statesWon, type Clause, type DaySpec, type Topic } from "../understand/read.js";

export type Subject =
  | { kind: "people"; keys: string[] }
  | { kind: "sessions"; keys: string[]; /** The filters that chose them, for the answer's wording. */ by: SessionFilter }
  | { kind: "track"; key: string }
  | { kind: "tracks"; event: string }
  | { kind: "event"; key: string }
  | { kind: "budget"; key: string }
  | { kind: "remediation"; keys: string[] }
  | { kind: "fact"; key: string }
  | { kind: "org"; key: string }
  | { kind: "room"; key: string };

/** What selects sessions: each filter set narrows. */
export interface SessionFilter {
  kinds?: string[];
  /** Kinds left out ("키노트랑 프리뷰 빼고"). */
  without?: string[];
  dates?: string[];
  tracks?: string[];
  rooms?: string[];
  orgs?: string[];
  people?: string[];
  /** A clock time: sessions running then (or starting then). */
  clock?: string;
  part?: { from: string; to: string };
  /** Sessions found by words of their titles or abstracts. */
  found?: string[];
  /** "지금", "now": running at this instant (ISO); "다음", "next": the first to start after it. */
  at?: { instant: string; which: "now" | "next" };
}

export interface Scope {
  /** The events the question may be about: the one it names, the channel's, or all. */
  events: readonly string[];
  /** "Now" for now/next questions, in ISO. */
  now: Date;
  /** The changes recorded with /remediation update, over the knowledge's items; absent without a store (or one that is down). */
  remediation?: RemediationOverlay;
}

/** The kinds of document a topic word may find, by what the clause otherwise says. */
const TOPIC_KINDS: readonly DocKind[] = ["session", "person", "fact", "remediation", "budget", "event", "track", "room"];

export interface Resolved {
  subjects: Subject[];
  /** Topic words that found nothing the clause could be about, together with the rest of it. */
  unmatched: string[];
  /** Near misses for an answer that says "I don't know". */
  near: SearchHit[];
}

export const SESSION_CATEGORIES = new Set<Category>(["sessions", "talks", "keynotes", "previews", "specials", "workshops", "meetings"]);

/** The dates a day word names in an event: its nth day, its last day, a weekday, a date, today. */
export function datesOf(day: DaySpec, k: Knowledge, events: readonly string[], now: Date): string[] {
  return events.flatMap((id) => {
    const e = k.events.get(id);
    if (!e) return [];
    const days: string[] = [];
    for (let d = e.start; d <= e.end; d = addDays(d, 1)) days.push(d);
    if (day.nth) return days[day.nth - 1] ? [days[day.nth - 1]] : [];
    if (day.last) return days.slice(-1);
    if (day.weekday !== undefined) return days.filter((d) => weekdayOf(d) === day.weekday);
    if (day.date) {
      const { day: dom, month, year } = day.date;
      return days.filter((d) => Number(d.slice(8)) === dom && (!month || Number(d.slice(5, 7)) === month) && (!year || Number(d.slice(0, 4)) === year));
    }
    if (day.relative) {
      const today = localDate(now, e.timezone);
      const wanted = day.relative === "today" ? today : addDays(today, 1);
      return days.includes(wanted) ? [wanted] : [];
    }
    return [];
  });
}

/** One formatter per time zone (a formatter takes far longer to make than to use); a bounded few. */
const dateFormats = new Map<string, Intl.DateTimeFormat>();
function dateFormatIn(zone: string): Intl.DateTimeFormat {
  let format = dateFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-CA", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit" });
    if (dateFormats.size >= 64) dateFormats.clear();
    dateFormats.set(zone, format);
  }
  return format;
}

/** The calendar date of an instant in a zone (an IANA name, or "UTC+01:00"). */
export function localDate(instant: Date, zone: string): string {
  const offset = /^UTC([+-])(\d{2}):(\d{2})$/.exec(zone);
  if (offset) {
    const minutes = (offset[1] === "-" ? -1 : 1) * (Number(offset[2]) * 60 + Number(offset[3]));
    return new Date(instant.getTime() + minutes * 60_000).toISOString().slice(0, 10);
  }
  try {
    return dateFormatIn(zone).format(instant);
  } catch {
    return instant.toISOString().slice(0, 10);
  }
}

const inScope = (scope: Scope, event: string) => scope.events.includes(event);

export function sessionsMatching(snapshot: Snapshot, scope: Scope, f: SessionFilter): Session[] {
  const k = snapshot.knowledge;
  const t = snapshot.tables;
  // Start from the narrowest list a table gives, then check the rest on each session.
  const pools: string[][] = [];
  if (f.found) pools.push(f.found);
  if (f.people?.length) pools.push(f.people.flatMap((p) => t.bySpeaker.get(p) ?? []));
  if (f.tracks?.length) pools.push(f.tracks.flatMap((x) => t.byTrack.get(x) ?? []));
  if (f.rooms?.length) pools.push(f.rooms.flatMap((x) => t.byRoom.get(x) ?? []));
  if (f.orgs?.length) pools.push(f.orgs.flatMap((x) => t.byOrg.get(x) ?? []));
  const pool = pools.length ? [...new Set(pools.sort((a, b) => a.length - b.length)[0])] : scope.events.flatMap((e) => t.timeline.get(e) ?? []);
  const sets = pools.slice(1).map((p) => new Set(p));
  const matching = pool
    .filter((key) => sets.every((s) => s.has(key)))
    .map((key) => k.sessions.get(key)!)
    .filter((s) => {
      if (!s || !inScope(scope, s.event)) return false;
      // A special session is a talk with a name of its own: asking for talks finds it too.
      if (f.kinds?.length && !f.kinds.includes(String(s.kind)) && !(s.kind === "special" && f.kinds.includes("talk"))) return false;
      if (f.without?.includes(String(s.kind))) return false;
      if (f.dates?.length && !f.dates.includes(s.date)) return false;
      if (f.people?.length && !s.speakers.some((p) => f.people!.includes(p))) return false;
      if (f.tracks?.length && !s.tracks.some((x) => f.tracks!.includes(x))) return false;
      if (f.clock && !runsAt(s, f.clock)) return false;
      if (f.part && !(s.time && s.time >= f.part.from && s.time < f.part.to)) return false;
      return true;
    });
  return f.at ? atInstant(matching, f.at) : matching;
}

/** A session's start and end as instants (ms); a session with no length is taken to last an hour. */
function span(s: Session): { start: number; end: number } | undefined {
  if (!s.start) return undefined;
  const start = Date.parse(s.start);
  const minutes = s.durationMinutes ?? (s.endTime && s.time ? minutesBetween(s.time, s.endTime) : 60);
  return { start, end: start + minutes * 60_000 };
}
const minutesBetween = (from: string, to: string) => {
  const m = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
  return (m(to) - m(from) + 24 * 60) % (24 * 60) || 60;
};

/** The sessions running at an instant, or those starting next after it (all that start at that same moment). */
function atInstant(sessions: readonly Session[], at: { instant: string; which: "now" | "next" }): Session[] {
  const t = Date.parse(at.instant);
  const spans = sessions.map((s) => ({ s, span: span(s) })).filter((x) => x.span !== undefined);
  if (at.which === "now") return spans.filter((x) => x.span!.start <= t && t < x.span!.end).map((x) => x.s);
  const upcoming = spans.filter((x) => x.span!.start > t);
  const first = Math.min(...upcoming.map((x) => x.span!.start));
  return upcoming.filter((x) => x.span!.start === first).map((x) => x.s);
}

/** Whether a session runs at a clock time: starts then, or is on then (start ≤ t < end). */
function runsAt(s: Session, clock: string): boolean {
  if (!s.time) return false;
  if (s.time === clock) return true;
  const end = s.endTime ?? (s.durationMinutes ? addMinutes(s.time, s.durationMinutes) : undefined);
  return Boolean(end && s.time <= clock && clock < end);
}

const addMinutes = (time: string, minutes: number): string => {
  const total = Number(time.slice(0, 2)) * 60 + Number(time.slice(3)) + minutes;
  return `${String(Math.floor(total / 60)).padStart(2, "0")}:${String(total % 60).padStart(2, "0")}`;
};

/** Named things of one kind, inside the scope. */
const ofKind = (names: readonly Named[][], kind: Named["kind"], scope: Scope) => [...new Set(names.flat().filter((n) => n.kind === kind && inScope(scope, n.event)).map((n) => n.key))];

/** The clause's subjects, its unmatched topic words, and near misses. In a yes/no question the people and tracks it
 * names are claims to check, not filters: "남궁훈이 기술적 개선 키노트 했어?" is about the keynote, whoever gave it. */
export function resolve(snapshot: Snapshot, clause: Clause, scope: Scope, within?: readonly string[], yesNo = false): Resolved {
  const k = snapshot.knowledge;
  const people = ofKind(clause.names, "person", scope);
  const sessions = ofKind(clause.names, "session", scope);
  const tracks = ofKind(clause.names, "track", scope);
  const rooms = ofKind(clause.names, "room", scope);
  const events = ofKind(clause.names, "event", scope);
  const allOrgs = ofKind(clause.names, "org", scope);
  const orgs = allOrgs.filter((o) => !isOrganiser(k, o));
  const cats = new Set(clause.categories);
  const kinds = [...cats].map((c) => CATEGORY_KIND[c]).filter((x): x is string => Boolean(x));
  const dates = [...new Set(clause.days.flatMap((d) => datesOf(d, k, scope.events, scope.now)))];
  // "지금", "now" ask about the schedule only when nothing else is asked about ("Kakao's top ESG priority now?").
  const nowAsked = (clause.now || clause.next) && !clause.topics.length;
  const timed = clause.days.length > 0 || clause.clock !== undefined || clause.part !== undefined || nowAsked;
  const aboutSessions = [...cats].some((c) => SESSION_CATEGORIES.has(c)) || sessions.length > 0 || timed || (within !== undefined && within.length > 0);
  const without = clause.except.map((c) => CATEGORY_KIND[c]).filter((x): x is string => Boolean(x));
  const base: SessionFilter = {
    ...(kinds.length ? { kinds } : {}),
    ...(without.length ? { without } : {}),
    ...(clause.days.length ? { dates } : {}),
    ...(rooms.length ? { rooms } : {}),
    ...(clause.clock ? { clock: clause.clock } : {}),
    ...(clause.part ? { part: clause.part } : {}),
    ...(within ? { found: [...within] } : {}),
    ...(nowAsked ? { at: { instant: scope.now.toISOString(), which: clause.next ? ("next" as const) : ("now" as const) } } : {}),
  };
  const filter: SessionFilter = { ...base, ...(tracks.length ? { tracks } : {}), ...(orgs.length ? { orgs } : {}) };
  const subjects: Subject[] = [];
  const done = (unmatched: string[] = [], near: SearchHit[] = []): Resolved => ({ subjects, unmatched, near });
  const sessionsBy = (by: SessionFilter) => subjects.push({ kind: "sessions", keys: sessionsMatching(snapshot, scope, by).map((s) => s.key), by });

  if (sessions.length) {
    subjects.push({ kind: "sessions", keys: sessions, by: { found: sessions } });
    return done();
  }
  // "The conference started on December 8, right?": a day claimed of the event is checked against its dates.
  if (yesNo && (cats.has("event") || events.length) && !clause.topics.length && !people.length && !tracks.length && ![...cats].some((c) => SESSION_CATEGORIES.has(c))) {
    subjects.push(...(events.length ? events : scope.events).map((key): Subject => ({ kind: "event", key })));
    return done();
  }
  // The budget when the clause names it (or states an amount in won), unless it names sessions too ("미래 투자 키노트").
  const sessionCategory = [...cats].some((c) => SESSION_CATEGORIES.has(c));
  // "How much is going into the remediation plan": the plan's money is the budget.
  // A sum stated names the budget — unless the clause's words name something else ("4분기 재무적 영향 4000억").
  const budgetAsked = cats.has("budget") || (statesWon(clause) && !clause.topics.length) || (cats.has("remediation") && clause.aspects.includes("amount"));
  const budget = budgetAsked && !sessionCategory ? [...k.budgets.values()].find((b) => inScope(scope, b.event)) : undefined;
  if (budget) {
    subjects.push({ kind: "budget", key: budget.key });
    return done();
  }

  // Topic words: what they find, among the kinds the clause can be about (a track's name may be a title's word too,
  // and so may a category's when the clause also names sessions: "미래 투자 키노트").
  const topicKinds: readonly DocKind[] = cats.has("remediation") && !sessionCategory ? ["remediation"] : aboutSessions && people.length === 0 ? ["session"] : TOPIC_KINDS;
  const topics = sessionCategory ? [...clause.topics, ...categoryTopics(snapshot, clause)] : clause.topics;
  // The organiser's name narrows nothing ("카카오 발표 몇 개") — but a role in it does ("카카오 CEO").
  let found = searchTopics(snapshot, topics, scope, topicKinds, orgs.length ? orgs : allOrgs, allOrgs.length > orgs.length && !orgs.length);
  // "Who presented the technical improvements?": the category word (improvements → remediation) found nothing of
  // its kind, so it is a title word too; of the hits, those that also hold it are what was meant.
  const ofCategory = found.hits.some((h) => cats.has(h.ref.kind as Category));
  const extra = sessionCategory || ofCategory || found.hits.length < 2 ? [] : categoryTopics(snapshot, clause);
  const narrowed = extra.length ? searchTopics(snapshot, [...topics, ...extra], scope, topicKinds, orgs.length ? orgs : allOrgs) : undefined;
  if (narrowed?.hits.length) found = narrowed;
  let trackFilter = tracks;
  if (topics.length && tracks.length && !found.hits.some((h) => h.ref.kind === "session" && sessionsMatching(snapshot, scope, { found: [h.ref.key], tracks }).length)) {
    const named = clause.names.flat().filter((n) => n.kind === "track");
    const asWords: Topic[] = named.map((n) => ({ word: n.key, terms: [...new Set(trackWords(k, n.key))], phrases: [] }));
    const retried = searchTopics(snapshot, [...topics, ...asWords], scope, ["session"], orgs);
    if (retried.hits.length) {
      found = retried;
      trackFilter = [];
    }
  }
  if (topics.length && !found.hits.length) {
    // Category words tried as title words found nothing: they were categories after all.
    if (!clause.topics.length) found = { hits: [], unmatched: [], near: [] };
    else return done(found.unmatched, found.near);
  }
  const foundSessions = found.hits.filter((h) => h.ref.kind === "session").map((h) => h.ref.key);
  const foundOther = found.hits.filter((h) => h.ref.kind !== "session");

  if (foundOther[0]?.ref.kind === "remediation" && (cats.has("remediation") || (!aboutSessions && !people.length))) {
    subjects.push({ kind: "remediation", keys: foundOther.filter((h) => h.ref.kind === "remediation").map((h) => h.ref.key) });
    return done();
  }
  if (cats.has("remediation") && !clause.topics.length) {
    subjects.push({ kind: "remediation", keys: [...k.remediation.values()].filter((r) => inScope(scope, r.event)).map((r) => r.key) });
    return done();
  }
  const claimsOnly = yesNo && foundSessions.length > 0;
  // In a yes/no question, a day is a claim once something else picks the sessions ("1015 회고 세션 첫날에 공개된 거 맞아?").
  const dayClaim = yesNo && (tracks.length > 0 || foundSessions.length > 0 || people.length > 0);
  if (dayClaim) delete base.dates;
  // "Who presented on Elixir?": a session on it, not a person whose handle has the word.
  const asksOfSessions = clause.aspects.some((a) => a === "who" || a === "when" || a === "time" || a === "track" || a === "link" || a === "duration");
  if (foundSessions.length && (aboutSessions || !foundOther.length || found.hits[0].ref.kind === "session" || (asksOfSessions && foundOther[0].ref.kind === "person"))) {
    const by: SessionFilter = { ...base, ...(claimsOnly ? {} : { ...(trackFilter.length ? { tracks: trackFilter } : {}), ...(orgs.length ? { orgs } : {}), ...(people.length ? { people } : {}) }), found: within ? foundSessions.filter((key) => within.includes(key)) : foundSessions };
    sessionsBy(by);
    return done();
  }
  // "이채영이 공동 소위원장이지?": in a yes/no question, words beside a person named are a claim about them.
  if (yesNo && people.length && clause.topics.length && !foundSessions.length) {
    subjects.push({ kind: "people", keys: people });
    return done();
  }
  // "남궁훈 님은 어느 위원회 소속이세요?": the person named, among the people the words found.
  const theirs = people.length ? foundOther.filter((h) => h.ref.kind !== "person" || people.includes(h.ref.key)) : foundOther;
  if (theirs.length) {
    subjects.push(...subjectsOfHits(theirs));
    return done();
  }
  // The words found only other people ("남궁훈 대표 사임": 대표 is someone else's role): not this person's.
  // In a yes/no question they are a claim about this person, checked against what the person is
  // ("이채영이 공동 소위원장이지?").
  if (foundOther.length && !foundSessions.length) {
    if (!yesNo) return done(clause.topics.map((t) => t.word));
    subjects.push({ kind: "people", keys: people });
    return done();
  }
  // A company's "when" alone is no session's ("When are Kakao Games' release dates?"); a track's or a room's is.
  const placeWanted = (tracks.length || rooms.length) && (cats.has("people") || wantsSessions(clause));
  const orgWanted = orgs.length && (cats.has("people") || clause.aspects.some((a) => a === "count" || a === "list" || a === "what"));
  if (aboutSessions || placeWanted || orgWanted) {
    const { dates: _claimed, ...undated } = filter;
    // "남궁훈 직책이랑 발표 뭐야": the person's role, then their sessions.
    if (people.length && clause.aspects.some((a) => PERSON_FACTS.has(a))) subjects.push({ kind: "people", keys: people });
    const by: SessionFilter = { ...(dayClaim ? undated : filter), ...(people.length ? { people } : {}) };
    // "블록체인 프리뷰 sam.seo가 했지?", "키노트는 12시에 공개됐지?": when no session is so, the person or time named
    // is a claim, checked against the sessions there are.
    if (yesNo && people.length && !sessionsMatching(snapshot, scope, by).length) delete by.people;
    if (yesNo && by.clock && !sessionsMatching(snapshot, scope, by).length) delete by.clock;
    // "AI와 클라우드 키노트": no keynote is in those tracks, but one has those words in its title.
    if (tracks.length && !sessionsMatching(snapshot, scope, by).length) {
      const named = clause.names.flat().filter((n) => n.kind === "track");
      const asWords: Topic[] = named.map((n) => ({ word: n.key, terms: [...new Set(trackWords(k, n.key))], phrases: [] }));
      const retried = searchTopics(snapshot, [...clause.topics, ...asWords], scope, ["session"], orgs);
      const titled = retried.hits.filter((h) => h.ref.kind === "session").map((h) => h.ref.key);
      if (titled.length) {
        delete by.tracks;
        by.found = titled;
      }
    }
    sessionsBy(by);
    return done();
  }
  if (people.length) {
    subjects.push({ kind: "people", keys: people });
    return done();
  }
  for (const track of tracks) subjects.push({ kind: "track", key: track });
  for (const room of rooms) subjects.push({ kind: "room", key: room });
  for (const org of orgs) subjects.push({ kind: "org", key: org });
  if (subjects.length) return done();
  const eventKey = events[0] ?? (scope.events.length === 1 ? scope.events[0] : undefined);
  if (cats.has("tracks") && eventKey) subjects.push({ kind: "tracks", event: eventKey });
  else if (cats.has("people")) subjects.push({ kind: "people", keys: [] });
  else if (events.length || cats.has("event")) subjects.push(...(events.length ? events : scope.events).map((key): Subject => ({ kind: "event", key })));
  return done();
}

/** The clause's category words as topic words (their glossary stand-ins too), for titles that hold them. */
function categoryTopics(snapshot: Snapshot, clause: Clause): Topic[] {
  return clause.categoryWords
    .map((w, i) => ({ w, term: /[a-z]/.test(w) ? stemLatin(w) : w, category: clause.categories[i] }))
    .filter(({ term, category }) => (category === "budget" || category === "remediation") && snapshot.index.knows(term, "word"))
    .map(({ w, term }) => ({ word: w, terms: [term], phrases: [] }));
}

/** The words of a track's names, as index terms. */
function trackWords(k: Knowledge, key: string): string[] {
  const track = k.tracks.get(key);
  return track ? [track.name.ko, track.name.en, ...track.aliases].flatMap((n) => n.toLowerCase().split(/\s+/)) : [];
}

/** Aspects a person answers themself, not their sessions. */
export const PERSON_FACTS: ReadonlySet<Aspect> = new Set<Aspect>(["role", "org", "handle", "realname"]);

/** Aspects that ask about a set of sessions when a track, room or organisation is named. */
const wantsSessions = (c: Clause) => c.aspects.some((a) => a === "count" || a === "list" || a === "what" || a === "when" || a === "time");

function isOrganiser(k: Knowledge, orgKey: string): boolean {
  const name = orgKey.slice(orgKey.indexOf("/org:") + 5);
  return [...k.events.values()].some((e) => e.organiser && [e.organiser.ko, e.organiser.en].some((o) => o.toLowerCase().replace(/[^\p{L}\p{N}]/gu, "") === name));
}

/** The subjects a set of hits is about: the best hit's kind, and every hit of that kind as good as it. */
function subjectsOfHits(hits: readonly SearchHit[]): Subject[] {
  const best = hits[0];
  const same = hits.filter((h) => h.ref.kind === best.ref.kind && h.covered === best.covered && h.score >= best.score * 0.6);
  switch (best.ref.kind) {
    case "person":
      return [{ kind: "people", keys: same.map((h) => h.ref.key) }];
    case "remediation":
      return [{ kind: "remediation", keys: same.map((h) => h.ref.key) }];
    case "budget":
      return [{ kind: "budget", key: best.ref.key }];
    case "fact":
      return [{ kind: "fact", key: best.ref.key }];
    case "event":
      return [{ kind: "event", key: best.ref.key }];
    case "track":
      return [{ kind: "track", key: best.ref.key }];
    case "room":
      return [{ kind: "room", key: best.ref.key }];
    case "session":
      return [{ kind: "sessions", keys: same.map((h) => h.ref.key), by: { found: same.map((h) => h.ref.key) } }];
  }
}

/** Searches the topic words, in the kinds preferred, then in any: documents answering every word count. A named
 * organisation keeps only what is its own: its people, their sessions, facts naming it. */
function searchTopics(snapshot: Snapshot, topics: readonly Topic[], scope: Scope, kinds: readonly DocKind[], orgs: readonly string[] = [], peopleOnly = false): { hits: SearchHit[]; unmatched: string[]; near: SearchHit[] } {
  if (!topics.length) return { hits: [], unmatched: [], near: [] };
  const t = snapshot.tables;
  const words = topics.map((x) => ({ terms: x.terms, phrases: x.phrases, ...(piecesFor(x) ? { pieces: piecesFor(x) } : {}) }));
  // An organisation as a fact may write it: its name, or a glossary word for it (카카오엔터테인먼트, 카카오엔터).
  const orgNames = orgs.flatMap((o) => {
    const name = (t.orgNames.get(o) ?? "").toLowerCase();
    const group = snapshot.knowledge.glossary.find((g) => g.some((w) => w.toLowerCase() === name)) ?? [];
    return [name, ...group.map((w) => w.toLowerCase())];
  });
  const ofOrg = (kind: string, key: string) =>
    orgs.length === 0 ||
    (peopleOnly && kind !== "person") ||
    (kind === "person" ? orgs.some((o) => t.peopleByOrg.get(o)?.includes(key))
    : kind === "session" ? orgs.some((o) => t.byOrg.get(o)?.includes(key))
    : kind === "fact" ? orgNames.some((n) => `${snapshot.knowledge.facts.get(key)?.text.ko} ${snapshot.knowledge.facts.get(key)?.text.en}`.toLowerCase().includes(n))
    : false);
  const keep = (ref: { kind: string; key: string; event: string }) => inScope(scope, ref.event) && ofOrg(ref.kind, ref.key);
  for (const tried of kinds === TOPIC_KINDS ? [kinds] : [kinds, TOPIC_KINDS]) {
    const hits = snapshot.index.search(words, { kinds: tried, keep, limit: 60 });
    const full = hits.filter((h) => h.covered === topics.length && (h.ref.kind !== "fact" || factStates(snapshot, h.ref.key, topics)));
    if (full.length) return { hits: full, unmatched: [], near: [] };
  }
  // A word half the knowledge is about (화재 in "화재 원인 조사 누가 맡았어", the incident itself) narrows nothing:
  // without the most common such word, the rest may still all be found.
  const common = commonTopic(snapshot, words, keep);
  if (common !== undefined && topics.length >= 2) {
    const rest = searchTopics(snapshot, topics.filter((_, i) => i !== common), scope, kinds, orgs, peopleOnly);
    if (rest.hits.length) return rest;
  }
  // The words that find nothing even alone are the ones the knowledge lacks; else the combination is what it lacks.
  const near = snapshot.index.search(words, { keep, limit: 5 });
  const unmatched = topics.filter((_, i) => !snapshot.index.search([words[i]], { keep, limit: 1 }).length).map((x) => x.word);
  return { hits: [], unmatched: unmatched.length ? unmatched : topics.map((x) => x.word), near };
}

/** How many documents make a word so common that it names the whole knowledge's subject (화재 for a fire). */
const commonLimit = (snapshot: Snapshot) => Math.max(8, Math.ceil(snapshot.index.refs.length * 0.03));

/** The most common of the words, when it is that common. */
function commonTopic(snapshot: Snapshot, words: readonly QueryWord[], keep: (ref: DocRef) => boolean): number | undefined {
  const limit = commonLimit(snapshot);
  const counts = words.map((w) => snapshot.index.search([w], { keep, limit: limit + 1 }).length);
  const most = counts.indexOf(Math.max(...counts));
  return counts[most] > limit ? most : undefined;
}

/** Whether a topic word is specific: in a few documents, not in a large share of them. */
export function isSpecific(snapshot: Snapshot, topic: Topic): boolean {
  const limit = commonLimit(snapshot);
  return snapshot.index.search([{ terms: topic.terms, phrases: topic.phrases }], { limit: limit + 1 }).length <= limit;
}

/** Whether a fact's own sentence (not only the longer quote it rests on) holds every topic word: an answer must
 * say what was asked about ("원인조사 소위 부위원장" is in the quote, but the sentence names neither). */
function factStates(snapshot: Snapshot, key: string, topics: readonly Topic[]): boolean {
  const f = snapshot.knowledge.facts.get(key);
  if (!f) return false;
  const text = `${f.text.ko} ${f.text.en} ${f.keywords.join(" ")}`;
  return topics.every((t) => t.terms.some((term) => holds(text, term)) || t.phrases.some((p) => p.every((w) => holds(text, w))));
}

/** A Korean word may also sit inside a compound: for each of its Korean forms, the two-syllable pieces it is made of. */
function piecesFor(t: Topic): string[][] | undefined {
  const sets = t.terms.filter((x) => /^[\uac00-\ud7a3]{2,}$/.test(x)).map((w) => (w.length === 2 ? [w] : bigrams(w)));
  return sets.length ? sets : undefined;
}
