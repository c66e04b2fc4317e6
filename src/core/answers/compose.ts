// A free question answered: each clause's subjects (resolved, or taken from the conversation) answered for the
// aspects asked, a yes/no question checked against what the answer states, the parts combined into one cited
// answer — or an honest "I don't know" that says what the knowledge can answer instead.
import type { Draft } from "../commands/command.js";
import { formatDay, say, type Lang } from "../locale.js";
import { inert } from "../markdown.js";
import type { Snapshot } from "../snapshot/snapshot.js";
import { CATEGORY_KIND, type Aspect } from "../understand/lexicon.js";
import { statesWon, type Clause, type Reading, type Stated } from "../understand/read.js";
import { notHeldPart, unanswerable } from "./aspects.js";
import { bilingual, cite, suggest } from "./format.js";
import { holds } from "./holds.js";
import { matches, quantityOf } from "./quantities.js";
import { budgetPart, factPart, remediationPart } from "./incident.js";
import { eventPart, eventsPart, orgPart, roomPart, trackPart, tracksPart } from "./event.js";
import type { Part, PartContext } from "./part.js";
import { peoplePart, personPart } from "./people.js";
import { sessionsPart, speakersOfPart } from "./sessions.js";
import { isSpecific, PERSON_FACTS, resolve, SESSION_CATEGORIES, sessionsMatching, type Scope, type Subject } from "./subject.js";

/** What a conversation remembers of its last answer: what it was about and what it asked. */
export interface Remembered {
  subjects: Subject[];
  aspects: Aspect[];
  lang: Lang;
  /** The last list of sessions shown, which "세 번째 거", "마지막 건?" pick from even after one was picked. */
  list?: Subject[];
}

export interface Composed {
  draft: Draft;
  /** What to remember for a follow-up, when the answer was about something. */
  remember?: Remembered;
}

/** One subject answered for a clause's aspects: one part, or one per person. */
function partsFor(ctx: PartContext, subject: Subject, clause: Clause): Part[] {
  const k = ctx.snapshot.knowledge;
  const kinds = clause.categories.map((c) => CATEGORY_KIND[c]).filter((x): x is string => Boolean(x));
  switch (subject.kind) {
    case "people": {
      if (!subject.keys.length) {
        const events = ctx.scope.events.map((id) => k.events.get(id)!).filter(Boolean);
        return events.map((e) => eventPart({ ...ctx, aspects: ctx.aspects.length ? ctx.aspects : ["count"] }, e, ["people"]));
      }
      const people = subject.keys.map((key) => k.people.get(key)!).filter(Boolean);
      // "어느 위원회 소속이세요?": a body the words name is in their roles, not their company.
      const asked = ctx.aspects.includes("org") && clause.topics.length && !ctx.aspects.includes("role") ? { ...ctx, aspects: [...ctx.aspects, "role" as const] } : ctx;
      return people.length === 1 ? personPart(asked, people[0], kinds) : [peoplePart(asked, people)];
    }
    case "sessions": {
      const sessions = subject.keys.map((key) => k.sessions.get(key)!).filter(Boolean);
      // "카프카 발표자랑 트랙 알려줘": the track of the sessions found, not every track.
      if (clause.categories.includes("tracks") && !ctx.aspects.includes("track")) ctx = { ...ctx, aspects: [...ctx.aspects, "track"] };
      const wantsPeople = clause.categories.includes("people") && (ctx.aspects.includes("who") || ctx.aspects.includes("list") || ctx.aspects.includes("count") || ctx.aspects.length === 0);
      // With several events loaded, each event's sessions are answered apart, under its name.
      const byEvent = new Map<string, typeof sessions>();
      for (const s of sessions) byEvent.set(s.event, [...(byEvent.get(s.event) ?? []), s]);
      const groups = byEvent.size > 1 ? [...byEvent] : [[undefined, sessions] as const];
      return groups.map(([event, list]) => {
        const label = [event ? bilingual(k.events.get(event)?.name ?? { ko: event, en: event }, ctx.lang) : undefined, labelOf(ctx, subject)].filter(Boolean).join(" — ") || undefined;
        return wantsPeople ? speakersOfPart(ctx, list, label) : sessionsPart(ctx, list, subject.by, label);
      });
    }
    case "track":
      return [trackPart(ctx, k.tracks.get(subject.key)!)];
    case "tracks":
      return [tracksPart(ctx, subject.event)];
    case "event":
      // A day claimed of the event ("12월 7일에 시작했지?") is answered with its dates, a format ("Is it online?") with it.
      const claimed: Aspect[] = [...(clause.days.length ? ["when" as const] : []), ...(clause.formats.length ? ["where" as const] : [])].filter((a) => !ctx.aspects.includes(a));
      return [eventPart(claimed.length ? { ...ctx, aspects: [...ctx.aspects, ...claimed] } : ctx, k.events.get(subject.key)!, clause.categories)];
    case "budget":
      // "안산에 얼마": the part the question names, whose own amount the source may not give.
      return [budgetPart(ctx, k.budgets.get(subject.key)!, ctx.aspects.some((a) => a === "amount" || a === "split") ? clause.topics.map((t) => t.word) : [])];
    case "remediation":
      return [remediationPart(ctx, subject.keys.map((key) => k.remediation.get(key)!).filter(Boolean))];
    case "fact":
      return [factPart(ctx, k.facts.get(subject.key)!)];
    case "org":
      return [orgPart(ctx, subject.key)];
    case "room":
      return [roomPart(ctx, subject.key, sessionsMatching(ctx.snapshot, ctx.scope, { rooms: [subject.key] }))];
  }
}

