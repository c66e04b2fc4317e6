// Discord's limits, in one place: every message, component, autocomplete response and command registration
// is cut or checked against these (https://discord.com/developers/docs, "Limits" of each resource).

export const DISCORD_LIMITS = {
  embed: {
    title: 256,
    description: 4096,
    fields: 25,
    fieldName: 256,
    fieldValue: 1024,
    /** Summed over every embed of one message. */
    total: 6000,
    perMessage: 10,
  },
  /** A message's own text (content). */
  content: 2000,
  buttonsPerRow: 5,
  rows: 5,
  buttonLabel: 80,
  customId: 100,
  /** Autocomplete: at most 25 choices, each name and value at most 100 characters. */
  choices: 25,
  choiceText: 100,
  commands: 100,
  optionsPerCommand: 25,
  description: 100,
  /** Name, description and every option's name and description together, per command. */
  commandCharacters: 4000,
} as const;
