// The catalogue as Discord slash commands: English by default, Korean through description_localizations
// (names stay the same so `/speaker` works in every client language), plus a `private` switch on each.
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  PermissionFlagsBits,
  type APIApplicationCommandBasicOption,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord.js";
import type { CommandModule, OptionSpec } from "../../core/commands/command.js";

export type CommandDefinition = RESTPostAPIChatInputApplicationCommandsJSONBody;

/** The option every command gets: answer ephemerally, seen only by the asker. */
export const PRIVATE_OPTION = "private";

const privateOption: APIApplicationCommandBasicOption = {
  type: ApplicationCommandOptionType.Boolean,
  name: PRIVATE_OPTION,
  description: "Show the answer only to you",
  description_localizations: { ko: "나에게만 보이는 답" },
};

function stringOption(option: OptionSpec): APIApplicationCommandBasicOption {
  return {
    type: ApplicationCommandOptionType.String,
    name: option.name,
    description: option.description.en,
    description_localizations: { ko: option.description.ko },
    required: option.required ?? false,
    ...(option.choices ? { choices: option.choices.map((c) => ({ name: c, value: c })) } : { autocomplete: option.autocomplete ?? false }),
  };
}

export function commandDefinitions(catalogue: readonly CommandModule[]): CommandDefinition[] {
  return catalogue.map(({ spec }) => ({
    type: ApplicationCommandType.ChatInput,
    name: spec.name,
    description: spec.description.en,
    description_localizations: { ko: spec.description.ko },
    // Discord rejects a required option after an optional one; `private` is always optional, so it goes last.
    options: [...spec.options.filter((o) => o.required), ...spec.options.filter((o) => !o.required)].map(stringOption).concat(privateOption),
    // Only hides the command from members without Manage Server: the adapter checks again in code.
    ...(spec.admin ? { default_member_permissions: PermissionFlagsBits.ManageGuild.toString() } : {}),
  }));
}