/** A heading for a set of sessions from what chose them: "AI 트랙, 12월 8일". */
function labelOf(ctx: PartContext, subject: Extract<Subject, { kind: "sessions" }>): string | undefined {
  const k = ctx.snapshot.knowledge;
  const t = ctx.snapshot.tables;
  const by = subject.by;
  const labels = [
    ...(by.tracks ?? []).map((key) => bilingual(k.tracks.get(key)?.name ?? { ko: key, en: key }, ctx.lang)),
    ...(by.orgs ?? []).map((key) => t.orgNames.get(key) ?? key),
    ...(by.people ?? []).map((key) => bilingual(k.people.get(key)?.name ?? { ko: key, en: key }, ctx.lang)),
    ...(by.rooms ?? []).map((key) => k.rooms.get(key)?.name ?? key),
    ...(by.dates ?? []).map((d) => formatDay(d, ctx.lang)),
    ...(by.clock ? [by.clock] : []),
    ...(by.at ? [say(ctx.lang, by.at.which === "now" ? { ko: "지금", en: "Now" } : { ko: "다음", en: "Next" })] : []),
  ];
  return labels.length ? labels.join(", ") : undefined;
}


/** Whether what a part states bears out the clause's claim; undefined when the clause claims nothing checkable. */
function verdict(part: Part, clause: Clause, subject: Subject, stated: readonly Stated[]): boolean | undefined {
  const f = part.facts;
  if (!f) return undefined;
  const checks: boolean[] = [];
  for (const s of stated) {
    const q = quantityOf(s);
    const held = matches(q, f.quantities ?? []);
    if (q.unit === "원" && f.amount !== undefined) checks.push(q.value === f.amount);
    else if (held !== undefined) checks.push(held);
    else if (f.count !== undefined && s.unit !== "시" && q.unit !== "원") checks.push(s.value === f.count);
  }
  if (clause.clock && f.times?.length) checks.push(f.times.includes(clause.clock));
  const claimedTracks = clause.names.flat().filter((n) => n.kind === "track").map((n) => n.key);
  if (claimedTracks.length && subject.kind === "sessions" && f.tracks) checks.push(claimedTracks.every((t) => f.tracks!.includes(t)));
  if (clause.days.some((d) => d.date) && f.dates?.length && subject.kind === "event") {
    const days = clause.days.flatMap((d) => (d.date ? [d.date.day] : []));
    checks.push(days.every((d) => Number(f.dates![0].slice(8)) === d));
  }
  const claimedPeople = clause.names.flat().filter((n) => n.kind === "person").map((n) => n.key);
  if (claimedPeople.length && subject.kind !== "people" && f.people) checks.push(claimedPeople.every((p) => f.people!.includes(p)));
  if (subject.kind === "people" && clause.topics.length && f.text) {
    const text = f.text;
    checks.push(clause.topics.every((t) => t.terms.some((term) => holds(text, term)) || t.phrases.some((p) => p.every((w) => holds(text, w)))));
  }
  if (clause.years.length && f.years) checks.push(clause.years.every((y) => f.years!.includes(y)));
  return checks.length ? checks.every(Boolean) : undefined;
}

