// Whether a text holds a question's word: a Latin word at a word start ("chair" in "chairperson"; a short one whole,
// so "co" is not "committee"), a Korean word anywhere (it may sit inside a compound).

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

export function holds(text: string, term: string): boolean {
  const t = term.toLowerCase();
  const lower = text.normalize("NFC").toLowerCase();
  // A short Latin word is a whole word ("co" is no part of "committee"); a longer one may be a stem ("chair").
  const end = t.length <= 3 ? "([^a-z0-9]|$)" : "";
  return /[a-z0-9]/.test(t) ? new RegExp(`(^|[^a-z0-9])${escape(t)}${end}`).test(lower) : lower.replace(/\s+/g, "").includes(t.replace(/\s+/g, ""));
}
