import { formatWon, say } from "../locale.js";
import { defineCommand } from "./command.js";
import { cite, suggest } from "./format.js";

export const budget = defineCommand({
  spec: {
    name: "budget",
    description: { ko: "재발방지 투자 예산: 총액과 쓰이는 곳", en: "The recurrence-prevention budget: the total and what it covers" },
    options: [],
  },
  routes: [{ words: ["예산", "budget", "돈", "money", "비용", "cost", "총액", "금액", "투자", "investment"] }],
  run({ snapshot: { knowledge: k }, lang }) {
    const b = k.budget;
    if (!b) {
      return {
        answered: false,
        title: say(lang, { ko: "예산 정보 없음", en: "No budget information" }),
        body: say(lang, { ko: "지식에 예산 정보가 없습니다.", en: "The knowledge holds no budget." }),
        suggestions: [suggest("/event", "event")],
      };
    }
    const total = formatWon(b.total, lang);
    const items = b.items.map((i) => `- ${i.text[lang]}`).join("\n");
    const split = b.split?.[lang] ?? say(lang, {
      ko: "기사는 총액만 밝히고 항목별 배분은 밝히지 않았습니다.",
      en: "The article gives only the total, not how it is split between these items.",
    });
    return {
      title: say(lang, { ko: `예산: 총 ${total}`, en: `Budget: ${total} in total` }),
      body: say(lang, {
        ko: `카카오는 총 **${total}**의 예산을 투입해 다음에 쓴다고 설명했습니다.\n${items}\n\n${split}`,
        en: `Kakao said it is putting **${total}** in total into:\n${items}\n\n${split}`,
      }),
      fields: [{ name: say(lang, { ko: "총액", en: "Total" }), value: total, inline: true }],
      citations: cite(k, [b]),
      suggestions: [
        suggest(say(lang, { ko: "재발방지 대책", en: "Remediation items" }), "remediation"),
        suggest(say(lang, { ko: "고우찬", en: "Ko Woo-chan" }), "speaker", { name: say(lang, { ko: "고우찬", en: "Ko Woo-chan" }) }),
      ],
    };
  },
});
