// Wording every answer shares: names, dates, citations, suggestions and lists, read naturally in both languages.
import { formatDate, say, type Lang, type Localized } from "../locale.js";
import type { Citation, Suggestion } from "../protocol.js";
import type { Knowledge, Person, Session } from "../knowledge/schema.js";
import type { SnapshotTables } from "../snapshot/tables.js";

/** "남궁훈 (Namkoong Hoon)" in Korean answers, "Namkoong Hoon (남궁훈)" in English; one name when both are the same. */
export function bilingual(l: Localized, lang: Lang): string {
  if (l.ko === l.en) return l.ko;
  return lang === "ko" ? `${l.ko} (${l.en})` : `${l.en} (${l.ko})`;
}

/** A person as an answer names them: both names, and their handle when it is not their name. */
export function personLabel(p: Person, lang: Lang): string {
  const name = bilingual(p.name, lang);
  return p.handle && !name.includes(p.handle) ? `${name} (${p.handle})` : name;
}

export function personName(k: Knowledge, key: string, lang: Lang): string {
  const p = k.people.get(key);
  return p ? personLabel(p, lang) : key;
}

export const speakerList = (k: Knowledge, s: Session, lang: Lang): string => s.speakers.map((key) => personName(k, key, lang)).join(", ");

/** When a session is, in its event's calendar and zone: "2022년 12월 7일 수요일(첫째 날) 11:00 KST". */
export function whenOf(k: Knowledge, s: Session, lang: Lang): string {
  const e = k.events.get(s.event);
  return formatDate(s.date, lang, e?.start, s.time, s.time ? (s.zone ?? e?.zoneLabel) : undefined);
}

const KIND_LABEL: Record<string, Localized> = {
  keynote: { ko: "키노트", en: "Keynote" },
  special: { ko: "특별 세션", en: "Special session" },
  talk: { ko: "기술 세션", en: "Talk" },
  preview: { ko: "트랙 프리뷰", en: "Track preview" },
  workshop: { ko: "워크숍", en: "Workshop" },
  meeting: { ko: "밋업", en: "Meetup" },
};
/** A session kind as people call it; a schedule's own types as published. */
export const kindLabel = (kind: string, lang: Lang): string => KIND_LABEL[kind]?.[lang] ?? kind;

type Cited = { source: string; quote: string; url?: string };

/** The citations items rest on: each item's own quote first, then its others, each once. A citation's own
 * URL (a session's page) wins over its source's. */
export function cite(k: Knowledge, items: ReadonlyArray<Cited & { more?: Cited[] }>): Citation[] {
  const seen = new Set<string>();
  const out: Citation[] = [];
  for (const item of items) {
    for (const c of [item, ...(item.more ?? [])]) {
      const key = `${c.source}\0${c.quote}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const src = k.sources.get(c.source);
      const url = c.url ?? src?.url;
      out.push({ source: c.source, title: src?.title ?? c.source, quote: c.quote, ...(url ? { url } : {}) });
    }
  }
  return out;
}

export const suggest = (label: string, command: string, args: Record<string, string> = {}): Suggestion => ({ label, command, args });

/** A list cut to `max` lines with a "and N more" line, so long lists stay readable. `total`: how many lines the
 * whole list has, when the caller made only the first `max`. */
export function capList(lines: string[], max: number, lang: Lang, total = lines.length): string {
  if (total <= max) return lines.join("\n");
  const rest = total - max;
  return [...lines.slice(0, max), say(lang, { ko: `- … 외 ${rest}개`, en: `- … and ${rest} more` })].join("\n");
}

/** How an item is referred to in a command: its id when no other event has one like it, else its key. */
export function refOf(tables: SnapshotTables, item: { key: string; id: string }, section: "sessions" | "people" | "tracks"): string {
  return (tables.localIds.get(`${section}:${item.id}`)?.length ?? 0) > 1 ? item.key : item.id;
}

/** The items a reference names: a key, or a local id (every event's item with it). */
export function itemsOf<T>(tables: SnapshotTables, map: ReadonlyMap<string, T>, section: "sessions" | "people" | "tracks", ref: string): T[] {
  const direct = map.get(ref);
  if (direct) return [direct];
  return (tables.localIds.get(`${section}:${ref}`) ?? []).map((key) => map.get(key)!).filter(Boolean);
}
