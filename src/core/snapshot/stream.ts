// A prepared snapshot as a stream of small messages, and back: how the reload worker hands its result to the
// answering thread (one message at a time, so no step stalls the answers), and how the start-up cache stores a
// snapshot (cache.ts), so one format and one assembler serve both.
import type { Fingerprint } from "../knowledge/diff.js";
import type { Knowledge, KnowledgeProblem } from "../knowledge/schema.js";
import type { SearchDoc } from "../search/documents.js";
import { searchEngine, type Searcher } from "../search/index.js";
import type { SnapshotTables } from "./tables.js";

/** Everything a snapshot holds but the index, which only the thread that answers can hold. */
export interface Prepared {
  knowledge: Knowledge;
  docs: SearchDoc[];
  tables: SnapshotTables;
  fingerprint: Fingerprint;
  version: string;
  files: string[];
}

/**
 * The knowledge's items with their hashes, the documents, the tables, the index in parts, then the rest. A reader
 * asks for the next message only when it has taken one in: Node delivers every message already queued in one go,
 * which would be one long stall.
 */
export type SnapshotMessage =
  | { kind: "failed"; problems: KnowledgeProblem[]; version: string }
  | { kind: "items"; section: string; items: { id: string }[]; hashes: string[] }
  | { kind: "docs"; docs: SearchDoc[] }
  | { kind: "names"; entries: [string, string[]][] }
  | { kind: "index"; part: string }
  | { kind: "done"; event: Knowledge["event"]; budget: Knowledge["budget"]; hashes: Fingerprint; version: string; files: string[] };

/** Items per message: taking one message in is one uninterrupted piece of work for the answering thread. */
const SLICE = 200;

function* slices<T>(items: readonly T[]): Generator<T[]> {
  // An empty section is sent too: the reader learns that it exists.
  for (let i = 0; i === 0 || i < items.length; i += SLICE) yield items.slice(i, i + SLICE);
}

/** The prepared snapshot as messages, its index built on the way. */
export function* messagesOf({ knowledge, docs, tables, fingerprint, version, files }: Prepared): Generator<SnapshotMessage> {
  const { event, budget, ...sections } = knowledge;
  for (const [section, items] of Object.entries(sections)) {
    const hashed = fingerprint[section];
    for (const slice of slices<{ id: string }>([...items.values()])) yield { kind: "items", section, items: slice, hashes: slice.map((item) => hashed.get(item.id)!) };
  }
  for (const slice of slices(docs)) yield { kind: "docs", docs: slice };
  for (const entries of slices([...tables.names].map(([key, keys]) => [key, [...keys]] as [string, string[]]))) yield { kind: "names", entries };
  for (const part of searchEngine.parts(docs)) yield { kind: "index", part };
  yield { kind: "done", event, budget, hashes: { event: fingerprint.event, budget: fingerprint.budget }, version, files };
}

/** What the messages say, put back together. */
export interface Assembled {
  knowledge: Knowledge;
  index: Searcher;
  tables: SnapshotTables;
  fingerprint: Fingerprint;
  version: string;
  files: string[];
}

/** Takes messages in order; `result` settles once "done" has been taken. */
export class Assembler {
  private readonly items = new Map<string, Map<string, unknown>>();
  private readonly hashes = new Map<string, Map<string, string>>();
  private readonly docs = new Map<string, SearchDoc>();
  private readonly names = new Map<string, string[]>();
  private readonly index = searchEngine.receiver(this.docs);

  /** Undefined until the last message ("done"): then the snapshot's parts, once the index is loaded. */
  take(message: Exclude<SnapshotMessage, { kind: "failed" }>): Promise<Assembled> | undefined {
    switch (message.kind) {
      case "items": {
        const items = this.items.get(message.section) ?? this.items.set(message.section, new Map()).get(message.section)!;
        const hashes = this.hashes.get(message.section) ?? this.hashes.set(message.section, new Map()).get(message.section)!;
        message.items.forEach((item, i) => {
          items.set(item.id, item);
          hashes.set(item.id, message.hashes[i]);
        });
        return undefined;
      }
      case "docs":
        for (const doc of message.docs) this.docs.set(doc.id, doc);
        return undefined;
      case "names":
        for (const [key, keys] of message.entries) this.names.set(key, keys);
        return undefined;
      case "index":
        this.index.add(message.part);
        return undefined;
      case "done": {
        const knowledge = { ...Object.fromEntries(this.items), event: message.event, budget: message.budget } as unknown as Knowledge;
        const fingerprint = { ...Object.fromEntries(this.hashes), ...message.hashes };
        return this.index.result().then((index) => ({ knowledge, index, tables: { names: this.names }, fingerprint, version: message.version, files: message.files }));
      }
    }
  }
}
