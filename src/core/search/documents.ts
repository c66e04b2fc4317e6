// Turns knowledge items into searchable documents: what each item is called, what it says in Korean and
// in English, and the words that name its kind (so "이채영 직책" reaches the person, not her keynote).
import { formatWon, type Localized } from "../locale.js";
import type { Knowledge } from "../knowledge/schema.js";

export type DocType = "person" | "session" | "track" | "budget" | "remediation" | "fact" | "event";

export interface SearchDoc {
  /** `${type}:${key}`: unique across the index. */
  id: string;
  type: DocType;
  /** The item's id in its section of the knowledge. */
  key: string;
  /** Names and aliases: the strongest evidence. */
  names: string[];
  /** Names of the people an item involves (a session's speakers), weaker than the item's own names. */
  people: string[];
  ko: string;
  en: string;
  /** Words naming the item's kind, and the item's own keywords. */
  keywords: string[];
}

const KIND_WORDS: Record<DocType, string[]> = {
  person: ["연사", "발표자", "사람", "인물", "직책", "역할", "speaker", "presenter", "person", "role"],
  session: ["세션", "발표", "연사", "발표자", "session", "talk", "speaker"],
  track: ["트랙", "track", "세션", "session"],
  budget: ["예산", "총액", "금액", "투자", "항목", "배분", "원", "budget", "total", "investment", "items", "split", "won", "krw"],
  remediation: ["재발방지", "재발방지대책", "개선", "대책", "remediation", "measures", "improvement", "announced", "발표"],
  fact: [],
  event: ["행사", "컨퍼런스", "일정", "날짜", "기간", "시작", "끝", "event", "conference", "dates", "start", "end"],
};

const SESSION_KIND_WORDS: Record<string, string[]> = {
  keynote: ["키노트", "기조연설", "keynote"],
  special: ["특별", "특별세션", "special"],
  talk: ["기술", "tech"],
  preview: ["프리뷰", "미리보기", "preview"],
};

const both = (l?: Localized): [string, string] => [l?.ko ?? "", l?.en ?? ""];
const join = (parts: (string | undefined)[]): string => parts.filter(Boolean).join(" \n ");

/** Day words for a session date relative to the event's first day: 7일, 첫째날, day 1, December 7. */
function dayWords(date: string, eventStart?: string): string[] {
  const [, month, day] = date.split("-").map(Number);
  const out = [`${day}일`, `${month}월`, `december`, `dec`];
  if (eventStart) {
    const n = Math.round((Date.parse(date) - Date.parse(eventStart)) / 86_400_000) + 1;
    const ordinal = ["첫째날", "둘째날", "셋째날"][n - 1];
    if (ordinal) out.push(ordinal, `${n}일차`, `day${n}`);
  }
  return out;
}

export function buildDocuments(k: Knowledge): SearchDoc[] {
  const docs: SearchDoc[] = [];
  const nameOf = (id: string) => {
    const p = k.people.get(id);
    return p ? [p.name.ko, p.name.en, ...p.aliases] : [id];
  };
  const add = (type: DocType, key: string, d: Omit<SearchDoc, "id" | "type" | "key" | "keywords"> & { keywords?: string[] }) =>
    docs.push({ id: `${type}:${key}`, type, key, ...d, keywords: [...KIND_WORDS[type], ...(d.keywords ?? [])] });

  for (const p of k.people.values()) {
    const [orgKo, orgEn] = both(p.organisation);
    add("person", p.id, {
      names: [p.name.ko, p.name.en, ...p.aliases, p.handle ?? ""].filter(Boolean),
      people: [],
      ko: join([orgKo, ...p.roles.map((r) => r.ko), p.summary?.ko]),
      en: join([orgEn, ...p.roles.map((r) => r.en), p.summary?.en]),
    });
  }
  for (const s of k.sessions.values()) {
    const tracks = s.tracks.map((t) => k.tracks.get(t)).filter((t) => t !== undefined);
    add("session", s.id, {
      names: [s.title.ko, s.title.en],
      people: s.speakers.flatMap(nameOf),
      ko: join([s.summary?.ko, ...tracks.map((t) => t.name.ko), s.quote]),
      en: join([s.summary?.en, ...tracks.map((t) => t.name.en)]),
      keywords: [...(SESSION_KIND_WORDS[s.kind] ?? []), ...dayWords(s.date, k.event?.start)],
    });
  }
  for (const t of k.tracks.values()) {
    add("track", t.id, { names: [t.name.ko, t.name.en, ...t.aliases], people: [], ko: t.summary?.ko ?? "", en: t.summary?.en ?? "" });
  }
  if (k.budget) {
    const b = k.budget;
    add("budget", b.id, {
      names: [],
      people: [],
      ko: join([...b.items.map((i) => i.text.ko), b.quote, formatWon(b.total, "ko")]),
      en: join([...b.items.map((i) => i.text.en), formatWon(b.total, "en")]),
    });
  }
  for (const r of k.remediation.values()) {
    add("remediation", r.id, {
      names: [r.area.ko, r.area.en],
      people: [...nameOf(r.presented_by), ...(r.owner ? nameOf(r.owner) : [])],
      ko: join([r.text.ko, r.quote]),
      en: r.text.en,
      keywords: [r.status.replace("_", " "), ...r.keywords],
    });
  }
  for (const f of k.facts.values()) {
    add("fact", f.id, {
      names: [],
      people: [],
      ko: join([f.text.ko, f.quote]),
      en: f.text.en,
      keywords: [...f.keywords, ...(f.headline ? ["관련기사", "기사", "뉴스", "headline", "news"] : [])],
    });
  }
  if (k.event) {
    const e = k.event;
    add("event", e.id, {
      names: [e.name.ko, e.name.en, ...e.aliases],
      people: [],
      ko: join([e.summary.ko, e.format?.ko, e.quote]),
      en: join([e.summary.en, e.format?.en]),
    });
  }
  return docs;
}
