// An immutable view of the knowledge and its index. Reload builds a whole new one and swaps the reference;
// a question in flight keeps the snapshot it started with.
import { loadKnowledge, type LoadOptions } from "./knowledge/load.js";
import type { Knowledge, KnowledgeProblem } from "./knowledge/schema.js";
import { SearchIndex, type Searcher } from "./search/index.js";

export interface Snapshot {
  readonly knowledge: Knowledge;
  readonly index: Searcher;
  /** A short hash of the pack's files and schedule URLs: the same inputs give the same version. */
  readonly version: string;
  readonly loadedAt: Date;
  readonly loadedBy: string;
  readonly files: readonly string[];
}

export type SnapshotResult = { ok: true; snapshot: Snapshot } | { ok: false; problems: KnowledgeProblem[]; version: string };

export async function buildSnapshot(dir: string, loadedBy: string, options: LoadOptions = {}): Promise<SnapshotResult> {
  const loaded = await loadKnowledge(dir, options);
  if (!loaded.knowledge) return { ok: false, problems: loaded.problems, version: loaded.version };
  const snapshot: Snapshot = Object.freeze({
    knowledge: loaded.knowledge,
    index: SearchIndex.fromKnowledge(loaded.knowledge),
    version: loaded.version,
    loadedAt: new Date(),
    loadedBy,
    files: loaded.files,
  });
  return { ok: true, snapshot };
}
