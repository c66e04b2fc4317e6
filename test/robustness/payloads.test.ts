// Signed but malformed requests, the shapes that used to kill the process (issue 12, attack 3) and their neighbours:
// each gets a 4xx, and the server keeps serving (an unhandled rejection would fail this test run too).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEndpoints } from "./endpoints.js";

const member = { user: { id: "42", username: "alice" }, roles: [], permissions: "0" };
const base = { id: "900", application_id: "1015", token: "tok", version: 1, locale: "ko", member };
const command = { id: "1", name: "budget", type: 1, options: [] };

const DISCORD_SHAPES: Record<string, unknown> = {
  "body null": null,
  "type 2 without data": { ...base, type: 2 },
  "type 3 without message": { ...base, type: 3, data: { custom_id: "x" } },
  'permissions "abc"': { ...base, type: 2, member: { ...member, permissions: "abc" }, data: command },
  "options not an array": { ...base, type: 2, data: { ...command, options: "budget" } },
  "autocomplete options an object": { ...base, type: 4, data: { name: "speaker", options: { focused: true } } },
  "an array": [base],
  "a string": "interaction",
  "no type": { ...base, data: command },
};

const SLACK_SHAPES: Record<string, [string, string]> = {
  "JSON null": ["null", "application/json"],
  "payload=null": ["payload=null", "application/x-www-form-urlencoded"],
  "payload not JSON": ["payload=%7Bnope", "application/x-www-form-urlencoded"],
  "JSON array": ["[]", "application/json"],
  "event a string": [JSON.stringify({ type: "event_callback", event_id: "Ev1", event: "app_mention" }), "application/json"],
  "event text a number": [JSON.stringify({ type: "event_callback", event_id: "Ev2", event: { type: "app_mention", user: "U1", text: 5, channel: "C1", ts: "1" } }), "application/json"],
  "slash command without a user or response_url": ["command=%2Fbudget&text=", "application/x-www-form-urlencoded"],
  "actions null": [`payload=${encodeURIComponent(JSON.stringify({ type: "block_actions", user: { id: "U1" }, actions: null, response_url: "https://hooks.example/x" }))}`, "application/x-www-form-urlencoded"],
  "response_url not http": ["command=%2Fbudget&text=&user_id=U1&channel_id=C1&response_url=file%3A%2F%2F%2Fetc%2Fpasswd", "application/x-www-form-urlencoded"],
};

let endpoints: Awaited<ReturnType<typeof startEndpoints>>;
beforeAll(async () => {
  endpoints = await startEndpoints();
});
afterAll(() => endpoints?.close());

describe("signed requests of a shape the handlers cannot read", () => {
  it.each(Object.entries(DISCORD_SHAPES))("Discord, %s: 400, and the server keeps serving", async (_name, shape) => {
    expect(await endpoints.send(endpoints.discord(JSON.stringify(shape)))).toBe(400);
    expect(await endpoints.healthy()).toBe(true);
  });

  it.each(Object.entries(SLACK_SHAPES))("Slack, %s: 400, and the server keeps serving", async (_name, [body, contentType]) => {
    expect(await endpoints.send(endpoints.slack(body, contentType))).toBe(400);
    expect(await endpoints.healthy()).toBe(true);
  });
});
