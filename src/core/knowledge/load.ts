// Reads a pack folder into one validated Knowledge, or into the full list of its problems.
// Nothing here throws on bad input: every problem is collected with its file, line and field so that
// an admin can fix them all in one pass.
import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { fieldName, issueProblems, linesOf, parseWithLines, type LineOf } from "./places.js";
import { parseSchedule, type ImportedSchedule } from "./schedule.js";
import { DEFAULT_FETCH_LIMITS, fetchSchedule, type FetchLimits } from "./schedule-fetch.js";
import { mergeSchedules } from "./schedule-merge.js";
import { redactUrl } from "./redact-url.js";
import {
  packFileSchema,
  type Knowledge,
  type KnowledgeProblem,
  type PackFile,
  type Person,
  type Session,
  type Source,
  type Track,
} from "./schema.js";

export interface LoadResult {
  knowledge?: Knowledge;
  problems: KnowledgeProblem[];
  /** A short hash of every file's name and content (and every schedule URL's): the same inputs give the same version. */
  version: string;
  /** The YAML and schedule files read, and the schedule URLs. */
  files: string[];
}

export interface LoadOptions {
  /** Schedules to fetch besides the folder's files (SCHEDULE_URLS). */
  scheduleUrls?: readonly string[];
  fetchLimits?: FetchLimits;
}

/** A parsed file with what is needed to place a problem at a line. */
export interface ParsedFile {
  file: string;
  content: PackFile;
  lineOf: LineOf;
}

const PACK_FILE = /\.ya?ml$/i;
const SCHEDULE_FILE = /\.json$/i;

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/** Parses one YAML file; syntax and schema problems go into `problems`. */
export function parsePackFile(file: string, text: string, problems: KnowledgeProblem[]): ParsedFile | undefined {
  const { doc, lineCounter } = parseWithLines(text);
  if (doc.errors.length > 0) {
    for (const e of doc.errors) {
      problems.push({ file, line: lineCounter.linePos(e.pos[0]).line, message: `YAML syntax: ${e.message.split("\n")[0]}` });
    }
    return undefined;
  }
  const lineOf = linesOf(doc, lineCounter);
  const parsed = packFileSchema.safeParse(doc.toJS() ?? {});
  if (!parsed.success) {
    problems.push(...issueProblems(file, parsed.error.issues, lineOf));
    return undefined;
  }
  return { file, content: parsed.data, lineOf };
}

type ListSection = "sources" | "people" | "sessions" | "tracks" | "remediation" | "facts";
const LIST_SECTIONS: ListSection[] = ["sources", "people", "sessions", "tracks", "remediation", "facts"];

/** Merges parsed files and imported schedules into one Knowledge and checks what no single file can: ids
 * and references. */
export function mergePack(
  parsed: ParsedFile[],
  sourceTexts: ReadonlyMap<string, string>,
  problems: KnowledgeProblem[],
  schedules: readonly ImportedSchedule[] = [],
): Knowledge {
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

  // Before the reference checks: a YAML session may name a speaker or track only a schedule defines.
  mergeSchedules(
    { sources: maps.sources as Map<string, Source>, people: maps.people as Map<string, Person>, sessions: maps.sessions as Map<string, Session>, tracks: maps.tracks as Map<string, Track> },
    schedules,
    problems,
  );
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

/** Loads every `*.yaml` file and `*.json` schedule below `dir` (any depth), and every schedule URL, as one pack. */
export async function loadKnowledge(dir: string, options: LoadOptions = {}): Promise<LoadResult> {
  const problems: KnowledgeProblem[] = [];
  let paths: string[];
  try {
    paths = await listFiles(dir);
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code === "ENOENT" ? "the folder does not exist" : String(e);
    return { problems: [{ file: dir, message: `cannot read the knowledge folder: ${reason} (set KNOWLEDGE_DIR)` }], version: "none", files: [] };
  }
  const urls = options.scheduleUrls ?? [];
  const fetching = Promise.all(urls.map((url) => fetchSchedule(url, options.fetchLimits ?? DEFAULT_FETCH_LIMITS)));
  const hash = createHash("sha256");
  const parsed: ParsedFile[] = [];
  const schedules: ImportedSchedule[] = [];
  const texts = new Map<string, string>();
  for (const path of paths) {
    const name = relative(dir, path);
    // Whatever a file holds (an alias bomb, something the parsers did not expect), it is a problem naming the file.
    try {
      const text = await readFile(path, "utf8");
      hash.update(name).update("\0").update(text).update("\0");
      texts.set(name, text);
      if (PACK_FILE.test(name)) {
        const pf = parsePackFile(name, text, problems);
        if (pf) parsed.push(pf);
      }
      if (SCHEDULE_FILE.test(name)) {
        const schedule = parseSchedule(name, text, problems);
        if (schedule) schedules.push(schedule);
      }
    } catch (error) {
      problems.push({ file: name, message: `cannot be read: ${error instanceof Error ? error.message : String(error)}` });
    }
  }
  (await fetching).forEach((fetched, i) => {
    const url = urls[i];
    hash.update(url).update("\0").update(fetched.ok ? fetched.body : "").update("\0");
    if (!fetched.ok) problems.push({ file: redactUrl(url), message: `cannot read the schedule: ${fetched.error.replaceAll(url, redactUrl(url))}` });
    const schedule = fetched.ok ? parseSchedule(redactUrl(url), fetched.body, problems) : undefined;
    if (schedule) schedules.push(schedule);
  });
  const files = [...paths.map((p) => relative(dir, p)).filter((n) => PACK_FILE.test(n) || SCHEDULE_FILE.test(n)), ...urls.map(redactUrl)];
  if (files.length === 0) problems.push({ file: dir, message: "no *.yaml knowledge files or *.json schedules in this folder" });
  const version = hash.digest("hex").slice(0, 10);
  // Cross-file checks on a pack missing a broken file would only repeat its problems as dangling references.
  if (problems.length > 0) return { problems, version, files };
  // Quotes are checked against the source file that sits in the same folder as the YAML naming it.
  const sourceTexts = new Map<string, string>();
  for (const [name, text] of texts) sourceTexts.set(name.split("/").pop()!, text);
  const knowledge = mergePack(parsed, sourceTexts, problems, schedules);
  if (problems.length > 0) return { problems, version, files };
  return { knowledge, problems, version, files };
}