/** "I don't know", with what the knowledge can answer, and the near misses found. */
export function dontKnow(snapshot: Snapshot, question: string, lang: Lang, near: readonly string[] = []): Draft {
  const events = [...snapshot.knowledge.events.values()].map((e) => bilingual(e.name, lang));
  const about = events.length ? say(lang, { ko: `${events.join(", ")}에 대해 `, en: `About ${events.join(", ")}, I` }) : say(lang, { ko: "", en: "I" });
  const topics = [
    say(lang, { ko: "연사", en: "speakers" }),
    say(lang, { ko: "세션과 시간", en: "sessions and their times" }),
    say(lang, { ko: "트랙", en: "tracks" }),
    ...(snapshot.knowledge.budgets.size ? [say(lang, { ko: "예산", en: "the budget" })] : []),
    ...(snapshot.knowledge.remediation.size ? [say(lang, { ko: "재발방지 항목", en: "the remediation items" })] : []),
  ];
  const close = near.length ? say(lang, { ko: `\n\n비슷한 것: ${near.map(inert).join(", ")}`, en: `\n\nClose matches: ${near.map(inert).join(", ")}` }) : "";
  return {
    answered: false,
    title: say(lang, { ko: "답을 모릅니다", en: "I don't know" }),
    body: say(lang, {
      ko: `‘${inert(question)}’에 대한 답은 지식에 없습니다. ${about}이런 것을 답할 수 있습니다: ${topics.join(", ")}.${close}`,
      en: `The knowledge does not answer “${inert(question)}”. ${about} can answer on ${topics.join(", ")}.${close}`,
    }),
    suggestions: [
      suggest("/event", "event"),
      suggest("/speaker", "speaker"),
      suggest("/session", "session"),
      ...(snapshot.knowledge.budgets.size ? [suggest("/budget", "budget")] : []),
    ],
  };
}

/** A follow-up with nothing to follow: ask what is meant instead of guessing. */
function whichOne(lang: Lang): Draft {
  return {
    answered: false,
    title: say(lang, { ko: "누구(무엇)를 말씀하시는지 모르겠습니다", en: "Who or what do you mean?" }),
    body: say(lang, {
      ko: "이어지는 질문 같은데, 앞선 대화가 없습니다. 사람 이름이나 세션 제목을 넣어 다시 물어봐 주세요.",
      en: "That sounds like a follow-up, but there is nothing earlier in this conversation. Please ask again with a name or a session title.",
    }),
    suggestions: [suggest("/speaker", "speaker"), suggest("/session", "session")],
  };
}

/** Aspects an event answers of itself: its dates, days, format, edition. */
const EVENT_ASPECTS = new Set<Aspect>(["when", "weekday", "where", "edition", "duration"]);

const ownContent = (c: Clause) => c.names.length > 0 || c.topics.length > 0 || c.categories.length > 0 || c.days.length > 0 || c.clock !== undefined || c.now || c.next || statesWon(c);

