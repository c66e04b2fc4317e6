// Environment → typed, validated configuration. Every problem names the variable and where to get it.
import { join } from "node:path";
import { z } from "zod";

const list = z
  .string()
  .optional()
  .transform((s) => (s ?? "").split(",").map((x) => x.trim()).filter(Boolean));
const flag = z
  .string()
  .optional()
  .transform((s) => ["1", "true", "yes", "on"].includes((s ?? "").toLowerCase()));
const optional = z
  .string()
  .optional()
  .transform((s) => (s?.trim() ? s.trim() : undefined));
/** A word from a fixed set (`.pipe(z.enum(…))`): `HTTP ` is http; blank is unset, as .env.example leaves it. */
const keyword = z
  .string()
  .optional()
  .transform((s) => s?.trim().toLowerCase() || undefined);

const schema = z.object({
  KNOWLEDGE_DIR: z.string().default("./knowledge"),
  DATA_DIR: z.string().default("./data"),
  /** PostgreSQL for the question log and ratings (several replicas share it); SQLite in DATA_DIR when unset. */
  DATABASE_URL: optional.pipe(z.string().regex(/^postgres(ql)?:\/\/\S+$/, "a postgres:// or postgresql:// URL").optional()),
  /** Which question texts the log keeps: full (direct messages too), public (all but direct messages), none. */
  LOG_QUESTIONS: keyword.pipe(z.enum(["full", "public", "none"]).default("public")),
  DEFAULT_LANG: keyword.pipe(z.enum(["ko", "en"]).default("ko")),
  LOG_LEVEL: keyword.pipe(z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).optional()),
  /** The HTTP server's port: HTTP modes listen on it (3000 when unset); Socket Mode and the gateway serve health checks on it only when it is set. */
  PORT: z.coerce.number().int().min(0).max(65535).optional(),
  /** The address the HTTP server listens on: every interface by default, as platforms expect; 127.0.0.1 for local tests. */
  HOST: optional,
  SLACK_BOT_TOKEN: optional.pipe(z.string().regex(/^xoxb-/, "a bot token starts with xoxb-").optional()),
  SLACK_APP_TOKEN: optional.pipe(z.string().regex(/^xapp-/, "an app-level token starts with xapp-").optional()),
  SLACK_SIGNING_SECRET: optional,
  SLACK_API_URL: optional.pipe(z.url().optional()),
  SLACK_ADMIN_USER_IDS: list,
  SLACK_COMMAND_PREFIX: optional.pipe(z.string().regex(/^[a-z0-9_-]*$/, "lower-case letters, digits, - or _").optional()),
  DISCORD_TOKEN: optional,
  DISCORD_MODE: keyword.pipe(z.enum(["gateway", "http"]).default("gateway")),
  DISCORD_PUBLIC_KEY: optional.pipe(z.string().regex(/^[0-9a-f]{64}$/i, "64 hexadecimal characters").optional()),
  DISCORD_APPLICATION_ID: optional.pipe(z.string().regex(/^\d+$/, "digits only").optional()),
  DISCORD_GUILD_ID: optional.pipe(z.string().regex(/^\d+$/, "digits only").optional()),
  DISCORD_API_URL: optional.pipe(z.url().optional()),
  DISCORD_ADMIN_ROLE_IDS: list,
  DISCORD_ADMIN_USER_IDS: list,
  SCHEDULE_URLS: list,
  /** Channels bound to one event each: "C0123ABC=froscon2018, 987654321098765432=jev22" (a Slack or Discord channel id
   * = an event id, as `/event` lists them); a question there is about that event only. */
  EVENT_CHANNELS: list.pipe(
    z.array(z.string().regex(/^[^=\s]+=[^=\s]+$/, 'each entry is "channel id=event id", e.g. C0123ABC=froscon2018')),
  ),
  /** Minutes between checks of SCHEDULE_URLS for a changed schedule (a reload when one changed); unset: no checks. */
  SCHEDULE_REFRESH_MINUTES: z.coerce.number().int().min(1).optional(),
  KNOWLEDGE_WATCH: flag,
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).default(20),
  /** Session alerts (/subscribe, /remind) go out this many minutes before a session starts; 0 turns them off. */
  ALERT_MINUTES: z.coerce.number().int().min(0).max(24 * 60).default(5),
  /** "Now" for now/next questions and alerts, ISO with an offset: demo or test a past conference as if live. */
  EVENTDESK_NOW: optional.pipe(z.iso.datetime({ offset: true }).optional()),
});

export type Config = z.infer<typeof schema>;

