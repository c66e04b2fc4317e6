// Placing a problem: the line of a path in a YAML text, and the field written as a path. (JSON schedules are
// placed by json-place.ts, without a second parse.)
import { LineCounter, parseDocument, type Document } from "yaml";
import type { KnowledgeProblem } from "./schema.js";

export type Path = ReadonlyArray<string | number>;
export type LineOf = (path: Path) => number | undefined;

/** A path written as a JSON path: schedule.conference.days[0].rooms["Saal 1"][3].date. */
export function fieldName(path: ReadonlyArray<PropertyKey>): string {
  return path
    .map((p) => (typeof p === "number" ? `[${p}]` : /^[A-Za-z_$][\w$]*$/.test(String(p)) ? `.${String(p)}` : `[${JSON.stringify(String(p))}]`))
    .join("")
    .replace(/^\./, "");
}

/** A parsed YAML document with a line counter. */
export function parseWithLines(text: string): { doc: Document; lineCounter: LineCounter } {
  const lineCounter = new LineCounter();
  return { doc: parseDocument(text, { lineCounter, prettyErrors: false }), lineCounter };
}

/** The line of the deepest node that exists along a path: a missing field is reported at its parent. */
export function linesOf(doc: Document, lineCounter: LineCounter): LineOf {
  return (path) => {
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n), true) as { range?: [number, number, number] } | undefined;
      if (node?.range) return lineCounter.linePos(node.range[0]).line;
    }
    return undefined;
  };
}

/** Every schema issue as a problem with its line and field. */
export function issueProblems(file: string, issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>, lineOf: LineOf): KnowledgeProblem[] {
  return issues.map((issue) => {
    const path = issue.path.filter((p): p is string | number => typeof p !== "symbol");
    return { file, line: lineOf(path), field: fieldName(path) || undefined, message: issue.message };
  });
}
