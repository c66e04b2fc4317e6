// Reads a pack folder into one validated Knowledge, or into the full list of its problems.
// Nothing here throws on bad input: every problem is collected with its file, line and field so that
// an admin can fix them all in one pass.
import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { LineCounter, parseDocument, type Document } from "yaml";
import {
  packFileSchema,
  type Knowledge,
  type KnowledgeProblem,
  type PackFile,
  type Source,
} from "./schema.js";

export interface LoadResult {
  knowledge?: Knowledge;
  problems: KnowledgeProblem[];
  /** A short hash of every file's name and content: the same files give the same version. */
  version: string;
  files: string[];
}

/** A parsed file with what is needed to place a problem at a line. */
export interface ParsedFile {
  file: string;
  content: PackFile;
  lineOf(path: ReadonlyArray<string | number>): number | undefined;
}

const PACK_FILE = /\.ya?ml$/i;

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

function fieldName(path: ReadonlyArray<PropertyKey>): string {
  return path.map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`)).join("").replace(/^\./, "");
}

/** Parses one YAML file; syntax and schema problems go into `problems`. */
export function parsePackFile(file: string, text: string, problems: KnowledgeProblem[]): ParsedFile | undefined {
  const lineCounter = new LineCounter();
  const doc: Document = parseDocument(text, { lineCounter, prettyErrors: false });
  if (doc.errors.length > 0) {
    for (const e of doc.errors) {
      problems.push({ file, line: e.linePos?.[0].line, message: `YAML syntax: ${e.message.split("\n")[0]}` });
    }
    return undefined;
  }
  const lineOf = (path: ReadonlyArray<string | number>): number | undefined => {
    // The deepest node that exists along the path: a missing field is reported at its parent.
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n), true) as { range?: [number, number, number] } | undefined;
      if (node?.range) return lineCounter.linePos(node.range[0]).line;
    }
    return undefined;
  };
  const parsed = packFileSchema.safeParse(doc.toJS() ?? {});
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.filter((p): p is string | number => typeof p !== "symbol");
      problems.push({ file, line: lineOf(path), field: fieldName(path) || undefined, message: issue.message });
    }
    return undefined;
  }
  return { file, content: parsed.data, lineOf };
}

type ListSection = "sources" | "people" | "sessions" | "tracks" | "remediation" | "facts";
const LIST_SECTIONS: ListSection[] = ["sources", "people", "sessions", "tracks", "remediation", "facts"];

/** Merges parsed files into one Knowledge and checks what no single file can: ids and references. */
export function mergePack(parsed: ParsedFile[], sourceTexts: ReadonlyMap<string, string>, problems: KnowledgeProblem[]): Knowledge {
  const maps = Object.fromEntries(LIST_SECTIONS.map((s) => [s, new Map()])) as Record<ListSection, Map<string, never>>;
  const where = new Map<string, { pf: ParsedFile; path: (string | number)[] }>();
  const at = (pf: ParsedFile, path: (string | number)[], field: string, message: string) =>
    problems.push({ file: pf.file, line: pf.lineOf(path), field, message });
  let event: Knowledge["event"];
  let budget: Knowledge["budget"];

  for (const pf of parsed) {
    for (const section of LIST_SECTIONS) {
      (pf.content[section] ?? []).forEach((item, i) => {
        const key = `${section}:${item.id}`;
        const first = where.get(key);
        if (first) {
          at(pf, [section, i, "id"], `${section}[${i}].id`, `duplicate id "${item.id}" (first defined in ${first.pf.file}:${first.pf.lineOf(first.path)})`);
          return;
        }
        where.set(key, { pf, path: [section, i] });
        maps[section].set(item.id, item as never);
      });
    }
    for (const single of ["event", "budget"] as const) {
      const value = pf.content[single];
      if (!value) continue;
      const key = `${single}:`;
      const first = where.get(key);
      if (first) at(pf, [single], single, `a second ${single} (the first is in ${first.pf.file}); a pack has one`);
      else where.set(key, { pf, path: [single] });
      if (single === "event" && !first) event = pf.content.event;
      if (single === "budget" && !first) budget = pf.content.budget;
    }
  }

  const knowledge: Knowledge = {
    sources: maps.sources as Map<string, Source>,
    event,
    budget,
    people: maps.people,
    sessions: maps.sessions,
    tracks: maps.tracks,
    remediation: maps.remediation,
    facts: maps.facts,
  };

  const refer = (pf: ParsedFile, path: (string | number)[], kind: ListSection, id: string | undefined) => {
    if (id !== undefined && !maps[kind].has(id)) at(pf, path, fieldName(path), `refers to ${kind} "${id}", which the pack does not define`);
  };
  const checkCitation = (pf: ParsedFile, path: (string | number)[], c: { source: string; quote: string }) => {
    refer(pf, [...path, "source"], "sources", c.source);
    const src = knowledge.sources.get(c.source);
    const text = src?.file ? sourceTexts.get(src.file) : undefined;
    if (src?.file && text === undefined) at(pf, [...path, "source"], fieldName([...path, "source"]), `source "${c.source}" names file ${src.file}, which is not in the pack folder`);
    if (text !== undefined && !text.normalize("NFC").includes(c.quote.normalize("NFC"))) {
      at(pf, [...path, "quote"], fieldName([...path, "quote"]), `the quote does not occur verbatim in ${src!.file}`);
    }
  };

  for (const [key, { pf, path }] of where) {
    const [section] = key.split(":");
    if (section === "sources") continue;
    const item = pf.content[section as keyof PackFile] as Record<string, unknown>;
    const value = (typeof path[1] === "number" ? (item as unknown as unknown[])[path[1]] : item) as {
      source: string; quote: string; more: { source: string; quote: string }[];
      tracks?: string[]; speakers?: string[]; presented_by?: string; owner?: string;
    };
    checkCitation(pf, path, value);
    value.more.forEach((c, i) => checkCitation(pf, [...path, "more", i], c));
    if (section === "sessions") {
      value.tracks?.forEach((t, i) => refer(pf, [...path, "tracks", i], "tracks", t));
      value.speakers?.forEach((s, i) => refer(pf, [...path, "speakers", i], "people", s));
    }
    if (section === "remediation") {
      refer(pf, [...path, "presented_by"], "people", value.presented_by);
      refer(pf, [...path, "owner"], "people", value.owner);
    }
  }
  return knowledge;
}

/** Loads every `*.yaml` file below `dir` (any depth) as one pack. */
export async function loadKnowledge(dir: string): Promise<LoadResult> {
  const problems: KnowledgeProblem[] = [];
  let paths: string[];
  try {
    paths = await listFiles(dir);
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code === "ENOENT" ? "the folder does not exist" : String(e);
    return { problems: [{ file: dir, message: `cannot read the knowledge folder: ${reason} (set KNOWLEDGE_DIR)` }], version: "none", files: [] };
  }
  const hash = createHash("sha256");
  const parsed: ParsedFile[] = [];
  const texts = new Map<string, string>();
  for (const path of paths) {
    const name = relative(dir, path);
    const text = await readFile(path, "utf8");
    hash.update(name).update("\0").update(text).update("\0");
    texts.set(name, text);
    if (PACK_FILE.test(name)) {
      const pf = parsePackFile(name, text, problems);
      if (pf) parsed.push(pf);
    }
  }
  const files = paths.map((p) => relative(dir, p)).filter((n) => PACK_FILE.test(n));
  if (files.length === 0) problems.push({ file: dir, message: "no *.yaml knowledge files in this folder" });
  // Quotes are checked against the source file that sits in the same folder as the YAML naming it.
  const sourceTexts = new Map<string, string>();
  for (const [name, text] of texts) sourceTexts.set(name.split("/").pop()!, text);
  const knowledge = mergePack(parsed, sourceTexts, problems);
  const version = hash.digest("hex").slice(0, 10);
  return problems.length > 0 ? { problems, version, files } : { knowledge, problems, version, files };
}