/** Where each variable comes from, for messages that tell the user what to do. */
const WHERE: Record<string, string> = {
  SLACK_BOT_TOKEN: "Slack app settings → OAuth & Permissions → Bot User OAuth Token (xoxb-…)",
  SLACK_APP_TOKEN: "Slack app settings → Basic Information → App-Level Tokens, with the connections:write scope (xapp-…)",
  SLACK_SIGNING_SECRET: "Slack app settings → Basic Information → App Credentials → Signing Secret",
  DISCORD_TOKEN: "Discord Developer Portal → your application → Bot → Reset Token",
  DISCORD_PUBLIC_KEY: "Discord Developer Portal → your application → General Information → Public Key",
  DISCORD_APPLICATION_ID: "Discord Developer Portal → your application → General Information → Application ID",
  DISCORD_GUILD_ID: "Discord: User Settings → Advanced → Developer Mode, then right-click the server → Copy Server ID",
};

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`configuration problem(s):\n${problems.map((p) => `  - ${p}`).join("\n")}\nSee .env.example for every variable.`);
  }
}

/** A problem with a variable, naming where to find its value. */
export const explain = (name: string, message: string) => `${name}: ${message}${WHERE[name] ? ` (find it in ${WHERE[name]})` : ""}`;

/** `.env.example` leaves most values empty (`LOG_LEVEL=`): an empty or blank value means "unset", so the default. */
const withoutBlanks = (env: NodeJS.ProcessEnv) => Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ""));

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(withoutBlanks(env));
  if (!parsed.success) throw new ConfigError(parsed.error.issues.map((i) => explain(String(i.path[0]), i.message)));
  const c = parsed.data;
  const problems: string[] = [];
  // Slack: Socket Mode needs the app token; HTTP mode needs the signing secret to verify requests.
  if (c.SLACK_APP_TOKEN && !c.SLACK_BOT_TOKEN) problems.push(explain("SLACK_BOT_TOKEN", "is missing, and SLACK_APP_TOKEN alone cannot post answers"));
  if (c.SLACK_BOT_TOKEN && !c.SLACK_APP_TOKEN && !c.SLACK_SIGNING_SECRET) {
    problems.push(explain("SLACK_SIGNING_SECRET", "is missing: HTTP mode needs it to verify Slack's requests (or set SLACK_APP_TOKEN for Socket Mode)"));
  }
  // Discord: asking for HTTP mode is asking for Discord, so what it lacks is an error, never a quiet console chat.
  if (c.DISCORD_MODE === "http" && !c.DISCORD_PUBLIC_KEY) {
    problems.push(explain("DISCORD_PUBLIC_KEY", "is missing: DISCORD_MODE=http verifies every interaction with it"));
  }
  if (c.DISCORD_MODE === "http" && !c.DISCORD_APPLICATION_ID) {
    problems.push(explain("DISCORD_APPLICATION_ID", "is missing: DISCORD_MODE=http sends follow-ups through it"));
  }
  if (problems.length) throw new ConfigError(problems);
  return c;
}

/** The Bot's options the configuration decides. */
export function botOptions(c: Config) {
  const now = c.EVENTDESK_NOW ? new Date(c.EVENTDESK_NOW) : undefined;
  return {
    knowledgeDir: c.KNOWLEDGE_DIR,
    scheduleUrls: c.SCHEDULE_URLS,
    scheduleCopiesDir: scheduleCopiesDir(c),
    cacheDir: join(c.DATA_DIR, "cache"),
    defaultLang: c.DEFAULT_LANG,
    rateLimitPerMinute: c.RATE_LIMIT_PER_MINUTE,
    // Replicas on one PostgreSQL count each user's questions together.
    sharedRateLimit: c.DATABASE_URL !== undefined,
    logQuestions: c.LOG_QUESTIONS,
    eventChannels: new Map(c.EVENT_CHANNELS.map((entry) => entry.split("=") as [string, string])),
    ...(now ? { clock: () => now } : {}),
  };
}

/** Where the last good copy of each schedule URL is kept. */
export const scheduleCopiesDir = (c: Config): string => join(c.DATA_DIR, "schedules");

/** The port HTTP modes listen on. */
export const httpPort = (c: Config): number => c.PORT ?? 3000;

/** Whether a platform is on in a mode the platform reaches over HTTP (Slack without an app token, Discord interactions). */
export const servesHttpRoutes = (c: Config): boolean =>
  (Boolean(c.SLACK_BOT_TOKEN) && !c.SLACK_APP_TOKEN) || (c.DISCORD_MODE === "http" && Boolean(c.DISCORD_PUBLIC_KEY));

/** Whether the configuration turns on a chat platform (else the console chat runs). */
export const platformsEnabled = (c: Config): boolean =>
  Boolean(c.SLACK_BOT_TOKEN) || (c.DISCORD_MODE === "http" ? Boolean(c.DISCORD_PUBLIC_KEY) : Boolean(c.DISCORD_TOKEN));
