import { formatDate, say } from "../locale.js";
import { defineCommand } from "./command.js";
import { bilingual, cite, suggest } from "./format.js";

export const event = defineCommand({
  spec: {
    name: "event",
    description: { ko: "행사 개요: 날짜, 연사, 트랙, 세션 수", en: "Event overview: dates, speakers, tracks, sessions" },
    options: [],
  },
  routes: [{ words: ["행사", "컨퍼런스", "콘퍼런스", "이프", "event", "conference", "이프카카오"] }],
  run({ snapshot: { knowledge: k }, lang }) {
    const e = k.event;
    if (!e) {
      return {
        answered: false,
        title: say(lang, { ko: "행사 정보 없음", en: "No event information" }),
        body: say(lang, { ko: "지식에 행사 정보가 없습니다.", en: "The knowledge holds no event." }),
      };
    }
    const from = formatDate(e.start, lang, e.start);
    const to = formatDate(e.end, lang, e.start);
    const dates = k.facts.get("x1-dates");
    return {
      title: bilingual(e.name, lang),
      body: say(lang, {
        ko: `${e.summary.ko}\n\n- 기간: ${from} ~ ${to}${e.format ? ` (${e.format.ko})` : ""}, 7일 키노트로 시작해 9일까지\n- 연사: 카카오 공동체 개발자 약 ${e.speakers}명\n- 트랙: ${e.tracks}개\n- 발표 세션: 총 ${e.sessions}개`,
        en: `${e.summary.en}\n\n- Dates: ${from} to ${to}${e.format ? ` (${e.format.en})` : ""}, opening with keynotes on the 7th and running to the 9th\n- Speakers: about ${e.speakers} developers of the Kakao community\n- Tracks: ${e.tracks}\n- Sessions: ${e.sessions} in total`,
      }),
      fields: [
        { name: say(lang, { ko: "연사", en: "Speakers" }), value: `${e.speakers}`, inline: true },
        { name: say(lang, { ko: "트랙", en: "Tracks" }), value: `${e.tracks}`, inline: true },
        { name: say(lang, { ko: "세션", en: "Sessions" }), value: `${e.sessions}`, inline: true },
      ],
      citations: cite(k, [e, ...(dates ? [dates] : [])]),
      suggestions: [
        suggest(say(lang, { ko: "트랙", en: "Tracks" }), "track"),
        suggest(say(lang, { ko: "키노트", en: "Keynotes" }), "session", { query: "keynote" }),
        suggest(say(lang, { ko: "예산", en: "Budget" }), "budget"),
      ],
    };
  },
});
