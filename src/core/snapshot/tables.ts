// Lookup tables a snapshot carries beside its index, built once with it (in the reload worker).
import type { SearchDoc } from "../search/documents.js";
import { squash } from "../text.js";

export interface SnapshotTables {
  /** Item keys by `${type}:${squashed id or name}`: exact lookups are on every command's path. */
  names: ReadonlyMap<string, readonly string[]>;
}

export function buildTables(docs: readonly SearchDoc[]): SnapshotTables {
  const names = new Map<string, string[]>();
  for (const d of docs) {
    for (const name of new Set([d.key, ...d.names].map(squash))) {
      const key = `${d.type}:${name}`;
      const keys = names.get(key);
      if (keys) keys.push(d.key);
      else names.set(key, [d.key]);
    }
  }
  return { names };
}
