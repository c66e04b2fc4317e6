// The reload audit log: one JSON line per reload attempt in `${DATA_DIR}/reload-audit.jsonl` — when, who
// (and from which platform), the versions before and after, and the changes by name or every problem.
import { appendFile, mkdir } from "node:fs/promises";
import { join } from "node:path";
import type { ReloadEvent } from "./core/bot.js";

export const AUDIT_FILE = "reload-audit.jsonl";

export interface AuditLine {
  at: string;
  by: { id: string; name?: string; platform: string };
  ok: boolean;
  versionBefore: string;
  versionAfter: string;
  changes: ReloadEvent["changes"];
  problems: ReloadEvent["problems"];
}

export function auditLine(e: ReloadEvent): AuditLine {
  return {
    at: e.at.toISOString(),
    by: { id: e.by.id, ...(e.by.name ? { name: e.by.name } : {}), platform: e.by.platform },
    ok: e.ok,
    versionBefore: e.versionBefore,
    versionAfter: e.versionAfter,
    changes: e.changes,
    problems: e.problems,
  };
}

/** A `BotOptions.onReload` listener that appends each reload to the log, creating the folder first. */
export function reloadAuditLog(dataDir: string): (e: ReloadEvent) => Promise<void> {
  const file = join(dataDir, AUDIT_FILE);
  return async (e) => {
    await mkdir(dataDir, { recursive: true });
    await appendFile(file, JSON.stringify(auditLine(e)) + "\n", "utf8");
  };
}
