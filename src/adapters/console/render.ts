// Answer → plain text for a terminal and for `ask --json`'s `text`: the Markdown subset flattened.
import { suggestionText, type Answer } from "../../core/protocol.js";
import { label } from "../kit/labels.js";
import { plainDialect, renderMarkdown } from "../kit/markdown.js";

export function renderText(a: Answer): string {
  const parts = [a.title, "", renderMarkdown(a.body, plainDialect)];
  if (a.fields.length) parts.push("", ...a.fields.map((f) => `${f.name}: ${renderMarkdown(f.value, plainDialect)}`));
  if (a.citations.length) {
    parts.push("", `${label(a.lang, "sources")}:`);
    for (const c of a.citations) parts.push(`  “${c.quote}” — ${c.title}${c.url ? ` <${c.url}>` : ""}`);
  }
  // The console hands text over as it is: a CSV pastes straight into a file.
  if (a.attachment) parts.push("", `--- ${a.attachment.filename} ---`, a.attachment.text, "---");
  if (a.suggestions.length) parts.push("", `${label(a.lang, "try")}: ${a.suggestions.map(suggestionText).join("  ·  ")}`);
  parts.push(`(${label(a.lang, "version")} ${a.version})`);
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
