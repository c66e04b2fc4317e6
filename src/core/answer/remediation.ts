import type { Lang } from "../answer.js";
import type { CommandModule } from "../commands.js";
import { remediationStatuses, type Knowledge, type Remediation } from "../knowledge/schema.js";
import { findKeys } from "./find.js";
import { cite, personName, suggest } from "./format.js";

const STATUS: Record<Remediation["status"], { ko: string; en: string }> = {
  announced: { ko: "발표됨", en: "announced" },
  planned: { ko: "계획", en: "planned" },
  in_progress: { ko: "진행 중", en: "in progress" },
  done: { ko: "완료", en: "done" },
};

function statusFilter(text: string): Remediation["status"] | undefined {
  const t = text.trim().toLowerCase().replace(/[\s-]+/g, "_");
  return remediationStatuses.find((s) => s === t || STATUS[s].ko === text.trim() || STATUS[s].en.replace(/ /g, "_") === t);
}

/** Items grouped by area, each with who presented it (and owner, status, due date when known). */
function grouped(k: Knowledge, items: Remediation[], lang: Lang): string {
  const areas = new Map<string, Remediation[]>();
  for (const r of items) areas.set(r.area[lang], [...(areas.get(r.area[lang]) ?? []), r]);
  return [...areas]
    .map(([area, rs]) =>
      [
        `**${area}**`,
        ...rs.map((r) => {
          const extra = [
            `${lang === "ko" ? "발표" : "presented by"} ${personName(k, r.presented_by, lang)}`,
            ...(r.owner ? [`${lang === "ko" ? "담당" : "owner"} ${personName(k, r.owner, lang)}`] : []),
            STATUS[r.status][lang],
            ...(r.due ? [`${lang === "ko" ? "기한" : "due"} ${r.due}`] : []),
          ];
          return `- ${r.text[lang]} (${extra.join(", ")})`;
        }),
      ].join("\n"),
    )
    .join("\n\n");
}

export const remediation: CommandModule = {
  spec: {
    name: "remediation",
    description: { ko: "재발방지 대책: 영역별 항목과 발표자", en: "Recurrence-prevention items by area, with who presented them" },
    options: [{ name: "area", description: { ko: "영역, 상태 또는 낱말 (예: 모니터링, 이중화)", en: "Area, status or a word (e.g. monitoring, redundancy)" }, autocomplete: true }],
    example: "모니터링",
  },
  run({ snapshot, lang }, { area }) {
    const k = snapshot.knowledge;
    const all = [...k.remediation.values()];
    let items = all;
    if (area) {
      const status = statusFilter(area);
      const byArea = all.filter((r) => [r.area.ko, r.area.en].some((a) => a.toLowerCase() === area.toLowerCase()));
      items = status ? all.filter((r) => r.status === status) : byArea.length ? byArea : findKeys(snapshot, "remediation", area).keys.map((key) => k.remediation.get(key)!);
    }
    if (items.length === 0) {
      const areas = [...new Set(all.map((r) => r.area[lang]))];
      return {
        answered: false,
        title: lang === "ko" ? "해당 재발방지 항목 없음" : "No matching remediation items",
        body:
          (lang === "ko" ? `지식에 ‘${area}’에 해당하는 재발방지 항목이 없습니다. 영역: ` : `The knowledge has no remediation items for “${area}”. Areas: `) +
          areas.join(", "),
        suggestions: areas.slice(0, 4).map((a) => suggest(a, "remediation", { area: a })),
      };
    }
    const title = area
      ? lang === "ko" ? `재발방지 대책: ${area}` : `Remediation: ${area}`
      : lang === "ko" ? `재발방지 대책 ${items.length}개` : `${items.length} remediation items`;
    return {
      title,
      body: grouped(k, items, lang),
      citations: cite(k, items),
      suggestions: area ? [suggest(lang === "ko" ? "전체 대책" : "All items", "remediation")] : [suggest(lang === "ko" ? "예산" : "Budget", "budget")],
    };
  },
  autocomplete(snapshot, _option, typed, lang) {
    const areas = [...new Set([...snapshot.knowledge.remediation.values()].map((r) => r.area[lang]))];
    const t = typed.trim().toLowerCase();
    return areas.filter((a) => !t || a.toLowerCase().includes(t)).map((a) => ({ name: a, value: a }));
  },
};
