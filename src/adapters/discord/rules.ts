// Discord's rules for application commands, checked before anything is sent: a registration that breaks
// one fails as a whole with a terse 400, so the tests and the register script say which rule and where.
import { ApplicationCommandOptionType, Locale } from "discord.js";
import type { CommandDefinition } from "./commands.js";
import { DISCORD_LIMITS } from "./limits.js";

const NAME = /^[-_\p{L}\p{N}]{1,32}$/u;
const LOCALES = new Set<string>(Object.values(Locale));
const AUTOCOMPLETE_TYPES = new Set([ApplicationCommandOptionType.String, ApplicationCommandOptionType.Integer, ApplicationCommandOptionType.Number]);

interface Named {
  name: string;
  description: string;
  description_localizations?: Partial<Record<string, string | null>> | null;
}

function checkNamed(where: string, item: Named): string[] {
  const problems: string[] = [];
  if (!NAME.test(item.name)) problems.push(`${where}: name "${item.name}" must match ${NAME.source} (1–32 letters, digits, - or _)`);
  if (item.name !== item.name.toLowerCase()) problems.push(`${where}: name "${item.name}" must be lower-case`);
  const descriptions = [["", item.description], ...Object.entries(item.description_localizations ?? {})] as const;
  for (const [locale, text] of descriptions) {
    if (locale && !LOCALES.has(locale)) problems.push(`${where}: "${locale}" is not a Discord locale`);
    const length = text?.length ?? 0;
    if (length < 1 || length > DISCORD_LIMITS.description) problems.push(`${where}: description${locale ? ` (${locale})` : ""} has ${length} characters, must be 1–${DISCORD_LIMITS.description}`);
  }
  return problems;
}

function characters(item: Named): number {
  return item.name.length + Math.max(item.description.length, ...Object.values(item.description_localizations ?? {}).map((d) => d?.length ?? 0));
}

/** Every rule the definitions break, one line each; empty when Discord will accept them. */
export function validateCommands(commands: readonly CommandDefinition[]): string[] {
  const problems: string[] = [];
  if (commands.length > DISCORD_LIMITS.commands) problems.push(`${commands.length} commands, at most ${DISCORD_LIMITS.commands}`);
  const seen = new Set<string>();
  for (const command of commands) {
    const where = `/${command.name}`;
    if (seen.has(command.name)) problems.push(`${where}: defined twice`);
    seen.add(command.name);
    problems.push(...checkNamed(where, command));
    const options = command.options ?? [];
    if (options.length > DISCORD_LIMITS.optionsPerCommand) problems.push(`${where}: ${options.length} options, at most ${DISCORD_LIMITS.optionsPerCommand}`);
    const optionNames = new Set<string>();
    let optionalSeen = false;
    for (const option of options) {
      const at = `${where} ${option.name}`;
      problems.push(...checkNamed(at, option));
      if (optionNames.has(option.name)) problems.push(`${at}: option defined twice`);
      optionNames.add(option.name);
      const required = "required" in option && option.required === true;
      if (required && optionalSeen) problems.push(`${at}: a required option must come before every optional one`);
      optionalSeen ||= !required;
      if ("autocomplete" in option && option.autocomplete && !AUTOCOMPLETE_TYPES.has(option.type)) problems.push(`${at}: autocomplete needs a string or number option`);
    }
    const total = characters(command) + options.reduce((sum, o) => sum + characters(o), 0);
    if (total > DISCORD_LIMITS.commandCharacters) problems.push(`${where}: ${total} characters in all, at most ${DISCORD_LIMITS.commandCharacters}`);
  }
  return problems;
}
