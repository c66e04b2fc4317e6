// Answers about an incident's knowledge: the budget (its total, what it covers, and what the source does not say —
// a split), the remediation items and who presented them, and the facts and related headlines.
import type { Budget, Fact, Remediation } from "../knowledge/schema.js";
import { formatWon, say, type Localized } from "../locale.js";
import { inert } from "../markdown.js";
import { personName, suggest } from "./format.js";
import type { Part, PartContext } from "./part.js";
import { quantitiesIn } from "./quantities.js";
import { changedNote, currentOf, type CurrentRemediation } from "./remediation-state.js";

/** The budget: its total and items; what the source says (or does not say) about splitting it. With `about` (a
 * part of it the question named: 이중화, 안산, DR), the answer says that the source gives no amount for that part. */
export function budgetPart(ctx: PartContext, b: Budget, about: readonly string[] = []): Part {
  const { lang } = ctx;
  const total = formatWon(b.total, lang);
  const items = b.items.map((i) => `- ${inert(i.text[lang])}`).join("\n");
  const split =
    b.split?.[lang] ??
    say(lang, { ko: "출처는 총액만 밝히고 항목별 배분은 밝히지 않았습니다.", en: "The source gives only the total, not how it is split between these items." });
  const part = about.length
    ? say(lang, {
        ko: `${inert(about.join(", "))}에 얼마가 쓰이는지는 밝히지 않았습니다. 총액만 알려져 있습니다.\n\n`,
        en: `How much of it goes to ${inert(about.join(", "))} is not given: only the total is known.\n\n`,
      })
    : "";
  return {
    title: say(lang, { ko: `예산: 총 ${total}`, en: `Budget: ${total} in total` }),
    body: `${part}${say(lang, { ko: `총 **${total}**의 예산을 투입해 다음에 쓴다고 설명했습니다.`, en: `**${total}** in total is being put into:` })}\n${items}\n\n${split}`,
    fields: [{ name: say(lang, { ko: "총액", en: "Total" }), value: total, inline: true }],
    cited: [b],
    suggestions: [suggest(say(lang, { ko: "재발방지 대책", en: "Remediation items" }), "remediation")],
    answered: true,
    facts: { amount: b.total, text: b.items.map((i) => `${i.text.ko} ${i.text.en}`).join(" ") },
    about: { kind: "budget", keys: [b.key] },
  };
}

const STATUS: Record<Remediation["status"], Localized> = {
  announced: { ko: "발표됨", en: "announced" },
  planned: { ko: "계획", en: "planned" },
  in_progress: { ko: "진행 중", en: "in progress" },
  done: { ko: "완료", en: "done" },
};
export const statusLabel = (status: Remediation["status"]): Localized => STATUS[status];

/** Items grouped by area, each with who presented it (and owner, status, due date when known): as the latest
 * /remediation update left them, with when and by whom, over what the knowledge says. */
export function remediationPart(ctx: PartContext, items: readonly Remediation[], title?: string): Part {
  const { lang } = ctx;
  const k = ctx.snapshot.knowledge;
  const areas = new Map<string, CurrentRemediation[]>();
  const current = items.map((r) => currentOf(r, ctx.scope.remediation));
  for (const r of current) areas.set(r.area[lang], [...(areas.get(r.area[lang]) ?? []), r]);
  const body = [...areas]
    .map(([area, rs]) =>
      [
        `**${inert(area)}**`,
        ...rs.map((r) => {
          const extra = [
            `${say(lang, { ko: "발표", en: "presented by" })} ${inert(personName(k, r.presented_by, lang))}`,
            ...(r.owner ? [`${say(lang, { ko: "담당", en: "owner" })} ${inert(personName(k, r.owner, lang))}`] : []),
            STATUS[r.status][lang],
            ...(r.due ? [`${say(lang, { ko: "기한", en: "due" })} ${r.due}`] : []),
            ...(r.changed ? [inert(changedNote(r.changed, ctx.scope.now, lang))] : []),
          ];
          return `- ${inert(r.text[lang])} (${extra.join(", ")})`;
        }),
      ].join("\n"),
    )
    .join("\n\n");
  return {
    title: title ?? say(lang, { ko: `재발방지 대책 ${items.length}개`, en: `${items.length} remediation items` }),
    body,
    cited: [...items],
    suggestions: [suggest(say(lang, { ko: "예산", en: "Budget" }), "budget")],
    answered: items.length > 0,
    facts: { count: items.length, people: [...new Set(current.flatMap((r) => [r.presented_by, ...(r.owner && k.people.has(r.owner) ? [r.owner] : [])]))], text: items.map((r) => `${r.text.ko} ${r.text.en} ${r.area.ko} ${r.area.en}`).join(" ") },
    about: { kind: "remediation", keys: items.map((r) => r.key) },
  };
}

export function factPart(ctx: PartContext, f: Fact): Part {
  const { lang } = ctx;
  const publisher = ctx.snapshot.knowledge.sources.get(f.source)?.publisher;
  return {
    title: f.headline ? say(lang, { ko: "관련 기사 제목", en: "Related headline" }) : say(lang, { ko: "지식에 따르면", en: "From the knowledge" }),
    body: f.headline
      ? `${inert(f.text[lang])}\n\n${say(lang, {
          ko: `기사 본문이 아니라 ${publisher ?? "기사"} 아래에 실린 관련기사의 제목입니다.`,
          en: `This is a headline listed under the ${publisher ?? "article"} article, not part of its reporting.`,
        })}`
      : inert(f.text[lang]),
    cited: [f],
    answered: true,
    facts: { text: `${f.text.ko} ${f.text.en}`, quantities: quantitiesIn(f.text.ko) },
    about: { kind: "fact", keys: [f.key] },
  };
}
