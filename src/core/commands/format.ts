// Wording the commands share: names, citations, suggestions and lists read naturally in both languages.
import { say, type Lang, type Localized } from "../locale.js";
import type { Citation, Suggestion } from "../protocol.js";
import type { Knowledge, Session } from "../knowledge/schema.js";

/** "남궁훈 (Namkoong Hoon)" in Korean answers, "Namkoong Hoon (남궁훈)" in English; a handle once. */
export function bilingual(l: Localized, lang: Lang): string {
  if (l.ko === l.en) return l.ko;
  return lang === "ko" ? `${l.ko} (${l.en})` : `${l.en} (${l.ko})`;
}

export function personName(k: Knowledge, id: string, lang: Lang): string {
  const p = k.people.get(id);
  return p ? bilingual(p.name, lang) : id;
}

export const speakerList = (k: Knowledge, s: Session, lang: Lang): string =>
  s.speakers.map((id) => personName(k, id, lang)).join(", ");

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

export const sessionsOf = (k: Knowledge, personId: string): Session[] =>
  [...k.sessions.values()].filter((s) => s.speakers.includes(personId));

/** A list cut to `max` lines with a "and N more" line, so long lists stay readable. */
export function capList(lines: string[], max: number, lang: Lang): string {
  if (lines.length <= max) return lines.join("\n");
  const rest = lines.length - max;
  return [...lines.slice(0, max), say(lang, { ko: `- … 외 ${rest}개`, en: `- … and ${rest} more` })].join("\n");
}
