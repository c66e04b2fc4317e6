// KNOWLEDGE_WATCH=1: reload when a file below the knowledge folder changes. An editor's save or a copied
// folder fires many events; they are gathered into one reload once the folder has been quiet a moment.
import { watch } from "node:fs";

export const WATCH_DEBOUNCE_MS = 500;

/** Calls `onChange` once per burst of changes below `dir` (any depth); returns a function that stops watching. */
export function watchFolder(dir: string, onChange: () => void, onError: (error: Error) => void, debounceMs = WATCH_DEBOUNCE_MS): () => void {
  let timer: NodeJS.Timeout | undefined;
  const watcher = watch(dir, { recursive: true }, () => {
    clearTimeout(timer);
    timer = setTimeout(onChange, debounceMs);
  });
  watcher.on("error", onError);
  return () => {
    clearTimeout(timer);
    watcher.close();
  };
}
