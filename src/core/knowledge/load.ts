// Reads the knowledge folder (its packs and schedules) and the schedule URLs into one validated Knowledge, or into
// the full list of its problems.
// Nothing here throws on bad input: every problem is collected with its file, line and field so that
// an admin can fix them all in one pass.
import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { issueProblems, linesOf, parseWithLines } from "./places.js";
import { parseSchedule, type ImportedSchedule } from "./schedule.js";
import { DEFAULT_FETCH_LIMITS, fetchSchedule, type FetchLimits } from "./schedule-fetch.js";
import { checkReferences, emptyKnowledge, mergePacks, resolveLocalIds, type Pack, type ParsedFile } from "./packs.js";
import { joinSchedules } from "./schedule-merge.js";
import { packFileSchema, type Knowledge, type KnowledgeProblem } from "./schema.js";

export interface LoadResult {
  knowledge?: Knowledge;
  problems: KnowledgeProblem[];
  /** What schedules left out (a bad link, an unreadable date …), each with its file, path and value: the load
   * still succeeds; the caller logs them. */
  warnings: KnowledgeProblem[];
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

/** Files directly in the knowledge folder are one pack; each folder below it is another (its files at any depth). */
function packsOf(parsed: readonly ParsedFile[]): Pack[] {
  const packs = new Map<string, ParsedFile[]>();
  for (const pf of parsed) {
    const folder = pf.file.includes("/") ? pf.file.split("/")[0] : "";
    packs.set(folder, [...(packs.get(folder) ?? []), pf]);
  }
  return [...packs].map(([folder, files]) => ({ folder, files }));
}

/** Merges the packs and the schedules into one knowledge, and checks what no single file can: references and quotes. */
export function buildKnowledge(
  parsed: readonly ParsedFile[],
  sourceTexts: ReadonlyMap<string, string>,
  schedules: readonly ImportedSchedule[],
  problems: KnowledgeProblem[],
  warnings: KnowledgeProblem[],
): Knowledge {
  const k = emptyKnowledge();
  const written = mergePacks(packsOf(parsed), k, problems);
  resolveLocalIds(k);
  // Before the reference checks: a YAML session may name a speaker or track only a schedule defines.
  joinSchedules(k, schedules, warnings);
  checkReferences(written, k, sourceTexts, problems);
  return k;
}

/** Loads every `*.yaml` file and `*.json` schedule below `dir` (any depth), and every schedule URL. */
export async function loadKnowledge(dir: string, options: LoadOptions = {}): Promise<LoadResult> {
  const problems: KnowledgeProblem[] = [];
  const warnings: KnowledgeProblem[] = [];
  let paths: string[];
  try {
    paths = await listFiles(dir);
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code === "ENOENT" ? "the folder does not exist" : String(e);
    return { problems: [{ file: dir, message: `cannot read the knowledge folder: ${reason} (set KNOWLEDGE_DIR)` }], warnings: [], version: "none", files: [] };
  }
  const urls = options.scheduleUrls ?? [];
  const fetching = Promise.all(urls.map((url) => fetchSchedule(url, options.fetchLimits ?? DEFAULT_FETCH_LIMITS)));
  const hash = createHash("sha256");
  const parsed: ParsedFile[] = [];
  const schedules: ImportedSchedule[] = [];
  const readSchedule = (origin: string, body: string) => {
    const read = parseSchedule(origin, body);
    problems.push(...read.problems);
    warnings.push(...read.warnings);
    if (read.schedule) schedules.push(read.schedule);
  };
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
    if (SCHEDULE_FILE.test(name)) readSchedule(name, text);
  }
  (await fetching).forEach((fetched, i) => {
    const url = urls[i];
    hash.update(url).update("\0").update(fetched.ok ? fetched.body : "").update("\0");
    if (!fetched.ok) problems.push({ file: url, message: `cannot read the schedule: ${fetched.error}` });
    if (fetched.ok) readSchedule(url, fetched.body);
  });
  const files = [...paths.map((p) => relative(dir, p)).filter((n) => PACK_FILE.test(n) || SCHEDULE_FILE.test(n)), ...urls];
  if (files.length === 0) problems.push({ file: dir, message: "no *.yaml knowledge files or *.json schedules in this folder" });
  const version = hash.digest("hex").slice(0, 10);
  // Cross-file checks on a pack missing a broken file would only repeat its problems as dangling references.
  if (problems.length > 0) return { problems, warnings, version, files };
  // Quotes are checked against the source file that sits in the same folder as the YAML naming it.
  const sourceTexts = new Map<string, string>();
  for (const [name, text] of texts) sourceTexts.set(name.split("/").pop()!, text);
  const knowledge = buildKnowledge(parsed, sourceTexts, schedules, problems, warnings);
  if (problems.length > 0) return { problems, warnings, version, files };
  return { knowledge, problems, warnings, version, files };
}
