// Remediation items as they stand now: the knowledge's YAML is the base, the changes admins recorded with
// /remediation update (read from the store on every answer, so they outlive reloads and restarts) the overlay on it.
import { remediationStatuses, type Remediation } from "../knowledge/schema.js";
import { say, type Lang } from "../locale.js";
import type { RemediationUpdate } from "../../store/store.js";

/** What the latest changes of one item say: each field's latest value, and the latest change of any field. */
export interface ItemState {
  status?: Remediation["status"];
  owner?: string;
  due?: string;
  last: RemediationUpdate;
}

/** Item key → its recorded state. */
export type RemediationOverlay = ReadonlyMap<string, ItemState>;

/** A remediation item with the overlay applied, and the change that last touched it. */
export type CurrentRemediation = Remediation & { changed?: RemediationUpdate };

const isStatus = (value: string): value is Remediation["status"] => (remediationStatuses as readonly string[]).includes(value);

/** The overlay the changes (oldest first) make; a status the schema no longer knows is passed over. */
export function overlayOf(updates: readonly RemediationUpdate[]): Map<string, ItemState> {
  const overlay = new Map<string, ItemState>();
  for (const u of updates) {
    const state: ItemState = { ...overlay.get(u.item), last: u };
    if (u.field === "status") {
      if (!isStatus(u.value)) continue;
      state.status = u.value;
    } else state[u.field] = u.value;
    overlay.set(u.item, state);
  }
  return overlay;
}

export function currentOf(r: Remediation, overlay: RemediationOverlay | undefined): CurrentRemediation {
  const s = overlay?.get(r.key);
  if (!s) return r;
  return { ...r, ...(s.status ? { status: s.status } : {}), ...(s.owner ? { owner: s.owner } : {}), ...(s.due ? { due: s.due } : {}), changed: s.last };
}

/** Who made a change: their display name, else platform:id. */
export const whoOf = (u: RemediationUpdate): string => u.by.name ?? `${u.by.platform}:${u.by.id}`;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "2 days ago", "3 hours ago", "just now" (a change the clock puts in the future, too: a clock set back). */
export function ago(at: Date, now: Date, lang: Lang): string {
  const ms = now.getTime() - at.getTime();
  const [n, ko, en] = ms >= DAY ? [Math.floor(ms / DAY), "일", "day"] : ms >= HOUR ? [Math.floor(ms / HOUR), "시간", "hour"] : ms >= MINUTE ? [Math.floor(ms / MINUTE), "분", "minute"] : [0, "", ""];
  if (n === 0) return say(lang, { ko: "방금", en: "just now" });
  return say(lang, { ko: `${n}${ko} 전`, en: `${n} ${en}${n === 1 ? "" : "s"} ago` });
}

/** "changed 2 days ago by Alice". */
export const changedNote = (u: RemediationUpdate, now: Date, lang: Lang): string =>
  say(lang, { ko: `${ago(u.at, now, lang)} ${whoOf(u)}이(가) 변경`, en: `changed ${ago(u.at, now, lang)} by ${whoOf(u)}` });

/** Today's date (YYYY-MM-DD) in a time zone; UTC when the zone is not one Intl knows (a fixed offset label). */
export function todayIn(now: Date, timeZone: string | undefined): string {
  try {
    return new Intl.DateTimeFormat("en-CA", { timeZone: timeZone ?? "UTC", year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
  } catch {
    return now.toISOString().slice(0, 10);
  }
}

/** Whole days from one YYYY-MM-DD date to another. */
export const daysBetween = (from: string, to: string): number => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);
