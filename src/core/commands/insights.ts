// /insights [days] [csv] (admins): what the question log and ratings say about the last days (7 by default) — the
// questions the bot could not answer, the answers rated 👎 most, and the share answered per platform.
import { say, type Lang } from "../locale.js";
import { inert } from "../markdown.js";
import { defineCommand, type Draft } from "./command.js";
import { insightsCsv, insightsMarkdown } from "./insights-report.js";

export const DEFAULT_DAYS = 7;
const MAX_DAYS = 366;
const DAY_MS = 86_400_000;

/** "30 csv", "csv", "" → the period and format; undefined for anything else. */
export function readPeriod(text: string | undefined): { days: number; csv: boolean } | undefined {
  let days = DEFAULT_DAYS;
  let csv = false;
  for (const word of (text ?? "").toLowerCase().split(/\s+/).filter(Boolean)) {
    if (word === "csv") csv = true;
    else if (/^\d{1,3}$/.test(word) && +word >= 1 && +word <= MAX_DAYS) days = +word;
    else return undefined;
  }
  return { days, csv };
}

const notice = (lang: Lang, title: { ko: string; en: string }, body: { ko: string; en: string }): Draft => ({
  answered: false,
  private: true,
  title: say(lang, title),
  body: say(lang, body),
});

export const insights = defineCommand({
  spec: {
    name: "insights",
    description: { ko: "질문 기록 요약: 못 한 답, 👎 받은 답, 답한 비율 (관리자)", en: "Question log summary: refused, rated 👎, share answered (admins)" },
    options: [{ name: "days", description: { ko: "며칠 동안 (기본 7), csv를 붙이면 CSV로", en: "How many days (default 7); add csv for CSV" } }],
    admin: true,
    meta: true,
    example: "30 csv",
  },
  async run({ lang, store }, { days: asked }) {
    const period = readPeriod(asked);
    if (!period) {
      return notice(lang, { ko: "/insights: 알 수 없는 기간", en: "/insights: unknown period" }, {
        ko: `‘${inert(asked ?? "")}’은(는) 기간이 아닙니다. 1–${MAX_DAYS} 사이의 일수와 csv를 쓸 수 있습니다: \`/insights 30 csv\``,
        en: `“${inert(asked ?? "")}” is not a period. It takes a number of days (1–${MAX_DAYS}) and csv: \`/insights 30 csv\``,
      });
    }
    if (!store) return notice(lang, { ko: "질문 기록 없음", en: "No question log" }, { ko: "이 봇은 질문을 기록하지 않습니다.", en: "This bot keeps no question log." });
    const until = new Date();
    const since = new Date(until.getTime() - period.days * DAY_MS);
    let report;
    try {
      report = await store.insights(since, until);
    } catch {
      return notice(lang, { ko: "질문 기록을 읽지 못했습니다", en: "The question log could not be read" }, { ko: "저장소에 닿지 않습니다. 잠시 후 다시 해 주세요.", en: "The store cannot be reached just now. Please try again in a moment." });
    }
    const title = say(lang, { ko: `인사이트: 최근 ${period.days}일`, en: `Insights: the last ${period.days} day(s)` });
    if (period.csv) {
      return { private: true, title, body: say(lang, { ko: "CSV로 내보냈습니다.", en: "Exported as CSV." }), attachment: { filename: `insights-${period.days}d.csv`, text: insightsCsv(report) } };
    }
    return { private: true, title, body: insightsMarkdown(report, lang) };
  },
});
