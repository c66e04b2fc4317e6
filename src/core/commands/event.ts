import { draftOf } from "../answers/compose.js";
import { eventPart, eventsPart } from "../answers/event.js";
import { say } from "../locale.js";
import { inert } from "../markdown.js";
import { defineCommand } from "./command.js";

export const event = defineCommand({
  spec: {
    name: "event",
    description: { ko: "행사 개요: 날짜, 연사, 트랙, 세션 수", en: "Event overview: dates, speakers, tracks, sessions" },
    options: [{ name: "name", description: { ko: "행사 이름 (여러 행사가 있을 때)", en: "Event name (when there are several)" } }],
  },
  routes: [{ words: ["행사", "컨퍼런스", "콘퍼런스", "event", "conference"] }],
  run({ snapshot, lang, scope }, { name }) {
    const k = snapshot.knowledge;
    const events = scope.events.map((id) => k.events.get(id)!).filter(Boolean);
    const named = name ? (snapshot.tables.names.get(name.toLowerCase().replace(/[^\p{L}\p{N}]/gu, "")) ?? []).filter((n) => n.kind === "event").map((n) => k.events.get(n.key)!) : events;
    if (!events.length) {
      return { answered: false, title: say(lang, { ko: "행사 정보 없음", en: "No event information" }), body: say(lang, { ko: "지식에 행사 정보가 없습니다.", en: "The knowledge holds no event." }) };
    }
    if (name && !named.length) {
      const list = events.map((e) => `- ${inert(e.name[lang])}`).join("\n");
      return {
        answered: false,
        title: say(lang, { ko: "그런 행사는 없습니다", en: "No such event" }),
        body: say(lang, { ko: `지식에 ‘${inert(name)}’ 행사는 없습니다. 있는 행사:\n${list}`, en: `The knowledge has no event “${inert(name)}”. The events it knows:\n${list}` }),
      };
    }
    const ctx = { snapshot, lang, scope, aspects: [], stated: [] };
    // Several events and none named: the list, each with how to ask about it.
    if (!name && events.length > 1) return draftOf(snapshot, [eventsPart(ctx, events)]);
    return draftOf(snapshot, named.map((e) => eventPart(ctx, e, [])));
  },
});
