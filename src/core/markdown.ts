// The Markdown subset answers are written in, and its parser. The core writes it; each adapter renders the parsed
// lines in its own dialect (adapters/kit/markdown.ts). The subset, line by line:
//   - a line starting with "- " is a bullet;
//   - **bold**, `code`, and [label](https://url) links, which only the core writes;
//   - a backslash makes the next character literal: text that came from a user is escaped with `inert`, so it can
//     never become a link or formatting in the subset, whatever it holds (each dialect escapes its platform's own).

export type Span =
  | { kind: "text"; text: string }
  | { kind: "bold"; spans: Span[] }
  | { kind: "code"; text: string }
  | { kind: "link"; label: string; url: string };

export interface Line {
  bullet: boolean;
  spans: Span[];
}

const SPECIAL = /[\\*`[\]]/g;

/** User text made literal in the subset: every character the subset (or a platform) could read as markup is escaped. */
export const inert = (text: string): string => text.replace(SPECIAL, "\\$&");

/** Text with its escapes resolved. */
const unescape = (text: string): string => text.replace(/\\(.)/gs, "$1");

// An escape, bold, code, or a link to an http(s) URL (bounded, so a long run of brackets stays linear).
const INLINE = /\\(.)|\*\*((?:\\.|[^*\\])+?)\*\*|`((?:\\.|[^`\\])+)`|\[((?:\\.|[^[\]\\\n]){1,500})\]\((https?:\/\/[^)\s]{1,2000})\)/gs;

function spansOf(text: string): Span[] {
  const spans: Span[] = [];
  let plain = "";
  let at = 0;
  const flush = () => {
    if (plain) spans.push({ kind: "text", text: plain });
    plain = "";
  };
  for (const m of text.matchAll(INLINE)) {
    plain += text.slice(at, m.index);
    at = m.index + m[0].length;
    if (m[1] !== undefined) {
      plain += m[1];
      continue;
    }
    flush();
    if (m[2] !== undefined) spans.push({ kind: "bold", spans: spansOf(m[2]) });
    else if (m[3] !== undefined) spans.push({ kind: "code", text: unescape(m[3]) });
    else spans.push({ kind: "link", label: unescape(m[4]), url: m[5] });
  }
  plain += text.slice(at);
  flush();
  return spans;
}

export function parseMarkdown(markdown: string): Line[] {
  return markdown.split("\n").map((line) => {
    const bullet = line.startsWith("- ");
    return { bullet, spans: spansOf(bullet ? line.slice(2) : line) };
  });
}

/** The text a reader sees, without any markup: for lengths, logs and plain renderers. */
export function plainText(spans: readonly Span[]): string {
  return spans.map((s) => (s.kind === "bold" ? plainText(s.spans) : s.kind === "link" ? s.label : s.text)).join("");
}
