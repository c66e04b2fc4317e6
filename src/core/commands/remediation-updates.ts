// Follow-up tracking for /remediation: `update <item> status|owner|due <value>` (admins) records a change in the store,
// with who made it and when (the bot's clock); `overdue` lists the items past their due date and not done; `history
// <item>` shows an item's changes. The knowledge's YAML stays the base; the changes are an overlay read from the store.

import { personName, suggest } from "../answers/format.js";
import { statusLabel } from "../answers/incident.js";
import { changedNote, currentOf, daysBetween, overlayOf, todayIn } from "../answers/remediation-state.js";
import type { Scope } from "../answers/subject.js";
import { remediationStatuses, type Remediation } from "../knowledge/schema.js";
import { say, type Lang } from "../locale.js";
import { inert } from "../markdown.js";
import type { Snapshot } from "../snapshot/snapshot.js";
import { squash } from "../text.js";
import type { RemediationField, RemediationUpdate } from "../../store/store.js";
import type { Choice, CommandContext, Draft } from "./command.js";

/** The words that start a subcommand, in either language. */
const SUBCOMMANDS = {
  update: ["update", "업데이트", "변경"],
  overdue: ["overdue", "기한초과", "지연"],
  history: ["history", "이력", "기록"],
} as const;
export type Subcommand = keyof typeof SUBCOMMANDS;

const FIELDS: Record<RemediationField, readonly string[]> = {
  status: ["status", "상태"],
  owner: ["owner", "담당", "담당자"],
  due: ["due", "기한", "마감"],
};

const USAGE = "`/remediation update <item> status|owner|due <value>`";

/** The subcommand a /remediation argument starts with, and the rest of it; undefined for an area, status or words. */
export function subcommandOf(text: string | undefined): { sub: Subcommand; rest: string } | undefined {
  const m = text?.trim().match(/^(\S+)(?:\s+([\s\S]*))?$/);
  if (!m) return undefined;
  const word = m[1].toLowerCase();
  const sub = (Object.keys(SUBCOMMANDS) as Subcommand[]).find((s) => (SUBCOMMANDS[s] as readonly string[]).includes(word));
  return sub ? { sub, rest: (m[2] ?? "").trim() } : undefined;
}

/** A status typed in either language ("in progress", "진행 중", "in_progress"). */
export function statusOf(text: string): Remediation["status"] | undefined {
  const t = text.trim().toLowerCase().replace(/[\s-]+/g, "_");
  return remediationStatuses.find((s) => s === t || statusLabel(s).ko.replace(/\s/g, "") === text.replace(/\s/g, "") || statusLabel(s).en.replace(/ /g, "_") === t);
}

const inScope = (snapshot: Snapshot, scope: Scope) => [...snapshot.knowledge.remediation.values()].filter((r) => scope.events.includes(r.event));

/** How an item is typed: its id, or its key when another event has an item with the same id. */
function refOf(snapshot: Snapshot, r: Remediation): string {
  return [...snapshot.knowledge.remediation.values()].filter((o) => o.id === r.id).length > 1 ? r.key : r.id;
}

/** The items `text` names: a key, an id, a name in either language; else the items its words find, when one. */
export function findItems(snapshot: Snapshot, scope: Scope, text: string): Remediation[] {
  const items = inScope(snapshot, scope);
  const t = text.trim().toLowerCase();
  const direct = items.filter((r) => r.key === t || r.id === t);
  if (direct.length) return direct;
  const s = squash(text);
  const named = items.filter((r) => squash(r.text.ko) === s || squash(r.text.en) === s);
  if (named.length || !s) return named;
  const words = text.trim().split(/\s+/).map((w) => ({ terms: [squash(w)] }));
  const hits = snapshot.index.search(words, { kinds: ["remediation"], keep: (ref) => scope.events.includes(ref.event), limit: 25 });
  const found = hits.filter((h) => h.covered === words.length).map((h) => h.ref.key);
  return items.filter((r) => found.includes(r.key));
}

const notice = (lang: Lang, title: { ko: string; en: string }, body: { ko: string; en: string }, extra: Partial<Draft> = {}): Draft => ({
  answered: false,
  private: true,
  title: say(lang, title),
  body: say(lang, body),
  ...extra,
});

const itemList = (snapshot: Snapshot, items: readonly Remediation[], lang: Lang) => items.map((r) => `- \`${refOf(snapshot, r)}\` — ${inert(r.text[lang])}`).join("\n");

