// Bolt and its Web API and Socket Mode clients log through this, into our pino logger (JSON on stderr, redacted).
import { LogLevel, type Logger as BoltLogger } from "@slack/bolt";
import type { Logger } from "pino";

const text = (parts: unknown[]): string =>
  parts.map((p) => (typeof p === "string" ? p : p instanceof Error ? p.message : JSON.stringify(p))).join(" ");

function boltLevel(level: string): LogLevel {
  if (level === "debug" || level === "trace") return LogLevel.DEBUG;
  if (level === "info") return LogLevel.INFO;
  return level === "warn" ? LogLevel.WARN : LogLevel.ERROR;
}

export function boltLogger(logger: Logger): BoltLogger {
  const bolt = logger.child({ component: "bolt" });
  return {
    debug: (...parts) => bolt.debug(text(parts)),
    info: (...parts) => bolt.info(text(parts)),
    warn: (...parts) => bolt.warn(text(parts)),
    error: (...parts) => bolt.error(text(parts)),
    // Our level is set once, from LOG_LEVEL; Bolt only asks for it.
    setLevel: () => undefined,
    getLevel: () => boltLevel(bolt.level),
    setName: () => undefined,
  };
}
