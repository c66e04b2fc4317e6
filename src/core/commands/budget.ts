import { draftOf } from "../answers/compose.js";
import { suggest } from "../answers/format.js";
import { budgetPart } from "../answers/incident.js";
import { say } from "../locale.js";
import { defineCommand } from "./command.js";

export const budget = defineCommand({
  spec: {
    name: "budget",
    description: { ko: "재발방지 투자 예산: 총액과 쓰이는 곳", en: "The recurrence-prevention budget: the total and what it covers" },
    options: [],
  },
  routes: [{ words: ["예산", "budget", "돈", "money", "총액", "금액", "투자", "investment"] }],
  run({ snapshot, lang, scope }) {
    const budgets = [...snapshot.knowledge.budgets.values()].filter((b) => scope.events.includes(b.event));
    if (!budgets.length) {
      return {
        answered: false,
        title: say(lang, { ko: "예산 정보 없음", en: "No budget information" }),
        body: say(lang, { ko: "지식에 예산 정보가 없습니다.", en: "The knowledge holds no budget." }),
        suggestions: [suggest("/event", "event")],
      };
    }
    return draftOf(snapshot, budgets.map((b) => budgetPart({ snapshot, lang, scope, aspects: [], stated: [] }, b)));
  },
});
