// Times in a schedule: reading ISO date-times with their offsets, the offset of an IANA zone at an instant, and
// the names people read a time in (KST, CET/CEST …). Formatters are built once per zone and offsets are
// remembered per quarter hour, so thousands of events cost a few dozen Intl calls.

/** A wall-clock date and time as written, with the UTC offset in minutes when one was written. */
export interface WrittenTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  offset?: number;
}

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/** A date-time as written, or why it is not one. Date.parse alone would roll 02-30 over to March. */
export function readDateTime(s: string): WrittenTime | { problem: string } {
  const m = DATE_TIME.exec(s.trim());
  if (!m) return { problem: "not a date-time, e.g. 2022-12-07T11:00:00+09:00" };
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map((x) => Number(x ?? 0));
  const date = new Date(Date.UTC(year, month - 1, day));
  const real = date.getUTCMonth() === month - 1 && date.getUTCDate() === day && hour < 24 && minute < 60 && second < 60;
  if (!real) return { problem: "not a real date-time" };
  const zone = m[7];
  let offset: number | undefined;
  if (zone) {
    if (/^z$/i.test(zone)) offset = 0;
    else {
      const digits = zone.replace(":", "");
      offset = (zone[0] === "-" ? -1 : 1) * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5) || 0));
      if (Math.abs(offset) > 14 * 60) return { problem: "not a real UTC offset" };
    }
  }
  return { year, month, day, hour, minute, second, offset };
}

/** The instant of a written time whose offset is known, in ms since the epoch. */
export const instantOf = (t: WrittenTime, offset: number): number =>
  Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second) - offset * 60_000;

const zoneCache = new Map<string, Intl.DateTimeFormat | null>();

function formatterOf(zone: string): Intl.DateTimeFormat | null {
  let f = zoneCache.get(zone);
  if (f === undefined) {
    try {
      f = new Intl.DateTimeFormat("en-US", {
        timeZone: zone,
        year: "numeric",
        month: "numeric",
        day: "numeric",
        hour: "numeric",
        minute: "numeric",
        second: "numeric",
        hourCycle: "h23",
      });
    } catch {
      f = null;
    }
    zoneCache.set(zone, f);
  }
  return f;
}

/** Whether a name is an IANA time zone this runtime knows (e.g. Asia/Seoul). */
export const isTimeZone = (zone: string): boolean => formatterOf(zone) !== null;

const QUARTER_HOUR = 15 * 60_000;
const offsetCache = new Map<string, number>();

/** The UTC offset in minutes of an IANA zone at an instant. Zones change offset on the quarter hour at most. */
export function offsetIn(zone: string, ms: number): number {
  const key = `${zone} ${Math.floor(ms / QUARTER_HOUR)}`;
  let offset = offsetCache.get(key);
  if (offset === undefined) {
    const at = Math.floor(ms / QUARTER_HOUR) * QUARTER_HOUR;
    const parts: Record<string, number> = {};
    for (const p of formatterOf(zone)!.formatToParts(at)) if (p.type !== "literal") parts[p.type] = Number(p.value);
    offset = Math.round((Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second) - at) / 60_000);
    if (offsetCache.size > 50_000) offsetCache.clear();
    offsetCache.set(key, offset);
  }
  return offset;
}

/** The instant a wall-clock time names in a zone (the earlier one when the clock is set back). */
export function instantInZone(t: WrittenTime, zone: string): number {
  const wall = instantOf(t, 0);
  const first = wall - offsetIn(zone, wall) * 60_000;
  return wall - offsetIn(zone, first) * 60_000;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** "+09:00", "-05:00", "+00:00". */
export function formatOffset(minutes: number): string {
  const a = Math.abs(minutes);
  return `${minutes < 0 ? "-" : "+"}${pad(Math.floor(a / 60))}:${pad(a % 60)}`;
}

/** The local calendar date "YYYY-MM-DD" and time "HH:MM" of an instant at a UTC offset. */
export function localAt(ms: number, offset: number): { date: string; time: string } {
  const d = new Date(ms + offset * 60_000);
  return {
    date: `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`,
    time: `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`,
  };
}

export const writtenDate = (t: WrittenTime) => `${t.year}-${pad(t.month)}-${pad(t.day)}`;
export const writtenTime = (t: WrittenTime) => `${pad(t.hour)}:${pad(t.minute)}`;

const CENTRAL_EUROPE = [
  "Amsterdam", "Andorra", "Belgrade", "Berlin", "Bratislava", "Brussels", "Budapest", "Busingen", "Copenhagen", "Gibraltar",
  "Ljubljana", "Luxembourg", "Madrid", "Malta", "Monaco", "Oslo", "Paris", "Podgorica", "Prague", "Rome", "San_Marino",
  "Sarajevo", "Skopje", "Stockholm", "Tirane", "Vaduz", "Vatican", "Vienna", "Warsaw", "Zagreb", "Zurich",
];
const EASTERN_EUROPE = ["Athens", "Bucharest", "Chisinau", "Helsinki", "Kiev", "Kyiv", "Mariehamn", "Riga", "Sofia", "Tallinn", "Vilnius"];

/** Names by zone, then by offset in minutes. */
const ZONE_NAMES: Record<string, Record<number, string>> = {
  "Asia/Seoul": { 540: "KST" },
  "Asia/Tokyo": { 540: "JST" },
  UTC: { 0: "UTC" },
  "Etc/UTC": { 0: "UTC" },
  "Etc/GMT": { 0: "UTC" },
  GMT: { 0: "UTC" },
  "Europe/London": { 0: "GMT", 60: "BST" },
  "Europe/Dublin": { 0: "GMT", 60: "IST" },
  "Europe/Lisbon": { 0: "WET", 60: "WEST" },
  "America/New_York": { [-300]: "EST", [-240]: "EDT" },
  "America/Chicago": { [-360]: "CST", [-300]: "CDT" },
  "America/Denver": { [-420]: "MST", [-360]: "MDT" },
  "America/Los_Angeles": { [-480]: "PST", [-420]: "PDT" },
  ...Object.fromEntries(CENTRAL_EUROPE.map((city) => [`Europe/${city}`, { 60: "CET", 120: "CEST" }])),
  ...Object.fromEntries(EASTERN_EUROPE.map((city) => [`Europe/${city}`, { 120: "EET", 180: "EEST" }])),
};

/** What people call a zone at a given offset: KST, CET or CEST …, else the IANA name. */
export const zoneLabel = (zone: string, offset: number): string => ZONE_NAMES[zone]?.[offset] ?? zone;

/** A schedule without time_zone_name only says the offset: +09:00 is Korea's (the schedules this bot is for),
 * +01:00 and +02:00 Central Europe's winter and summer time (most pretalx and frab exports), +00:00 UTC. */
const OFFSET_NAMES: Record<number, string> = { 540: "KST", 60: "CET", 120: "CEST", 0: "UTC" };

export const offsetLabel = (offset: number): string => OFFSET_NAMES[offset] ?? `UTC${formatOffset(offset)}`;
