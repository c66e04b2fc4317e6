import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { catalogue } from "../../src/core/commands/index.js";
import { commandDefinitions, type CommandDefinition } from "../../src/adapters/discord/commands.js";
import { runRegister } from "../../src/adapters/discord/register.js";
import { validateCommands } from "../../src/adapters/discord/rules.js";
import { startFakeDiscordApi } from "./support.js";

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t) }, out, err };
}

describe("npm run discord:register", () => {
  let api: Awaited<ReturnType<typeof startFakeDiscordApi>>;
  beforeAll(async () => {
    api = await startFakeDiscordApi((r) =>
      r.headers.authorization === "Bot good-token" ? { status: 200, body: r.body } : { status: 401, body: { message: "401: Unauthorized", code: 0 } },
    );
  });
  afterAll(() => api.close());

  const env = (extra: Record<string, string>) => ({ DISCORD_APPLICATION_ID: "111", DISCORD_TOKEN: "good-token", DISCORD_API_URL: api.url, ...extra });

  it("puts the catalogue's commands to the test server when DISCORD_GUILD_ID is set", async () => {
    const { io, out } = capture();
    expect(await runRegister([], env({ DISCORD_GUILD_ID: "222" }), io)).toBe(0);
    const put = api.requests.at(-1)!;
    expect(put.method).toBe("PUT");
    expect(put.url).toBe("/v10/applications/111/guilds/222/commands");
    expect(put.body).toEqual(commandDefinitions(catalogue));
    expect(validateCommands(put.body as CommandDefinition[])).toEqual([]);
    expect(out.join("")).toContain(`registered ${catalogue.length} commands for server 222`);
  });

  it("puts them globally without DISCORD_GUILD_ID", async () => {
    const { io } = capture();
    expect(await runRegister([], env({}), io)).toBe(0);
    const put = api.requests.at(-1)!;
    expect(put.url).toBe("/v10/applications/111/commands");
    expect(put.body).toEqual(commandDefinitions(catalogue));
  });

  it("prints the payload with --dry-run, needing no token and sending nothing", async () => {
    const { io, out, err } = capture();
    const before = api.requests.length;
    expect(await runRegister(["--dry-run"], { DISCORD_API_URL: api.url }, io)).toBe(0);
    expect(JSON.parse(out.join(""))).toEqual(commandDefinitions(catalogue));
    expect(err.join("")).toContain(`would PUT ${catalogue.length} commands`);
    expect(api.requests.length).toBe(before);
  });

  it("refuses an unknown flag (--dryrun, a typo) with usage and exit 2, registering nothing", async () => {
    const { io, err } = capture();
    const before = api.requests.length;
    expect(await runRegister(["--dryrun"], env({}), io)).toBe(2);
    expect(err.join("")).toContain("unknown option --dryrun");
    expect(err.join("")).toContain("usage: npm run discord:register");
    expect(api.requests.length).toBe(before);
  });

  it("says where to find a missing token and application id", async () => {
    const { io, err } = capture();
    expect(await runRegister([], { DISCORD_API_URL: api.url }, io)).toBe(1);
    expect(err.join("")).toContain("DISCORD_TOKEN: is missing (find it in Discord Developer Portal → your application → Bot → Reset Token)");
    expect(err.join("")).toContain("DISCORD_APPLICATION_ID: is missing (find it in Discord Developer Portal → your application → General Information");
  });

  it("names DISCORD_TOKEN when Discord rejects it", async () => {
    const { io, err } = capture();
    expect(await runRegister([], env({ DISCORD_TOKEN: "stale-token" }), io)).toBe(1);
    expect(err.join("")).toContain("DISCORD_TOKEN: Discord rejected the bot token (find it in Discord Developer Portal");
  });
});
