// `npm run discord:register [-- --dry-run]`: puts the catalogue's slash commands to Discord, to one server
// when DISCORD_GUILD_ID is set (instant, for testing) or globally. Run it when commands change, not on start.
import { pathToFileURL } from "node:url";
import { DiscordAPIError, REST, Routes } from "discord.js";
import { config as loadDotenv } from "dotenv";
import { catalogue } from "../../core/commands/index.js";
import { explain, loadConfig } from "../../config.js";
import { commandDefinitions } from "./commands.js";
import { validateCommands } from "./rules.js";

export interface RegisterIo {
  out(text: string): void;
  err(text: string): void;
}

function routeFor(applicationId: string, guildId: string | undefined): `/${string}` {
  return guildId ? Routes.applicationGuildCommands(applicationId, guildId) : Routes.applicationCommands(applicationId);
}

function explainFailure(error: unknown, guildId: string | undefined): string {
  if (error instanceof DiscordAPIError && error.status === 401) return explain("DISCORD_TOKEN", "Discord rejected the bot token");
  if (error instanceof DiscordAPIError && error.status === 403 && guildId) {
    return explain("DISCORD_GUILD_ID", "the bot has no access to this server: invite it with the applications.commands and bot scopes");
  }
  return `registration failed: ${error instanceof Error ? error.message : String(error)}`;
}

const USAGE = `usage: npm run discord:register                  (global: every server the bot is in)
       DISCORD_GUILD_ID=… npm run discord:register (one server, at once)
       npm run discord:register -- --dry-run        (print what would be sent; needs no token)`;

/** The exit status: 0 when the commands were put (or printed with --dry-run), 2 for an unknown argument. */
export async function runRegister(argv: readonly string[], env: NodeJS.ProcessEnv, io: RegisterIo): Promise<number> {
  // A typo must not fall through to a real registration.
  const unknown = argv.filter((a) => a !== "--dry-run");
  if (unknown.length) {
    io.err(`unknown option ${unknown.join(" ")}\n${USAGE}\n`);
    return 2;
  }
  const config = loadConfig(env);
  const definitions = commandDefinitions(catalogue);
  const problems = validateCommands(definitions);
  if (problems.length) {
    io.err(`the commands break Discord's rules:\n${problems.map((p) => `  - ${p}`).join("\n")}\n`);
    return 1;
  }
  const route = routeFor(config.DISCORD_APPLICATION_ID ?? "DISCORD_APPLICATION_ID", config.DISCORD_GUILD_ID);
  if (argv.includes("--dry-run")) {
    io.err(`dry run: would PUT ${definitions.length} commands to ${route}\n`);
    io.out(JSON.stringify(definitions, null, 2) + "\n");
    return 0;
  }
  const missing = [
    ...(config.DISCORD_TOKEN ? [] : [explain("DISCORD_TOKEN", "is missing")]),
    ...(config.DISCORD_APPLICATION_ID ? [] : [explain("DISCORD_APPLICATION_ID", "is missing")]),
  ];
  if (missing.length) {
    io.err(`cannot register:\n${missing.map((m) => `  - ${m}`).join("\n")}\n`);
    return 1;
  }
  const rest = new REST(config.DISCORD_API_URL ? { api: config.DISCORD_API_URL } : {}).setToken(config.DISCORD_TOKEN!);
  try {
    await rest.put(route, { body: definitions });
  } catch (error) {
    io.err(`${explainFailure(error, config.DISCORD_GUILD_ID)}\n`);
    return 1;
  }
  const scope = config.DISCORD_GUILD_ID ? `server ${config.DISCORD_GUILD_ID} (available now)` : "every server (global commands can take a while to appear)";
  io.out(`registered ${definitions.length} commands for ${scope}: ${definitions.map((d) => "/" + d.name).join(" ")}\n`);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  loadDotenv({ quiet: true });
  runRegister(process.argv.slice(2), process.env, { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) })
    .then((status) => (process.exitCode = status))
    .catch((error: unknown) => {
      process.stderr.write(`discord:register: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    });
}
