// Text as published in schedules: HTML abstracts made plain and cut to a readable length, web addresses as
// organisers type them, and any JSON value shown briefly in a warning.

const NAMED_ENTITIES: Record<string, string> = {
  amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " ", shy: "", zwnj: "", zwj: "",
  auml: "ä", ouml: "ö", uuml: "ü", Auml: "Ä", Ouml: "Ö", Uuml: "Ü", szlig: "ß",
  eacute: "é", egrave: "è", ecirc: "ê", aacute: "á", agrave: "à", acirc: "â", iacute: "í", oacute: "ó", uacute: "ú",
  ccedil: "ç", ntilde: "ñ", oslash: "ø", aring: "å", aelig: "æ", Eacute: "É",
  hellip: "…", ndash: "–", mdash: "—", lsquo: "‘", rsquo: "’", sbquo: "‚", ldquo: "“", rdquo: "”", bdquo: "„",
  laquo: "«", raquo: "»", middot: "·", bull: "•", euro: "€", copy: "©", reg: "®", trade: "™", deg: "°", times: "×",
};

const ENTITY = /&(#\d{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,8});/gi;

/** Decodes HTML character references; unknown names stay as written. */
export function decodeEntities(s: string): string {
  return s.replace(ENTITY, (whole, name: string) => {
    if (name[0] === "#") {
      const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[name] ?? whole;
  });
}

const BLOCK_TAG = /<\/?(?:br|p|div|li|ul|ol|h[1-6]|tr|table|blockquote|pre|hr)\b[^>]*>/gi;
const ANY_TAG = /<\/?[a-z][a-z0-9-]*(?:\s[^<>]*)?\/?>/gi;
const HIDDEN = /<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>|<!--[\s\S]*?-->/gi;

/** Plain text from published HTML (or plain text): tags dropped, entities decoded, whitespace folded. */
export function plainText(s: string): string {
  if (!s.includes("<") && !s.includes("&")) return s.replace(/[\s\u00a0\u200b]+/g, " ").trim();
  return decodeEntities(s.replace(HIDDEN, " ").replace(BLOCK_TAG, " ").replace(ANY_TAG, ""))
    .replace(/[\s\u00a0\u200b]+/g, " ")
    .trim();
}

/** A text cut to about `max` characters: at the end of a sentence when one ends in the last part, else at a
 * word, with "…". */
export function clip(s: string, max: number): string {
  if (s.length <= max) return s;
  const head = s.slice(0, max);
  const sentence = Math.max(...[". ", "! ", "? ", "。", "다. "].map((end) => head.lastIndexOf(end)));
  if (sentence >= max * 0.6) return head.slice(0, sentence + 1).trim();
  const word = head.lastIndexOf(" ");
  return `${(word >= max * 0.6 ? head.slice(0, word) : head).replace(/[\s,;:–—-]+$/, "")}…`;
}

export type UrlResult = { url: string } | { problem: string };

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;
const HOST_FIRST = /^(?:[\p{L}\p{N}-]+\.)+[\p{L}]{2,}(?::\d+)?(?:[/?#]|$)/u;

/**
 * A web address as an organiser typed it: "https://…" as is, "www.example.org/x" or "example.org" with
 * https:// added, "//host/x" with https:, "/path" against the schedule's base_url. Anything else (mailto:,
 * javascript:, words) is no web address.
 */
export function webAddress(raw: string, base?: string): UrlResult {
  let s = raw.trim();
  if (!s) return { problem: "an empty web address" };
  if (s.startsWith("//")) s = `https:${s}`;
  else if (!SCHEME.test(s) || /^[^/:]+\.[^/:]+:\d+/.test(s)) {
    if (HOST_FIRST.test(s)) s = `https://${s}`;
    else if (/^\.{0,2}\//.test(s) && base) s = new URL(s, base).href;
    else return { problem: s.startsWith("/") ? "a relative web address, and the schedule has no base_url" : "not a web address" };
  }
  let url: URL;
  try {
    url = new URL(s);
  } catch {
    return { problem: "not a web address" };
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return { problem: `not a web address (${url.protocol} link)` };
  if (!url.hostname) return { problem: "not a web address" };
  return { url: url.href };
}

/** A JSON value shown in about `max` characters: strings quoted, lists and objects cut short. Never walks
 * more of the value than it shows, so a huge or deeply nested value costs nothing. */
export function showValue(value: unknown, max = 80): string {
  let out = "";
  let cut = false;
  const room = () => max - out.length;
  const put = (s: string) => {
    if (s.length > room()) cut = true;
    out += s.slice(0, Math.max(0, room()));
  };
  const walk = (v: unknown, depth: number): void => {
    if (room() <= 0) {
      cut = true;
      return;
    }
    if (typeof v === "string") put(JSON.stringify(v.length > max ? v.slice(0, max) : v));
    else if (v === null || typeof v !== "object") put(String(v));
    else if (depth > 3) put(Array.isArray(v) ? "[…]" : "{…}");
    else if (Array.isArray(v)) {
      put("[");
      for (let i = 0; i < v.length && !cut; i++) {
        if (i > 0) put(", ");
        walk(v[i], depth + 1);
      }
      put("]");
    } else {
      put("{");
      let first = true;
      for (const key in v) {
        if (cut) break;
        if (!first) put(", ");
        first = false;
        put(`${JSON.stringify(key)}: `);
        walk((v as Record<string, unknown>)[key], depth + 1);
      }
      put("}");
    }
  };
  walk(value, 0);
  return cut ? `${out.slice(0, max - 1)}…` : out;
}
