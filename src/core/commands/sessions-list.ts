// One way to show a list of sessions, used by `session`, `track` and free questions: counts first,
// then the sessions in time order, cut so long lists stay readable.
import { formatDate, say, type Lang } from "../locale.js";
import type { Knowledge, Session } from "../knowledge/schema.js";
import { bilingual, capList, speakerList } from "./format.js";

export const LIST_LIMIT = 15;

export const byTime = (a: Session, b: Session): number =>
  `${a.date}${a.time ?? ""}`.localeCompare(`${b.date}${b.time ?? ""}`) || a.id.localeCompare(b.id, "en", { numeric: true });

export function sessionLine(k: Knowledge, s: Session, lang: Lang): string {
  const who = speakerList(k, s, lang);
  const when = formatDate(s.date, lang, k.event?.start, s.time);
  return `- **${bilingual(s.title, lang)}**${who ? ` — ${who}` : ""} (${when})`;
}

/** "12 sessions: 4 on Dec 7, 8 on Dec 8" and the list. */
export function sessionList(k: Knowledge, sessions: Session[], lang: Lang): string {
  const sorted = [...sessions].sort(byTime);
  const perDay = new Map<string, number>();
  for (const s of sorted) perDay.set(s.date, (perDay.get(s.date) ?? 0) + 1);
  const days = [...perDay].map(([d, n]) => {
    const day = formatDate(d, lang, k.event?.start);
    return say(lang, { ko: `${day} ${n}개`, en: `${n} on ${day}` });
  });
  const head = say(lang, { ko: `세션 ${sorted.length}개: ${days.join(", ")}`, en: `${sorted.length} session(s): ${days.join(", ")}` });
  const more =
    sorted.length > LIST_LIMIT
      ? say(lang, {
          ko: "\n\n트랙, 날짜(예: 8일), 연사나 제목 낱말을 더해 좁혀 보세요.",
          en: "\n\nNarrow it down with a track, a day (e.g. day 2), a speaker or a word of the title.",
        })
      : "";
  return `${head}\n${capList(sorted.map((s) => sessionLine(k, s, lang)), LIST_LIMIT, lang)}${more}`;
}
