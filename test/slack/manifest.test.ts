// The app manifest comes from the command catalogue, for Socket Mode or HTTP mode; `npm run slack:manifest` prints it.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { catalogue } from "../../src/core/commands/index.js";
import { BOT_EVENTS, BOT_SCOPES, buildManifest } from "../../src/adapters/slack/manifest.js";

describe("Slack app manifest", () => {
  it("lists every catalogue command with the prefix, plus /eventdesk, with descriptions and usage hints", () => {
    const manifest = buildManifest(catalogue, "kk-", { socket: true });
    const commands = manifest.features.slash_commands;
    expect(commands.map((c) => c.command)).toEqual([...catalogue.map((m) => `/kk-${m.spec.name}`), "/eventdesk"]);
    for (const c of commands) {
      expect(c.description.length).toBeGreaterThan(0);
      expect(c.description.length).toBeLessThanOrEqual(2000);
      expect(c).not.toHaveProperty("url");
    }
    expect(commands.find((c) => c.command === "/kk-speaker")).toMatchObject({ usage_hint: expect.stringContaining("[name]") });
    expect(commands.find((c) => c.command === "/kk-budget")).not.toHaveProperty("usage_hint");
  });

  it("leaves out, without a prefix, a command Slack has built in (/remind): the umbrella reaches it", () => {
    const names = buildManifest(catalogue, "", { socket: true }).features.slash_commands.map((c) => c.command);
    expect(names).not.toContain("/remind");
    expect(names).toContain("/subscribe");
    expect(buildManifest(catalogue, "kk-", { socket: true }).features.slash_commands.map((c) => c.command)).toContain("/kk-remind");
  });

  it("asks for the scopes and events the adapter uses, with Socket Mode on and no request URLs", () => {
    const manifest = buildManifest(catalogue, "", { socket: true });
    expect(manifest.oauth_config.scopes.bot).toEqual(expect.arrayContaining(["commands", "chat:write", "app_mentions:read", "im:history"]));
    expect(manifest.settings.event_subscriptions.bot_events).toEqual(["app_mention", "message.im"]);
    expect(manifest.settings.socket_mode_enabled).toBe(true);
    expect(manifest.settings.interactivity).toEqual({ is_enabled: true });
    expect(manifest.features.app_home.messages_tab_enabled).toBe(true);
  });

  it("points everything at <public URL>/slack/events in HTTP mode", () => {
    const manifest = buildManifest(catalogue, "", { socket: false, publicUrl: "https://bot.example.com" });
    const url = "https://bot.example.com/slack/events";
    expect(manifest.settings.socket_mode_enabled).toBe(false);
    expect(manifest.settings.event_subscriptions).toEqual({ request_url: url, bot_events: BOT_EVENTS });
    expect(manifest.settings.interactivity).toEqual({ is_enabled: true, request_url: url });
    for (const c of manifest.features.slash_commands) expect(c).toMatchObject({ url });
  });

  it("npm run slack:manifest prints the manifest as JSON, and usage for bad arguments", async () => {
    const run = promisify(execFile);
    const env = { ...process.env, SLACK_COMMAND_PREFIX: "kk-" };
    const { stdout } = await run(process.execPath, ["dist/adapters/slack/print-manifest.js", "--http", "https://bot.example.com"], { env });
    const manifest = JSON.parse(stdout);
    expect(manifest.settings.socket_mode_enabled).toBe(false);
    expect(manifest.features.slash_commands[0].command).toBe("/kk-speaker");
    expect(manifest.oauth_config.scopes.bot).toEqual(BOT_SCOPES);
    const bad = await run(process.execPath, ["dist/adapters/slack/print-manifest.js", "--http", "not-a-url"], { env }).catch((e: { code: number; stderr: string }) => e);
    expect(bad).toMatchObject({ code: 2, stderr: expect.stringContaining("usage:") });
  });
});