/** The one item `text` names, or the answer saying which ones there are. */
function oneItem(ctx: CommandContext, text: string): Remediation | Draft {
  const { snapshot, scope, lang } = ctx;
  const found = text ? findItems(snapshot, scope, text) : [];
  if (found.length === 1) return found[0];
  const list = found.length > 1 ? found : inScope(snapshot, scope);
  return notice(
    lang,
    found.length > 1 ? { ko: "어느 항목인가요?", en: "Which item?" } : { ko: "알 수 없는 재발방지 항목", en: "Unknown remediation item" },
    found.length > 1
      ? { ko: `‘${inert(text)}’에 해당하는 항목이 여럿입니다. id로 골라 주세요:\n${itemList(snapshot, list, "ko")}`, en: `“${inert(text)}” fits several items. Please pick one by its id:\n${itemList(snapshot, list, "en")}` }
      : { ko: `‘${inert(text)}’은(는) 재발방지 항목이 아닙니다. 항목 (id 또는 이름):\n${itemList(snapshot, list, "ko")}`, en: `“${inert(text)}” is not a remediation item. The items (id or name):\n${itemList(snapshot, list, "en")}` },
  );
}

const isDraft = (x: Remediation | Draft): x is Draft => "title" in x;

/** A real calendar date written YYYY-MM-DD. */
export function dateOf(text: string): string | undefined {
  const t = text.trim();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(t)) return undefined;
  const d = new Date(`${t}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === t ? t : undefined;
}

/** An owner: the person the knowledge names (their key), else the name as typed. */
function ownerOf(snapshot: Snapshot, scope: Scope, text: string): string {
  const t = text.trim();
  const k = snapshot.knowledge;
  const people = [...k.people.values()].filter((p) => scope.events.includes(p.event));
  const byId = people.filter((p) => p.key === t || p.id === t.toLowerCase());
  if (byId.length === 1) return byId[0].key;
  const named = (snapshot.tables.names.get(squash(t)) ?? []).filter((n) => n.kind === "person" && people.some((p) => p.key === n.key));
  const keys = [...new Set(named.map((n) => n.key))];
  return keys.length === 1 ? keys[0] : t;
}

/** A field's value as shown: a status's label, an owner's name, a date. */
function shown(snapshot: Snapshot, field: RemediationField, value: string | undefined, lang: Lang): string {
  if (value === undefined) return say(lang, { ko: "없음", en: "none" });
  if (field === "status") return (remediationStatuses as readonly string[]).includes(value) ? statusLabel(value as Remediation["status"])[lang] : value;
  if (field === "owner") return inert(personName(snapshot.knowledge, value, lang));
  return value;
}

const FIELD_LABEL: Record<RemediationField, { ko: string; en: string }> = {
  status: { ko: "상태", en: "status" },
  owner: { ko: "담당", en: "owner" },
  due: { ko: "기한", en: "due" },
};

const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

export async function update(ctx: CommandContext, rest: string): Promise<Draft> {
  const { snapshot, scope, lang, request, store } = ctx;
  if (!request.user.isAdmin) {
    return notice(lang, { ko: "관리자 전용 명령", en: "Admins only" }, { ko: "재발방지 항목은 관리자만 업데이트할 수 있습니다.", en: "Only admins can update remediation items." }, { meta: true });
  }
  const words = Object.values(FIELDS).flat().join("|");
  const m = rest.match(new RegExp(`^([\\s\\S]+?)\\s+(${words})\\s+([\\s\\S]+)$`, "i"));
  if (!m) {
    return notice(lang, { ko: "/remediation update: 쓰는 법", en: "/remediation update: usage" }, {
      ko: `${USAGE}\n항목은 id 또는 이름, 상태는 ${remediationStatuses.map((s) => `\`${s}\``).join(", ")}, 기한은 YYYY-MM-DD입니다. 예: \`/remediation update bcp-dr status in_progress\``,
      en: `${USAGE}\nThe item is its id or name; a status is one of ${remediationStatuses.map((s) => `\`${s}\``).join(", ")}; a due date is YYYY-MM-DD. E.g. \`/remediation update bcp-dr status in_progress\``,
    }, { meta: true });
  }
  const field = (Object.keys(FIELDS) as RemediationField[]).find((f) => FIELDS[f].includes(m[2].toLowerCase()))!;
  const item = oneItem(ctx, m[1]);
  if (isDraft(item)) return { ...item, meta: true };
  const typed = m[3].trim();
  let value: string | undefined;
  if (field === "status") {
    value = statusOf(typed);
    if (!value) {
      const valid = remediationStatuses.map((s) => (statusLabel(s)[lang].replace(/ /g, "_") === s ? `\`${s}\`` : `\`${s}\` (${statusLabel(s)[lang]})`)).join(", ");
      return notice(lang, { ko: "알 수 없는 상태", en: "Unknown status" }, { ko: `‘${inert(typed)}’은(는) 상태가 아닙니다. 쓸 수 있는 상태: ${valid}`, en: `“${inert(typed)}” is not a status. The statuses: ${valid}` }, {
        meta: true,
        suggestions: remediationStatuses.map((s) => suggest(s, "remediation", { area: `update ${refOf(snapshot, item)} status ${s}` })),
      });
    }
  } else if (field === "due") {
    value = dateOf(typed);
    if (!value) {
      return notice(lang, { ko: "알 수 없는 날짜", en: "Unknown date" }, {
        ko: `‘${inert(typed)}’은(는) 날짜가 아닙니다. 기한은 YYYY-MM-DD로 씁니다 (예: ${todayIn(scope.now, snapshot.knowledge.events.get(item.event)?.timezone)}).`,
        en: `“${inert(typed)}” is not a date. Write the due date YYYY-MM-DD (e.g. ${todayIn(scope.now, snapshot.knowledge.events.get(item.event)?.timezone)}).`,
      }, { meta: true });
    }
  } else value = ownerOf(snapshot, scope, typed).slice(0, 200);
  const before = currentOf(item, scope.remediation)[field];
  const reason = !store ? say(lang, { ko: "이 봇에는 저장소가 없습니다", en: "this bot has no store" }) : undefined;
  if (!reason) {
    try {
      await store!.recordRemediationUpdate({ item: item.key, field, value, at: scope.now, by: { platform: request.user.platform, id: request.user.id, ...(request.user.name ? { name: request.user.name } : {}) } });
    } catch (error) {
      return couldNotRecord(lang, reasonOf(error));
    }
  } else return couldNotRecord(lang, reason);
  const label = FIELD_LABEL[field][lang];
  return {
    answered: true,
    private: true,
    meta: true,
    title: say(lang, { ko: "재발방지 항목 업데이트", en: "Remediation item updated" }),
    body: say(lang, {
      ko: `**${inert(item.text.ko)}** (\`${refOf(snapshot, item)}\`): ${label} ${shown(snapshot, field, before, lang)} → **${shown(snapshot, field, value, lang)}**\n${inert(request.user.name ?? `${request.user.platform}:${request.user.id}`)}이(가) 기록함.`,
      en: `**${inert(item.text.en)}** (\`${refOf(snapshot, item)}\`): ${label} ${shown(snapshot, field, before, lang)} → **${shown(snapshot, field, value, lang)}**\nRecorded by ${inert(request.user.name ?? `${request.user.platform}:${request.user.id}`)}.`,
    }),
    suggestions: [suggest(say(lang, { ko: "이력", en: "History" }), "remediation", { area: `history ${refOf(snapshot, item)}` })],
  };
}

