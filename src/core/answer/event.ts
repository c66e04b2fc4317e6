import type { CommandModule } from "../commands.js";
import { bilingual, cite, formatDate, suggest } from "./format.js";

export const event: CommandModule = {
  spec: {
    name: "event",
    description: { ko: "행사 개요: 날짜, 연사, 트랙, 세션 수", en: "Event overview: dates, speakers, tracks, sessions" },
    options: [],
  },
  run({ snapshot: { knowledge: k }, lang }) {
    const e = k.event;
    if (!e) {
      return { answered: false, title: lang === "ko" ? "행사 정보 없음" : "No event information", body: lang === "ko" ? "지식에 행사 정보가 없습니다." : "The knowledge holds no event." };
    }
    const from = formatDate(e.start, lang, e.start);
    const to = formatDate(e.end, lang, e.start);
    const dates = k.facts.get("x1-dates");
    return {
      title: bilingual(e.name, lang),
      body:
        lang === "ko"
          ? `${e.summary.ko}\n\n- 기간: ${from} ~ ${to}${e.format ? ` (${e.format.ko})` : ""}, 7일 키노트로 시작해 9일까지\n- 연사: 카카오 공동체 개발자 약 ${e.speakers}명\n- 트랙: ${e.tracks}개\n- 발표 세션: 총 ${e.sessions}개`
          : `${e.summary.en}\n\n- Dates: ${from} to ${to}${e.format ? ` (${e.format.en})` : ""}, opening with keynotes on the 7th and running to the 9th\n- Speakers: about ${e.speakers} developers of the Kakao community\n- Tracks: ${e.tracks}\n- Sessions: ${e.sessions} in total`,
      fields: [
        { name: lang === "ko" ? "연사" : "Speakers", value: `${e.speakers}`, inline: true },
        { name: lang === "ko" ? "트랙" : "Tracks", value: `${e.tracks}`, inline: true },
        { name: lang === "ko" ? "세션" : "Sessions", value: `${e.sessions}`, inline: true },
      ],
      citations: cite(k, [e, ...(dates ? [dates] : [])]),
      suggestions: [suggest(lang === "ko" ? "트랙" : "Tracks", "track"), suggest(lang === "ko" ? "키노트" : "Keynotes", "session", { query: "keynote" }), suggest(lang === "ko" ? "예산" : "Budget", "budget")],
    };
  },
};