export function compose(snapshot: Snapshot, reading: Reading, scope: Scope, lang: Lang, context: Remembered | undefined): Composed {
  if (reading.unknown.length || otherYears(snapshot, reading, scope).length) return { draft: dontKnow(snapshot, reading.text, lang) };
  // A verb we do not know ("불 언제 꺼졌어?") may be the very thing asked: answer only when the rest names something.
  const specific = reading.clauses.some((c) => c.names.length > 0 || c.topics.some((t) => isSpecific(snapshot, t)));
  if (reading.verbs.length && !specific) return { draft: dontKnow(snapshot, reading.text, lang) };
  const parts: Part[] = [];
  const subjectsSeen: Subject[] = [];
  const aspectsSeen: Aspect[] = [];
  let previous: Remembered | undefined = context;
  let list = context?.list;
  for (const clause of reading.clauses) {
    // A clause that names nothing leans on the one before it, or on the conversation.
    // "어느 회사 사람이야?" after someone was named: 사람 is them, not everyone.
    const aboutThem = previous !== undefined && clause.categories.every((c) => c === "people") && clause.names.length === 0 && clause.topics.length === 0 && clause.aspects.some((a) => PERSON_FACTS.has(a));
    // "네 번째 세션 발표자는?": the nth of the sessions just listed, when the clause names nothing else.
    const ordinal = clause.numbers.find((n) => n.unit === "번째")?.value;
    const unnamed = clause.names.length === 0 && clause.topics.length === 0;
    const nthOfPrevious = ordinal !== undefined && (list ?? previous?.subjects ?? []).some((s) => s.kind === "sessions") && unnamed && clause.days.length === 0;
    // "그 사람", "그거" lean; "그 예산" names the budget (its own category), "그 키노트" the keynote just said.
    const pointing = clause.pointer && unnamed && !statesWon(clause) && clause.categories.every((c) => SESSION_CATEGORIES.has(c) || c === "people");
    const leans = !ownContent(clause) || aboutThem || nthOfPrevious || pointing;
    // What the clause asks — or, asking nothing ("이채영은?"), what was asked before; "다른 세션도?" asks for the sessions.
    const asked = clause.aspects.length || clause.other ? clause.aspects : (previous?.aspects ?? []);
    const aspects = [...new Set(asked)];
    let subjects: Subject[];
    if (leans) {
      // "What days of the week did it run?" with nothing before: "it" is the event, when there is one.
      const theEvent = scope.events.length === 1 && aspects.every((a) => EVENT_ASPECTS.has(a) || a === "what") && (aspects.length > 0 || clause.formats.length > 0) ? [{ kind: "event" as const, key: scope.events[0] }] : undefined;
      const before = nthOfPrevious && list ? list : previous?.subjects;
      if (!before?.length && !theEvent) return { draft: whichOne(lang) };
      subjects = before?.length ? before : theEvent!;
      // "그 사람 다른 세션도 있어?": the same people's other sessions.
      if (clause.other) subjects = otherSessions(snapshot, scope, subjects);
    } else {
      // "그중 카카오브레인 발표는?": sessions the conversation was about, narrowed by this clause.
      const within = clause.pointer ? previous?.subjects.flatMap((s) => (s.kind === "sessions" ? s.keys : [])) : undefined;
      const resolved = resolve(snapshot, clause, scope, within?.length ? within : undefined, reading.yesNo);
      if (resolved.unmatched.length || !resolved.subjects.length) return { draft: dontKnow(snapshot, reading.text, lang, resolved.near.slice(0, 3).map((h) => nearLabel(snapshot, h.ref.kind, h.ref.key, lang))) };
      subjects = resolved.subjects;
    }
    if (ordinal !== undefined) {
      // The nth of the sessions just listed or of those the clause narrows to — never of the whole programme.
      const narrowed = leans || clause.names.length > 0 || clause.topics.length > 0 || clause.days.length > 0;
      if (!narrowed) return { draft: whichOne(lang) };
      subjects = subjects.map((s) => (s.kind === "sessions" && s.keys.length > 1 ? { ...s, keys: ordinal > 0 ? s.keys.slice(ordinal - 1, ordinal) : s.keys.slice(ordinal) } : s));
    }
    const ctx: PartContext = { snapshot, lang, scope, aspects, stated: clause.numbers.filter((n) => n.unit !== "번째") };
    // "행사 뭐 있어?" with several events: the list of them, not each one's whole overview.
    const events = subjects.flatMap((s) => (s.kind === "event" ? [snapshot.knowledge.events.get(s.key)!] : []));
    if (events.length > 1 && events.length === subjects.length && aspects.every((a) => a === "what" || a === "list" || a === "count")) {
      parts.push(eventsPart(ctx, events));
      subjectsSeen.push(...subjects);
      previous = { subjects, aspects, lang, ...(list ? { list } : {}) };
      continue;
    }
    for (const subject of subjects) {
      const found = partsFor(ctx, subject, clause);
      const made = unanswerable(snapshot, subject, aspects, clause.counted).length && found[0] ? [notHeldPart(found[0], lang)] : found;
      if (reading.yesNo) {
        const ok = made.map((p) => verdict(p, clause, subject, clause.numbers)).find((v) => v !== undefined);
        const yes = ok ?? made.every((p) => p.answered);
        const lead = yes ? say(lang, { ko: "네, 맞습니다.", en: "Yes, that's correct." }) : say(lang, { ko: "아니요.", en: "No." });
        if (made[0]) made[0] = { ...made[0], body: `${lead} ${made[0].body}` };
      }
      // "When is it? start and end dates pls": clauses asking the same again add nothing.
      parts.push(...made.filter((m) => !parts.some((p) => p.title === m.title && p.body === m.body)));
      subjectsSeen.push(subject);
    }
    aspectsSeen.push(...aspects);
    if (subjects.some((s) => s.kind === "sessions" && s.keys.length > 1)) list = subjects;
    previous = { subjects, aspects, lang, ...(list ? { list } : {}) };
  }
  if (!parts.length) return { draft: dontKnow(snapshot, reading.text, lang) };
  return { draft: draftOf(snapshot, parts), remember: { subjects: subjectsSeen, aspects: aspectsSeen, lang, ...(list ? { list } : {}) } };
}