const couldNotRecord = (lang: Lang, reason: string): Draft =>
  notice(lang, { ko: "기록하지 못했습니다", en: "Not recorded" }, { ko: `기록하지 못했습니다: ${inert(reason)}`, en: `could not record: ${inert(reason)}` }, { meta: true });

export async function history(ctx: CommandContext, rest: string): Promise<Draft> {
  const { snapshot, scope, lang, store } = ctx;
  const item = oneItem(ctx, rest);
  if (isDraft(item)) return item;
  let updates: RemediationUpdate[] = [];
  if (store) {
    try {
      updates = await store.remediationUpdates(item.key);
    } catch (error) {
      return notice(lang, { ko: "이력을 읽지 못했습니다", en: "The history could not be read" }, { ko: `이력을 읽지 못했습니다: ${inert(reasonOf(error))}`, en: `could not read the history: ${inert(reasonOf(error))}` });
    }
  }
  const title = say(lang, { ko: `이력: ${item.text.ko}`, en: `History: ${item.text.en}` });
  const base = (Object.keys(FIELD_LABEL) as RemediationField[]).map((f) => `${FIELD_LABEL[f][lang]} ${shown(snapshot, f, item[f], lang)}`).join(", ");
  const known = say(lang, { ko: `지식(YAML)의 값: ${base}`, en: `From the knowledge (YAML): ${base}` });
  if (!updates.length) {
    return { answered: true, title, body: `${known}\n\n${say(lang, { ko: "기록된 변경이 없습니다.", en: "No changes recorded." })}` };
  }
  // Each change from the value before it: the YAML's, or the change before.
  const values: Partial<Record<RemediationField, string>> = { status: item.status, ...(item.owner ? { owner: item.owner } : {}), ...(item.due ? { due: item.due } : {}) };
  const lines = updates.map((u) => {
    const from = values[u.field];
    values[u.field] = u.value;
    const when = `${u.at.toISOString().slice(0, 16).replace("T", " ")} UTC`;
    return `- ${when} — ${FIELD_LABEL[u.field][lang]}: ${shown(snapshot, u.field, from, lang)} → ${shown(snapshot, u.field, u.value, lang)}, ${inert(changedNote(u, scope.now, lang))}`;
  });
  const now = currentOf(item, overlayOf(updates));
  const current = (Object.keys(FIELD_LABEL) as RemediationField[]).map((f) => `${FIELD_LABEL[f][lang]} ${shown(snapshot, f, now[f], lang)}`).join(", ");
  return {
    answered: true,
    title,
    body: `${known}\n\n${lines.join("\n")}\n\n${say(lang, { ko: `현재: ${current}`, en: `Now: ${current}` })}`,
  };
}

