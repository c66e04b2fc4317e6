import { say, type Lang, type Localized } from "../locale.js";
import { inert } from "../markdown.js";
import { remediationStatuses, type Knowledge, type Remediation } from "../knowledge/schema.js";
import { defineCommand } from "./command.js";
import { findKeys } from "./find.js";
import { cite, personName, suggest } from "./format.js";

const STATUS: Record<Remediation["status"], Localized> = {
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
            `${say(lang, { ko: "발표", en: "presented by" })} ${personName(k, r.presented_by, lang)}`,
            ...(r.owner ? [`${say(lang, { ko: "담당", en: "owner" })} ${personName(k, r.owner, lang)}`] : []),
            STATUS[r.status][lang],
            ...(r.due ? [`${say(lang, { ko: "기한", en: "due" })} ${r.due}`] : []),
          ];
          return `- ${r.text[lang]} (${extra.join(", ")})`;
        }),
      ].join("\n"),
    )
    .join("\n\n");
}

export const remediation = defineCommand({
  spec: {
    name: "remediation",
    description: { ko: "재발방지 대책: 영역별 항목과 발표자", en: "Recurrence-prevention items by area, with who presented them" },
    options: [{ name: "area", description: { ko: "영역, 상태 또는 낱말 (예: 모니터링, 이중화)", en: "Area, status or a word (e.g. monitoring, redundancy)" }, autocomplete: true }],
    aliases: ["재발방지"],
    example: "모니터링",
  },
  routes: [
    {
      words: ["재발방지", "재발방지대책", "재발", "방지", "대책", "remediation", "개선", "개선사항", "measures", "improvements", "prevent", "prevention", "recurrence"],
    },
  ],
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
        title: say(lang, { ko: "해당 재발방지 항목 없음", en: "No matching remediation items" }),
        body: say(lang, {
          ko: `지식에 ‘${inert(area ?? "")}’에 해당하는 재발방지 항목이 없습니다. 영역: ${areas.join(", ")}`,
          en: `The knowledge has no remediation items for “${inert(area ?? "")}”. Areas: ${areas.join(", ")}`,
        }),
        suggestions: areas.slice(0, 4).map((a) => suggest(a, "remediation", { area: a })),
      };
    }
    const title = area
      ? say(lang, { ko: `재발방지 대책: ${area}`, en: `Remediation: ${area}` })
      : say(lang, { ko: `재발방지 대책 ${items.length}개`, en: `${items.length} remediation items` });
    return {
      title,
      body: grouped(k, items, lang),
      citations: cite(k, items),
      suggestions: area
        ? [suggest(say(lang, { ko: "전체 대책", en: "All items" }), "remediation")]
        : [suggest(say(lang, { ko: "예산", en: "Budget" }), "budget")],
    };
  },
  autocomplete(snapshot, _option, typed, lang) {
    const areas = [...new Set([...snapshot.knowledge.remediation.values()].map((r) => r.area[lang]))];
    const t = typed.trim().toLowerCase();
    return areas.filter((a) => !t || a.toLowerCase().includes(t)).map((a) => ({ name: a, value: a }));
  },
});
