// Reads the knowledge folder (its packs and schedules) and the schedule URLs into one validated Knowledge, or into
// the full list of its problems.
// Nothing here throws on bad input: every problem is collected with its file, line and field so that
// an admin can fix them all in one pass.
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { relative } from "node:path";
import { z } from "zod";
import { listFiles } from "./files.js";
import { issueProblems, linesOf, parseWithLines } from "./places.js";
import { parseSchedule, type ImportedSchedule, type ScheduleResult } from "./schedule.js";
import { DEFAULT_FETCH_LIMITS, type FetchLimits } from "./schedule-fetch.js";
import { readScheduleUrl, type CopyNotice } from "./schedule-url.js";
import { checkReferences, emptyKnowledge, mergePacks, resolveLocalIds, type Pack, type ParsedFile } from "./packs.js";
import { redactUrl } from "./redact-url.js";
import { joinSchedules } from "./schedule-merge.js";
import { packFileSchema, type Knowledge, type KnowledgeProblem, type PackFile } from "./schema.js";

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
  /** Schedule URLs read from their last good copy (their server failed), or whose new copy could not be kept: the
   * caller warns about each. */
  copyNotices: CopyNotice[];
}

export interface LoadOptions {
  /** Schedules to fetch besides the folder's files (SCHEDULE_URLS). */
  scheduleUrls?: readonly string[];
  fetchLimits?: FetchLimits;
  /** Where the last good copy of each schedule URL is kept (in DATA_DIR); none: no copies, a failed URL is a problem. */
  scheduleCopiesDir?: string;
}

const PACK_FILE = /\.ya?ml$/i;
const SCHEDULE_FILE = /\.json$/i;
/** What a newcomer reads instead of `ENOTDIR: … scandir` when KNOWLEDGE_DIR is wrong. */
const FOLDER_ERRORS: Record<string, string> = {
  ENOENT: "the folder does not exist (set KNOWLEDGE_DIR)",
  ENOTDIR: "it is a file, and KNOWLEDGE_DIR must name a folder",
};

/** Each section of a file, with the schema of its items (or of itself, for `event` and `budget`). */
const SECTIONS = Object.entries(packFileSchema.shape).map(([name, schema]) => {
  const inner = schema.unwrap();
  return inner instanceof z.ZodArray ? { name, list: true, item: inner.element as z.ZodType } : { name, list: false, item: inner as z.ZodType };
});
/** A file's outline: a map of known sections, each list a list; the items are validated one by one. */
const outlineSchema = z.object(Object.fromEntries(SECTIONS.map((s) => [s.name, (s.list ? z.array(z.unknown()) : z.unknown()).optional()]))).strict();

/** Parses one YAML file; syntax and schema problems go into `problems`. Undefined when the file cannot be read as a
 * whole (a syntax error, a wrong outline): its items are then unknown, and cross-file checks would only guess. */
export function parsePackFile(file: string, text: string, problems: KnowledgeProblem[]): ParsedFile | undefined {
  const { doc, lineCounter } = parseWithLines(text);
  if (doc.errors.length > 0) {
    // The first error only: the parser's recovery reports each later line the typo shifts as another error.
    const e = doc.errors[0];
    problems.push({ file, line: lineCounter.linePos(e.pos[0]).line, message: `YAML syntax: ${e.message.split("\n")[0]}` });
    return undefined;
  }
  const lineOf = linesOf(doc, lineCounter);
  const data = doc.toJS() ?? {};
  const outline = outlineSchema.safeParse(data);
  if (!outline.success) {
    problems.push(...issueProblems(file, outline.error.issues, lineOf));
    return undefined;
  }
  // Item by item, so one bad item does not hide the others' reference and quote problems. A list keeps a hole
  // where an item was rejected: indices stay the file's (for lines and fields), and forEach skips holes.
  const content: Record<string, unknown> = {};
  const rejected = new Set<string>();
  for (const { name, list, item } of SECTIONS) {
    const value = (data as Record<string, unknown>)[name];
    if (value === undefined) continue;
    const items = list ? (value as unknown[]) : [value];
    const valid: unknown[] = new Array(items.length);
    items.forEach((raw, i) => {
      const path = list ? [name, i] : [name];
      const parsed = item.safeParse(raw);
      if (parsed.success) valid[i] = parsed.data;
      else {
        problems.push(...issueProblems(file, parsed.error.issues.map((issue) => ({ ...issue, path: [...path, ...issue.path] })), lineOf));
        const id = (raw as { id?: unknown } | null)?.id;
        if (typeof id === "string") rejected.add(`${name}:${id}`);
      }
    });
    content[name] = list ? valid : valid[0];
  }
  return { file, content: content as PackFile, lineOf, rejected };
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
    const reason = FOLDER_ERRORS[(e as NodeJS.ErrnoException).code ?? ""] ?? String(e);
    return { problems: [{ file: dir, message: `cannot read the knowledge folder: ${reason}` }], warnings: [], version: "none", files: [], copyNotices: [] };
  }
  const urls = options.scheduleUrls ?? [];
  const fetching = Promise.all(urls.map((url) => readScheduleUrl(url, options.fetchLimits ?? DEFAULT_FETCH_LIMITS, options.scheduleCopiesDir)));
  const hash = createHash("sha256");
  const parsed: ParsedFile[] = [];
  const schedules: ImportedSchedule[] = [];
  /** A file or schedule that could not be read at all: what it defines is unknown. */
  let unread = false;
  const takeSchedule = (read: ScheduleResult) => {
    problems.push(...read.problems);
    warnings.push(...read.warnings);
    if (read.schedule) schedules.push(read.schedule);
    else unread = true;
  };
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
        else unread = true;
      }
      if (SCHEDULE_FILE.test(name)) takeSchedule(parseSchedule(name, text));
    } catch (error) {
      problems.push({ file: name, message: `cannot be read: ${error instanceof Error ? error.message : String(error)}` });
      unread = true;
    }
  }
  const copyNotices: CopyNotice[] = [];
  (await fetching).forEach(({ body, read, notice }, i) => {
    hash.update(urls[i]).update("\0").update(body).update("\0");
    takeSchedule(read);
    if (notice) copyNotices.push(notice);
  });
  const files = [...paths.map((p) => relative(dir, p)).filter((n) => PACK_FILE.test(n) || SCHEDULE_FILE.test(n)), ...urls.map(redactUrl)];
  if (files.length === 0) problems.push({ file: dir, message: "no *.yaml knowledge files or *.json schedules in this folder" });
  const version = hash.digest("hex").slice(0, 10);
  // Cross-file checks on a pack missing a broken file would only repeat its problems as dangling references.
  if (unread) return { problems, warnings, version, files, copyNotices };
  // Quotes are checked against the source file that sits in the same folder as the YAML naming it.
  const sourceTexts = new Map<string, string>();
  for (const [name, text] of texts) sourceTexts.set(name.split("/").pop()!, text);
  const knowledge = buildKnowledge(parsed, sourceTexts, schedules, problems, warnings);
  if (problems.length > 0) return { problems, warnings, version, files, copyNotices };
  return { knowledge, problems, warnings, version, files, copyNotices };
}
