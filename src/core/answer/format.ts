// Shared wording: amounts, dates, names and citations read naturally in both languages.
import type { Citation, Lang, Suggestion } from "../answer.js";
import type { Knowledge, Localized, Session } from "../knowledge/schema.js";

export const pick = (l: Localized, lang: Lang): string => l[lang];
/** "남궁훈 (Namkoong Hoon)" in Korean answers, "Namkoong Hoon (남궁훈)" in English; a handle once. */
export function bilingual(l: Localized, lang: Lang): string {
  if (l.ko === l.en) return l.ko;
  return lang === "ko" ? `${l.ko} (${l.en})` : `${l.en} (${l.ko})`;
}

const JO = 1_000_000_000_000;
const EOK = 100_000_000;
const MAN = 10_000;

/** 460000000000 → "4,600억 원" / "₩460 billion (4,600억 원)". */
export function formatWon(won: number, lang: Lang): string {
  const group = (n: number) => n.toLocaleString("en-US");
  const korean =
    won >= JO && won % JO === 0 ? `${group(won / JO)}조 원`
    : won >= EOK && won % EOK === 0 ? `${group(won / EOK)}억 원`
    : won >= MAN && won % MAN === 0 ? `${group(won / MAN)}만 원`
    : `${group(won)}원`;
  if (lang === "ko") return korean;
  const english =
    won >= 1e12 ? `₩${+(won / 1e12).toFixed(3)} trillion`
    : won >= 1e9 ? `₩${+(won / 1e9).toFixed(3)} billion`
    : won >= 1e6 ? `₩${+(won / 1e6).toFixed(3)} million`
    : `₩${group(won)}`;
  return `${english} (${korean})`;
}

const WEEKDAYS = { ko: ["일", "월", "화", "수", "목", "금", "토"], en: ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"] };
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** "2022년 12월 7일(수, 첫째 날) 11:00" / "Wednesday, December 7, 2022 (day 1), 11:00 KST". */
export function formatDate(date: string, lang: Lang, eventStart?: string, time?: string): string {
  const [y, m, d] = date.split("-").map(Number);
  const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  const dayNo = eventStart ? Math.round((Date.parse(date) - Date.parse(eventStart)) / 86_400_000) + 1 : 0;
  if (lang === "ko") {
    const ordinal = ["첫째", "둘째", "셋째", "넷째", "다섯째"][dayNo - 1];
    const tag = ordinal ? `${WEEKDAYS.ko[weekday]}, ${ordinal} 날` : WEEKDAYS.ko[weekday];
    return `${y}년 ${m}월 ${d}일(${tag})${time ? ` ${time}` : ""}`;
  }
  const tag = dayNo >= 1 ? ` (day ${dayNo})` : "";
  return `${WEEKDAYS.en[weekday]}, ${MONTHS[m - 1]} ${d}, ${y}${tag}${time ? `, ${time} KST` : ""}`;
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
  return [...lines.slice(0, max), lang === "ko" ? `- … 외 ${rest}개` : `- … and ${rest} more`].join("\n");
}
