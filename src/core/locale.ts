// Language-neutral wording helpers: the two answer languages, amounts in won, and calendar arithmetic.
// Search and answers both use them, so they belong to neither.

export type Lang = "ko" | "en";

/** Korean and English forms of the same text. */
export interface Localized {
  ko: string;
  en: string;
}

/** The text in the answer's language. */
export const say = (lang: Lang, text: Localized): string => text[lang];

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

const DAY_MS = 86_400_000;

/** The day number of `date` in an event that starts on `start` (both YYYY-MM-DD): the first day is 1. */
export const dayNumber = (date: string, start: string): number => Math.round((Date.parse(date) - Date.parse(start)) / DAY_MS) + 1;

/** `date` (YYYY-MM-DD) moved by `days`. */
export const addDays = (date: string, days: number): string => new Date(Date.parse(date) + days * DAY_MS).toISOString().slice(0, 10);

const WEEKDAYS = {
  ko: ["일요일", "월요일", "화요일", "수요일", "목요일", "금요일", "토요일"],
  en: ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"],
};
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const ORDINALS_KO = ["첫째", "둘째", "셋째", "넷째", "다섯째", "여섯째", "일곱째"];

/** The weekday of a date (YYYY-MM-DD), 0 = Sunday. */
export const weekdayOf = (date: string): number => new Date(`${date}T00:00:00Z`).getUTCDay();
export const weekdayName = (weekday: number, lang: Lang): string => WEEKDAYS[lang][weekday];

/** "2022년 12월 7일 수요일(첫째 날) 11:00 KST" / "Wednesday, December 7, 2022 (day 1), 11:00 KST": the date in the
 * event's own calendar, the day counted from its first day, the time with its zone's name. */
export function formatDate(date: string, lang: Lang, eventStart?: string, time?: string, zone?: string): string {
  const [y, m, d] = date.split("-").map(Number);
  const weekday = WEEKDAYS[lang][weekdayOf(date)];
  const dayNo = eventStart ? dayNumber(date, eventStart) : 0;
  const clock = time ? `${time}${zone ? ` ${zone}` : ""}` : "";
  if (lang === "ko") {
    const ordinal = ORDINALS_KO[dayNo - 1];
    return `${y}년 ${m}월 ${d}일 ${weekday}${ordinal ? `(${ordinal} 날)` : ""}${clock ? ` ${clock}` : ""}`;
  }
  const tag = dayNo >= 1 ? ` (day ${dayNo})` : "";
  return `${weekday}, ${MONTHS[m - 1]} ${d}, ${y}${tag}${clock ? `, ${clock}` : ""}`;
}

/** "12월 7일" / "December 7": a date within an event's own year, short. */
export function formatDay(date: string, lang: Lang): string {
  const [, m, d] = date.split("-").map(Number);
  return lang === "ko" ? `${m}월 ${d}일` : `${MONTHS[m - 1]} ${d}`;
}
