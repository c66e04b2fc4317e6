import { describe, expect, it } from "vitest";
import { ApplicationCommandOptionType, PermissionFlagsBits } from "discord.js";
import { catalogue } from "../../src/core/commands/index.js";
import { commandDefinitions, PRIVATE_OPTION, type CommandDefinition } from "../../src/adapters/discord/commands.js";
import { validateCommands } from "../../src/adapters/discord/rules.js";

describe("Discord command definitions", () => {
  const definitions = commandDefinitions(catalogue);

  it("follows Discord's rules for every command in the catalogue", () => {
    expect(definitions.map((d) => d.name)).toEqual(catalogue.map((c) => c.spec.name));
    expect(validateCommands(definitions)).toEqual([]);
  });

  it("localizes descriptions in Korean, keeps names, and adds a private switch last", () => {
    for (const [i, d] of definitions.entries()) {
      const spec = catalogue[i].spec;
      expect(d.description).toBe(spec.description.en);
      expect(d.description_localizations).toEqual({ ko: spec.description.ko });
      expect(d.name_localizations).toBeUndefined();
      const last = d.options!.at(-1)!;
      expect(last).toMatchObject({ name: PRIVATE_OPTION, type: ApplicationCommandOptionType.Boolean });
      for (const o of spec.options) {
        const offered = o.choices ? { choices: o.choices.map((c) => ({ name: c, value: c })) } : { autocomplete: o.autocomplete ?? false };
        expect(d.options).toContainEqual(expect.objectContaining({ name: o.name, type: ApplicationCommandOptionType.String, ...offered }));
      }
    }
  });

  it("hides the admin commands (reload, insights) from members without Manage Server, and only those", () => {
    const hidden = definitions.filter((d) => d.default_member_permissions !== undefined);
    expect(hidden.map((d) => d.name)).toEqual(["reload", "insights"]);
    for (const d of hidden) expect(d.default_member_permissions).toBe(PermissionFlagsBits.ManageGuild.toString());
  });

  it("names each broken rule", () => {
    const broken: CommandDefinition[] = [
      { name: "Speaker", description: "" },
      {
        name: "x".repeat(33),
        description: "d".repeat(101),
        description_localizations: { ko: "좋음", "xx-YY": "bad" } as CommandDefinition["description_localizations"],
        options: [
          { type: ApplicationCommandOptionType.String, name: "a", description: "optional" },
          { type: ApplicationCommandOptionType.String, name: "b", description: "required", required: true },
          { type: ApplicationCommandOptionType.Boolean, name: "c", description: "flag", autocomplete: true } as never,
        ],
      },
      {
        name: "many",
        description: "too many options",
        options: Array.from({ length: 26 }, (_, i) => ({ type: ApplicationCommandOptionType.String, name: `o${i}`, description: "d" })),
      },
      { name: "many", description: "again" },
    ];
    const problems = validateCommands(broken).join("\n");
    expect(problems).toContain('/Speaker: name "Speaker" must be lower-case');
    expect(problems).toContain("/Speaker: description has 0 characters, must be 1–100");
    expect(problems).toMatch(/name "x{33}" must match/);
    expect(problems).toContain("description has 101 characters");
    expect(problems).toContain('"xx-YY" is not a Discord locale');
    expect(problems).toContain(" b: a required option must come before every optional one");
    expect(problems).toContain(" c: autocomplete needs a string or number option");
    expect(problems).toContain("/many: 26 options, at most 25");
    expect(problems).toContain("/many: defined twice");
  });
});
