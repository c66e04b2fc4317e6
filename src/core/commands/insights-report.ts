// An Insights period written out: as the answer's Markdown subset (user text made inert) and as CSV, one row per
// item with a `section` column, cells quoted and guarded against spreadsheet formulas.
import { say, type Lang } from "../locale.js";
import { inert } from "../markdown.js";
import type { Insights, PlatformShare } from "../../store/store.js";

const percent = (p: Pick<PlatformShare, "asked" | "answered">) => (p.asked ? Math.round((100 * p.answered) / p.asked) : 0);

/** Every platform's questions added up. */
export const allPlatforms = (list: readonly PlatformShare[]): PlatformShare => ({
  platform: "all",
  asked: list.reduce((n, p) => n + p.asked, 0),
  answered: list.reduce((n, p) => n + p.answered, 0),
});

export function insightsMarkdown(i: Insights, lang: Lang): string {
  const none = say(lang, { ko: "- 없음", en: "- none" });
  const refused = i.refused.map((r) => `- ${r.count} × ${inert(r.example)}`);
  const downvoted = i.downvoted.map((d) => `- ${d.down} 👎 · ${d.up} 👍 — /${inert(d.command)}: ${d.normalized === undefined ? say(lang, { ko: "(DM, 글 보관 안 함)", en: "(DM, text not kept)" }) : inert(d.normalized)}`);
  const shares = [...i.platforms, ...(i.platforms.length > 1 ? [allPlatforms(i.platforms)] : [])].map((p) =>
    say(lang, { ko: `- ${inert(p.platform)}: ${percent(p)}% (${p.asked}개 중 ${p.answered}개)`, en: `- ${inert(p.platform)}: ${percent(p)}% (${p.answered} of ${p.asked})` }),
  );
  return [
    say(lang, { ko: "**답하지 못한 질문 (많이 물은 순)**", en: "**Refused questions, most asked**" }),
    ...(refused.length ? refused : [none]),
    "",
    say(lang, { ko: "**👎를 가장 많이 받은 답**", en: "**Answers rated 👎 most**" }),
    ...(downvoted.length ? downvoted : [none]),
    "",
    say(lang, { ko: "**답한 비율 (플랫폼별)**", en: "**Share answered, per platform**" }),
    ...(shares.length ? shares : [none]),
  ].join("\n");
}

export const CSV_HEADER = ["section", "platform", "command", "question", "count", "asked", "answered", "share", "down", "up"] as const;
type CsvRow = Partial<Record<(typeof CSV_HEADER)[number], string | number>>;

/** A cell as RFC 4180 wants it; one that a spreadsheet would run as a formula starts with an apostrophe. */
export function csvCell(value: string | number | undefined): string {
  if (value === undefined) return "";
  let text = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function insightsCsv(i: Insights): string {
  const rows: CsvRow[] = [
    ...i.refused.map((r) => ({ section: "refused", question: r.example, count: r.count })),
    ...i.downvoted.map((d) => ({ section: "downvoted", command: d.command, question: d.normalized, down: d.down, up: d.up })),
    ...[...i.platforms, allPlatforms(i.platforms)].map((p) => ({ section: "answered", platform: p.platform, asked: p.asked, answered: p.answered, share: p.asked ? +(p.answered / p.asked).toFixed(3) : 0 })),
  ];
  return [CSV_HEADER.join(","), ...rows.map((row) => CSV_HEADER.map((column) => csvCell(row[column])).join(","))].join("\n");
}
