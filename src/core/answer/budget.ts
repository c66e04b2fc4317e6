import type { CommandModule } from "../commands.js";
import { cite, formatWon, suggest } from "./format.js";

export const budget: CommandModule = {
  spec: {
    name: "budget",
    description: { ko: "재발방지 투자 예산: 총액과 쓰이는 곳", en: "The recurrence-prevention budget: the total and what it covers" },
    options: [],
  },
  run({ snapshot: { knowledge: k }, lang }) {
    const b = k.budget;
    if (!b) {
      return {
        answered: false,
        title: lang === "ko" ? "예산 정보 없음" : "No budget information",
        body: lang === "ko" ? "지식에 예산 정보가 없습니다." : "The knowledge holds no budget.",
        suggestions: [suggest("/event", "event")],
      };
    }
    const items = b.items.map((i) => `- ${i.text[lang]}`).join("\n");
    const split =
      b.split?.[lang] ??
      (lang === "ko"
        ? "기사는 총액만 밝히고 항목별 배분은 밝히지 않았습니다."
        : "The article gives only the total, not how it is split between these items.");
    return {
      title: lang === "ko" ? `예산: 총 ${formatWon(b.total, lang)}` : `Budget: ${formatWon(b.total, lang)} in total`,
      body:
        lang === "ko"
          ? `카카오는 총 **${formatWon(b.total, lang)}**의 예산을 투입해 다음에 쓴다고 설명했습니다.\n${items}\n\n${split}`
          : `Kakao said it is putting **${formatWon(b.total, lang)}** in total into:\n${items}\n\n${split}`,
      fields: [{ name: lang === "ko" ? "총액" : "Total", value: formatWon(b.total, lang), inline: true }],
      citations: cite(k, [b]),
      suggestions: [suggest(lang === "ko" ? "재발방지 대책" : "Remediation items", "remediation"), suggest(lang === "ko" ? "고우찬" : "Ko Woo-chan", "speaker", { name: lang === "ko" ? "고우찬" : "Ko Woo-chan" })],
    };
  },
};
