// pino JSON logs on stderr (stdout belongs to the console chat and `ask --jsonl`). Anything that looks
// like a secret is redacted by key, and tokens never appear in messages we write.
import { pino, type Logger } from "pino";

export const REDACTED_KEYS = [
  "token", "*.token", "botToken", "appToken", "signingSecret", "*.signingSecret", "authorization", "*.authorization",
  "headers.authorization", "req.headers.authorization", "config.SLACK_BOT_TOKEN", "config.SLACK_APP_TOKEN",
  "config.SLACK_SIGNING_SECRET", "config.DISCORD_TOKEN", "config.DATABASE_URL", "databaseUrl",
];

// Discord's webhook routes (follow-ups, edits of a reply) authenticate by the interaction token in the path,
// `webhooks/{application}/{token}`, and discord.js puts that URL on its errors (`url`, sometimes in the message).
const WEBHOOK_TOKEN = /(webhooks\/\d+\/)[^/?#\s"']+/g;

/** A serialized error's strings, and those of the objects in it, with webhook tokens replaced. */
function withoutWebhookTokens(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return value.replace(WEBHOOK_TOKEN, "$1[redacted]");
  // Bounded depth: an error's fields may refer back to it.
  if (depth > 4 || typeof value !== "object" || value === null || ArrayBuffer.isView(value)) return value;
  if (Array.isArray(value)) return value.map((v) => withoutWebhookTokens(v, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutWebhookTokens(v, depth + 1)]));
}

export function createLogger(level = "info", destination: NodeJS.WritableStream = process.stderr): Logger {
  return pino(
    {
      level,
      base: { app: "eventdesk" },
      redact: { paths: REDACTED_KEYS, censor: "[redacted]" },
      serializers: { err: (error: unknown) => withoutWebhookTokens(pino.stdSerializers.err(error as Error)) },
    },
    destination as pino.DestinationStream,
  );
}
