// Answer → plain text for a terminal and for `ask --json`'s `text`: the Markdown subset flattened.
import { suggestionText, type Answer } from "../../core/answer.js";

export function markdownToPlain(md: string): string {
  return md
    .replace(/\*\*(.+?)\*\*/g, "$1")
    .replace(/`([^`]+)`/g, "$1")
    .replace(/\[([^\]]+)\]\(([^)]+)\)/g, "$1 <$2>");
}

export function renderText(a: Answer): string {
  const ko = a.lang === "ko";
  const parts = [a.title, "", markdownToPlain(a.body)];
  if (a.fields.length) parts.push("", ...a.fields.map((f) => `${f.name}: ${f.value}`));
  if (a.citations.length) {
    parts.push("", ko ? "출처:" : "Sources:");
    for (const c of a.citations) parts.push(`  “${c.quote}” — ${c.title}${c.url ? ` <${c.url}>` : ""}`);
  }
  if (a.suggestions.length) parts.push("", `${ko ? "더 물어보기" : "Try"}: ${a.suggestions.map(suggestionText).join("  ·  ")}`);
  parts.push(`(${ko ? "지식 버전" : "knowledge version"} ${a.version})`);
  return parts.join("\n");
}

/** The JSON object `ask --json` and `--jsonl` print. */
export function renderJson(a: Answer) {
  return {
    answered: a.answered,
    text: renderText(a),
    citations: a.citations.map((c) => ({ source: c.source, title: c.title, quote: c.quote, url: c.url ?? null })),
    command: a.command,
    lang: a.lang,
    version: a.version,
  };
}
