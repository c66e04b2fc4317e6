// SCHEDULE_REFRESH_MINUTES against a real server on 127.0.0.1 and a real Bot: checks that find nothing new never
// reload; a changed schedule reloads once through Bot.reload (audited like any reload); a reload that fails, or a
// server that sends no schedule, leaves the old knowledge answering. Waits are generous and nothing is timed: on a
// busy machine each reload (a worker thread) can take many seconds.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { coalesce } from "../../src/coalesce.js";
import type { Bot, ReloadEvent } from "../../src/core/bot.js";
import type { User } from "../../src/core/protocol.js";
import { checkSchedule, refreshSchedules } from "../../src/schedule-refresh.js";
import { RELOADS } from "../core/fixture.js";
import { recordingBot, tempFolder } from "./schedule-fixtures.js";
import { scheduleServer, scheduleTitled, SERVED_SESSION, type ScheduleServer } from "./schedule-server.js";

const LIMITS = { timeoutMs: 10_000, maxBytes: 1024 * 1024 };
const REFRESH_USER: User = { id: "refresh", platform: "system", isAdmin: true, trusted: true, name: "SCHEDULE_REFRESH_MINUTES" };
const PATIENCE = { timeout: 90_000, interval: 100 };

let knowledge: Awaited<ReturnType<typeof tempFolder>>;
let data: Awaited<ReturnType<typeof tempFolder>>;
let server: ScheduleServer;
let stop: (() => void) | undefined;

beforeEach(async () => {
  [knowledge, data, server] = await Promise.all([tempFolder(), tempFolder(), scheduleServer()]);
});
afterEach(async () => {
  stop?.();
  await Promise.all([knowledge.remove(), data.remove(), server.close()]);
});

/** A bot on the server's schedule, checked every 50 ms as SCHEDULE_REFRESH_MINUTES would (in minutes). */
async function refreshedBot(): Promise<{ bot: Bot; events: ReloadEvent[] }> {
  const recorded = await recordingBot(knowledge.dir, { scheduleUrls: [server.url], fetchLimits: LIMITS, scheduleCopiesDir: data.dir });
  const reload = coalesce(() => recorded.bot.reload(REFRESH_USER));
  stop = refreshSchedules({ urls: [server.url], copiesDir: data.dir, everyMs: 50, reload, limits: LIMITS });
  return recorded;
}
const titleOf = (bot: Bot) => bot.snapshot.knowledge.sessions.get(SERVED_SESSION)?.title.en;
/** Waits until the server has had `n` more requests: checks have run. */
const moreRequests = (n: number) => {
  const target = server.requests.length + n;
  return vi.waitFor(() => expect(server.requests.length).toBeGreaterThanOrEqual(target), PATIENCE);
};

describe("schedule refresh", RELOADS, () => {
  it("asks conditionally, and a 304 or the same text is no change", async () => {
    await recordingBot(knowledge.dir, { scheduleUrls: [server.url], fetchLimits: LIMITS, scheduleCopiesDir: data.dir });
    expect(await checkSchedule(server.url, data.dir, LIMITS)).toEqual({ changed: false });
    expect(server.requests.at(-1)?.["if-none-match"]).toBe('"v1"');
    // A server without validators sends the same text again: still no change.
    server.answer = { kind: "schedule", body: scheduleTitled("First title"), etag: '"other"' };
    expect(await checkSchedule(server.url, data.dir, LIMITS)).toEqual({ changed: false });
    server.answer = { kind: "schedule", body: scheduleTitled("Second title"), etag: '"v2"' };
    expect(await checkSchedule(server.url, data.dir, LIMITS)).toEqual({ changed: true });
    server.answer = { kind: "status", status: 500 };
    expect(await checkSchedule(server.url, data.dir, LIMITS)).toEqual({ error: "the server answered HTTP 500 Internal Server Error" });
  });

  it("reloads only when the schedule changed, once per change, audited like any reload", async () => {
    const { bot, events } = await refreshedBot();
    await moreRequests(5);
    expect(events).toEqual([]);
    const before = bot.snapshot.version;
    server.answer = { kind: "schedule", body: scheduleTitled("Second title"), etag: '"v2"' };
    await vi.waitFor(() => expect(events.length).toBeGreaterThan(0), PATIENCE);
    expect(events[0]).toMatchObject({ ok: true, by: REFRESH_USER, versionBefore: before, versionAfter: bot.snapshot.version });
    expect(titleOf(bot)).toBe("Second title");
    await moreRequests(5);
    expect(events).toHaveLength(1);
  });

  it("keeps the old knowledge when the reload fails on a bad file", async () => {
    const { bot, events } = await refreshedBot();
    const before = bot.snapshot.version;
    await knowledge.write("broken.yaml", "sessions: [unclosed\n");
    server.answer = { kind: "schedule", body: scheduleTitled("Second title"), etag: '"v2"' };
    await vi.waitFor(() => expect(events.length).toBeGreaterThan(0), PATIENCE);
    expect(events[0]).toMatchObject({ ok: false, versionBefore: before, versionAfter: before, problems: [expect.objectContaining({ file: "broken.yaml" })] });
    expect(bot.snapshot.version).toBe(before);
    expect(titleOf(bot)).toBe("First title");
  });

  it("keeps the old knowledge when the server sends something that is no schedule", async () => {
    const { bot, events } = await refreshedBot();
    const before = bot.snapshot.version;
    server.answer = { kind: "page" };
    await vi.waitFor(() => expect(events.length).toBeGreaterThan(0), PATIENCE);
    expect(events[0]).toMatchObject({ ok: true, versionBefore: before, versionAfter: before });
    expect(bot.snapshot.copyNotices).toEqual([expect.objectContaining({ kind: "read", url: server.url, problem: expect.stringMatching(/^not JSON/) })]);
    expect(titleOf(bot)).toBe("First title");
  });

  it("does not reload once stopped", async () => {
    const { events } = await refreshedBot();
    await moreRequests(2);
    stop!();
    server.answer = { kind: "schedule", body: scheduleTitled("Second title"), etag: '"v2"' };
    // Whatever check was under way when it stopped has had its chance to answer.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(events).toEqual([]);
  });
});