/** The other sessions of the people the subjects are about: their sessions but those just said. */
function otherSessions(snapshot: Snapshot, scope: Scope, subjects: readonly Subject[]): Subject[] {
  const k = snapshot.knowledge;
  const said = new Set(subjects.flatMap((s) => (s.kind === "sessions" ? s.keys : [])));
  const people = [...new Set(subjects.flatMap((s) => (s.kind === "people" ? s.keys : s.kind === "sessions" ? s.keys.flatMap((key) => k.sessions.get(key)?.speakers ?? []) : [])))];
  if (!people.length) return [...subjects];
  const others = sessionsMatching(snapshot, scope, { people }).map((s) => s.key).filter((key) => !said.has(key));
  return [{ kind: "sessions", keys: others, by: { people } }];
}

/** Parts as one answer: one part as it is, several each under its title; every part's items cited. */
export function draftOf(snapshot: Snapshot, parts: readonly Part[]): Draft {
  const [first] = parts;
  return {
    answered: parts.some((p) => p.answered),
    title: parts.length === 1 ? first.title : parts.map((p) => p.title).join(" · "),
    body: parts.length === 1 ? first.body : parts.map((p) => `**${inert(p.title)}**\n${p.body}`).join("\n\n"),
    fields: parts.length === 1 ? (first.fields ?? []) : [],
    citations: cite(snapshot.knowledge, parts.flatMap((p) => p.cited)),
    suggestions: dedupe(parts.flatMap((p) => p.suggestions ?? [])).slice(0, 5),
  };
}

/** What a command's parts leave for a follow-up ("/speaker 고우찬" then "그 사람 키노트 언제야?"). */
export function rememberParts(parts: readonly Part[], lang: Lang): Remembered {
  const subjects = parts.flatMap((p): Subject[] => {
    const keys = p.about.keys;
    if (p.about.kind === "people") return [{ kind: "people", keys }];
    if (p.about.kind === "sessions") return [{ kind: "sessions", keys, by: { found: keys } }];
    if (p.about.kind === "track") return keys.map((key) => ({ kind: "track", key }));
    if (p.about.kind === "event") return keys.map((key) => ({ kind: "event", key }));
    return [];
  });
  return { subjects, aspects: [], lang };
}

/** Years a question names that no event in scope is in, and the knowledge never mentions ("if kakao 2023"). */
function otherYears(snapshot: Snapshot, reading: Reading, scope: Scope): number[] {
  const years = new Set(scope.events.flatMap((id) => {
    const e = snapshot.knowledge.events.get(id);
    return e ? [Number(e.start.slice(0, 4)), Number(e.end.slice(0, 4))] : [];
  }));
  return reading.clauses.flatMap((c) => c.years).filter((y) => !years.has(y) && !snapshot.index.knows(String(y), "word"));
}

function nearLabel(snapshot: Snapshot, kind: string, key: string, lang: Lang): string {
  const k = snapshot.knowledge;
  const item = kind === "person" ? k.people.get(key)?.name : kind === "session" ? k.sessions.get(key)?.title : kind === "track" ? k.tracks.get(key)?.name : kind === "fact" ? k.facts.get(key)?.text : kind === "remediation" ? k.remediation.get(key)?.text : undefined;
  const text = item ? item[lang] : key;
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

const dedupe = <T extends { command: string; args: Record<string, string> }>(list: T[]): T[] => {
  const seen = new Set<string>();
  return list.filter((s) => {
    const key = JSON.stringify([s.command, s.args]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
};
