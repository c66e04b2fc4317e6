// `npm run slack:manifest -- [--socket | --http https://your-host]`: prints the app manifest (JSON) on stdout.
// Command names take SLACK_COMMAND_PREFIX from the environment or .env.
import "dotenv/config";
import { catalogue } from "../../core/commands/index.js";
import { ConfigError, loadConfig } from "../../config.js";
import { buildManifest, type ManifestMode } from "./manifest.js";

const USAGE = `usage: npm run slack:manifest -- --socket                  (Socket Mode: no public URL needed; the default)
       npm run slack:manifest -- --http https://your-host   (HTTP mode: Slack posts to https://your-host/slack/events)`;

function modeFrom(argv: string[]): ManifestMode | undefined {
  if (argv.length === 0 || (argv.length === 1 && argv[0] === "--socket")) return { socket: true };
  if (argv.length === 2 && argv[0] === "--http" && /^https:\/\/[^\s/]+/.test(argv[1])) return { socket: false, publicUrl: argv[1] };
  return undefined;
}

const mode = modeFrom(process.argv.slice(2));
if (!mode) {
  process.stderr.write(USAGE + "\n");
  process.exit(2);
}
try {
  const config = loadConfig();
  process.stdout.write(JSON.stringify(buildManifest(catalogue, config.SLACK_COMMAND_PREFIX ?? "", mode), null, 2) + "\n");
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  process.stderr.write(`eventdesk: ${error.message}\n`);
  process.exit(1);
}