export function overdue(ctx: CommandContext): Draft {
  const { snapshot, scope, lang } = ctx;
  const k = snapshot.knowledge;
  const items = inScope(snapshot, scope).map((r) => currentOf(r, scope.remediation));
  const late = items
    .map((r) => ({ r, today: todayIn(scope.now, k.events.get(r.event)?.timezone) }))
    .filter(({ r, today }) => r.due !== undefined && r.due < today && r.status !== "done")
    .sort((a, b) => a.r.due!.localeCompare(b.r.due!));
  const dated = items.filter((r) => r.due).length;
  if (!late.length) {
    return {
      answered: true,
      title: say(lang, { ko: "기한이 지난 재발방지 항목 없음", en: "No remediation item is overdue" }),
      body: say(lang, { ko: `기한이 있는 항목 ${dated}개 중 기한이 지났는데 완료되지 않은 항목은 없습니다.`, en: `Of the ${dated} item(s) with a due date, none is past it and not done.` }),
    };
  }
  const lines = late.map(({ r, today }) => {
    const days = daysBetween(r.due!, today);
    const extra = [
      ...(r.owner ? [`${say(lang, { ko: "담당", en: "owner" })} ${inert(personName(k, r.owner, lang))}`] : []),
      statusLabel(r.status)[lang],
      say(lang, { ko: `기한 ${r.due} (${days}일 지남)`, en: `due ${r.due} (${days} day${days === 1 ? "" : "s"} overdue)` }),
      ...(r.changed ? [inert(changedNote(r.changed, scope.now, lang))] : []),
    ];
    return `- ${inert(r.text[lang])} \`${refOf(snapshot, r)}\` (${extra.join(", ")})`;
  });
  return {
    answered: true,
    title: say(lang, { ko: `기한이 지난 재발방지 항목 ${late.length}개`, en: `${late.length} overdue remediation item(s)` }),
    body: lines.join("\n"),
  };
}

/** Autocomplete for a subcommand: the subcommands as they are typed, then the items for update and history. */
export function subcommandChoices(snapshot: Snapshot, scope: Scope, typed: string, lang: Lang): Choice[] | undefined {
  const t = typed.trim().toLowerCase();
  const sub = subcommandOf(typed);
  if (!sub || (!/\s/.test(typed.trim()) && !typed.endsWith(" "))) {
    const starts = (Object.keys(SUBCOMMANDS) as Subcommand[]).filter((s) => t.length > 0 && s.startsWith(t));
    return starts.length ? starts.map((s) => ({ name: s, value: s })) : undefined;
  }
  if (sub.sub === "overdue") return [{ name: "overdue", value: "overdue" }];
  const item = sub.rest.toLowerCase();
  const items = inScope(snapshot, scope).filter((r) => !item || r.id.includes(item) || r.text[lang].toLowerCase().includes(item) || r.text.ko.includes(sub.rest));
  return items.map((r) => {
    const name = `${sub.sub} ${refOf(snapshot, r)} — ${r.text[lang]}`;
    return { name: name.length > 100 ? `${name.slice(0, 99)}…` : name, value: `${sub.sub} ${refOf(snapshot, r)}` };
  });
}
