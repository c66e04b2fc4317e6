import { draftOf } from "../answers/compose.js";
import { suggest } from "../answers/format.js";
import { remediationPart } from "../answers/incident.js";
import { currentOf } from "../answers/remediation-state.js";
import { say } from "../locale.js";
import { inert } from "../markdown.js";
import { Reader } from "../understand/read.js";
import { defineCommand } from "./command.js";
import { history, overdue, statusOf, subcommandChoices, subcommandOf, update } from "./remediation-updates.js";

export const remediation = defineCommand({
  spec: {
    name: "remediation",
    description: { ko: "재발방지 대책: 영역별 항목과 발표자", en: "Recurrence-prevention items by area, with who presented them" },
    options: [
      {
        name: "area",
        description: { ko: "영역, 상태 또는 낱말; overdue, history <항목>, update <항목> status|owner|due <값>", en: "Area, status or word; overdue, history <item>, update <item> status|owner|due <value>" },
        autocomplete: true,
      },
    ],
    aliases: ["재발방지"],
    example: "모니터링",
  },
  routes: [{ words: ["재발방지", "재발방지대책", "대책", "remediation", "개선사항", "measures", "improvements", "prevention", "recurrence"] }],
  run(ctx, { area }) {
    const { snapshot, lang, scope } = ctx;
    const sub = subcommandOf(area);
    if (sub?.sub === "update") return update(ctx, sub.rest);
    if (sub?.sub === "history") return history(ctx, sub.rest);
    if (sub?.sub === "overdue") return overdue(ctx);
    const all = [...snapshot.knowledge.remediation.values()].filter((r) => scope.events.includes(r.event));
    let items = all;
    if (area) {
      const status = statusOf(area);
      const byArea = all.filter((r) => [r.area.ko, r.area.en].some((a) => a.toLowerCase() === area.trim().toLowerCase()));
      // Any other words: the items they find.
      const topics = new Reader(snapshot).read(area).clauses.flatMap((c) => c.topics);
      const found = topics.length
        ? snapshot.index.search(topics.map((t) => ({ terms: t.terms })), { kinds: ["remediation"], keep: (ref) => scope.events.includes(ref.event) }).filter((h) => h.covered === topics.length).map((h) => h.ref.key)
        : [];
      items = status ? all.filter((r) => currentOf(r, scope.remediation).status === status) : byArea.length ? byArea : all.filter((r) => found.includes(r.key));
    }
    if (items.length === 0) {
      const areas = [...new Set(all.map((r) => r.area[lang]))];
      return {
        answered: false,
        title: say(lang, { ko: "해당 재발방지 항목 없음", en: "No matching remediation items" }),
        body: say(lang, {
          ko: `지식에 ‘${inert(area ?? "")}’에 해당하는 재발방지 항목이 없습니다. 영역: ${areas.map(inert).join(", ")}`,
          en: `The knowledge has no remediation items for “${inert(area ?? "")}”. Areas: ${areas.map(inert).join(", ")}`,
        }),
        suggestions: areas.slice(0, 4).map((a) => suggest(a, "remediation", { area: a })),
      };
    }
    const title = area ? say(lang, { ko: `재발방지 대책: ${area}`, en: `Remediation: ${area}` }) : undefined;
    const draft = draftOf(snapshot, [remediationPart({ snapshot, lang, scope, aspects: [], stated: [] }, items, title)]);
    return {
      ...draft,
      suggestions: area ? [suggest(say(lang, { ko: "전체 대책", en: "All items" }), "remediation")] : [suggest(say(lang, { ko: "예산", en: "Budget" }), "budget")],
    };
  },
  autocomplete(snapshot, scope, _option, typed, lang) {
    const sub = subcommandChoices(snapshot, scope, typed, lang);
    if (sub) return sub;
    const areas = [...new Set([...snapshot.knowledge.remediation.values()].filter((r) => scope.events.includes(r.event)).map((r) => r.area[lang]))];
    const t = typed.trim().toLowerCase();
    return areas.filter((a) => !t || a.toLowerCase().includes(t)).map((a) => ({ name: a, value: a }));
  },
});
