// pino JSON logs on stderr (stdout belongs to the console chat and `ask --jsonl`). Anything that looks
// like a secret is redacted by key, and tokens never appear in messages we write.
import { pino, type Logger } from "pino";

export const REDACTED_KEYS = [
  "token", "*.token", "botToken", "appToken", "signingSecret", "*.signingSecret", "authorization", "*.authorization",
  "headers.authorization", "req.headers.authorization", "config.SLACK_BOT_TOKEN", "config.SLACK_APP_TOKEN",
  "config.SLACK_SIGNING_SECRET", "config.DISCORD_TOKEN",
];

export function createLogger(level = "info", destination: NodeJS.WritableStream = process.stderr): Logger {
  return pino({ level, base: { app: "eventdesk" }, redact: { paths: REDACTED_KEYS, censor: "[redacted]" } }, destination as pino.DestinationStream);
}
