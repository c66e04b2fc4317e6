// Schedules from SCHEDULE_URLS, served by a real HTTP server on 127.0.0.1: the good case and every way a
// URL can fail, each reported naming the URL while the pack is kept.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Bot } from "../../src/core/bot.js";
import { collectingLogger } from "../discord/support.js";
import { loadKnowledge } from "../../src/core/knowledge/load.js";
import { formatProblem } from "../../src/core/knowledge/schema.js";
import { fetchSchedule } from "../../src/core/knowledge/schedule-fetch.js";
import { ask, RELOADS } from "../core/fixture.js";
import { copyDefaultPack, type TempPack } from "../core/pack.js";
import { ADMIN, event, recordingBot, serve, tinySchedule } from "./schedule-fixtures.js";

const SCHEDULE = tinySchedule([event(901, "Served over HTTP", { persons: [{ name: "http.speaker" }] })], "served2022");
// A generous time limit for every case but the slow one: on a loaded machine a tight one fails the good cases too.
const LIMITS = { timeoutMs: 10_000, maxBytes: 64 * 1024 };
const SHORT = { ...LIMITS, timeoutMs: 300 };

let server: Awaited<ReturnType<typeof serve>>;
let pack: TempPack;

beforeAll(async () => {
  pack = await copyDefaultPack();
  server = await serve((req, res) => {
    switch (req.url) {
      case "/schedule.json":
        res.setHeader("content-type", "application/json");
        return res.end(SCHEDULE);
      case "/slow.json":
        return setTimeout(() => res.end(SCHEDULE), 6_000).unref();
      case "/huge.json":
        // No content-length: the cap must hold while reading.
        res.write("[" + " ".repeat(LIMITS.maxBytes));
        return res.end("]");
      case "/declared-huge.json":
        res.setHeader("content-length", String(LIMITS.maxBytes + 1));
        return res.end(" ".repeat(LIMITS.maxBytes + 1));
      case "/broken.json":
        res.statusCode = 500;
        return res.end("Internal Server Error");
      case "/page.html":
        res.setHeader("content-type", "text/html");
        return res.end("<!doctype html>\n<title>Schedule</title>");
      default:
        res.statusCode = 404;
        return res.end("not found");
    }
  });
});
afterAll(async () => {
  await server.close();
  await pack.remove();
});

describe("schedule URLs", RELOADS, () => {
  it("are fetched, merged with the pack, listed among its files and part of its version", async () => {
    const url = `${server.url}/schedule.json`;
    const r = await loadKnowledge(pack.dir, { scheduleUrls: [url], fetchLimits: LIMITS });
    expect(r.problems).toEqual([]);
    expect(r.files.at(-1)).toBe(url);
    const k = r.knowledge!;
    // Another conference than the pack's: an event of its own beside it, its items keyed under it.
    expect([...k.events.keys()]).toEqual(["ifkakao-2022", "served2022"]);
    expect(k.sessions.get("served2022/901")).toMatchObject({ id: "901", event: "served2022", tracks: ["served2022/ai"], speakers: ["served2022/http.speaker"], source: "schedule-served2022" });
    expect(k.people.get("served2022/http.speaker")).toMatchObject({ name: { en: "http.speaker" }, handle: "http.speaker" });
    const perEvent = [...k.sessions.values()].reduce<Record<string, number>>((n, s) => ({ ...n, [s.event]: (n[s.event] ?? 0) + 1 }), {});
    expect(perEvent).toEqual({ "ifkakao-2022": 125, served2022: 1 });
    expect(r.version).not.toBe((await loadKnowledge(pack.dir)).version);
  });

  it("answer through a real Bot", async () => {
    const { bot } = await recordingBot(pack.dir, { scheduleUrls: [`${server.url}/schedule.json`], fetchLimits: LIMITS });
    const a = await ask(bot, "/speaker http.speaker", { lang: "en" });
    expect(a.body).toContain("Served over HTTP");
    expect(a.citations[0].url).toBe("https://example.org/session/901");
  });

  it.each([
    ["/missing.json", /the server answered HTTP 404 Not Found/, LIMITS],
    ["/slow.json", /no complete answer within 0\.3 s/, SHORT],
    ["/huge.json", /larger than the 0\.06 MB limit/, LIMITS],
    ["/declared-huge.json", /larger than the 0\.06 MB limit/, LIMITS],
  ])("%s is reported naming the URL", async (path, reason, limits) => {
    const url = `${server.url}${path}`;
    const r = await loadKnowledge(pack.dir, { scheduleUrls: [url], fetchLimits: limits });
    expect(r.knowledge).toBeUndefined();
    expect(r.problems).toEqual([{ file: url, message: expect.stringMatching(reason) }]);
    expect(formatProblem(r.problems[0])).toMatch(new RegExp(`^${url}: cannot read the schedule: `));
  });

  it("that answer something other than JSON are reported as such", async () => {
    const url = `${server.url}/page.html`;
    const r = await loadKnowledge(pack.dir, { scheduleUrls: [url], fetchLimits: LIMITS });
    expect(r.problems).toEqual([expect.objectContaining({ file: url, message: expect.stringMatching(/^not JSON: Unexpected token '<'/) })]);
  });

  it("that cannot be reached, or are not http(s), are reported without a request", async () => {
    const closed = await serve(() => undefined);
    await closed.close();
    expect(await fetchSchedule(`${closed.url}/schedule.json`, LIMITS)).toEqual({ ok: false, error: "unreachable (ECONNREFUSED)" });
    expect(await fetchSchedule("file:///etc/passwd", LIMITS)).toEqual({ ok: false, error: "only http and https schedule URLs are read, not file:" });
    expect(await fetchSchedule("schedule.json", LIMITS)).toEqual({ ok: false, error: "not a URL" });
  });

  it("that fail keep the old knowledge on reload, and are left out of a start-up, reported", async () => {
    const own = await serve((_req, res) => res.end(SCHEDULE));
    const url = `${own.url}/schedule.json`;
    const { bot, events } = await recordingBot(pack.dir, { scheduleUrls: [url], fetchLimits: LIMITS });
    const version = bot.snapshot.version;
    await own.close();
    const a = await ask(bot, "/reload", { user: { ...ADMIN }, lang: "en" });
    expect(a.answered).toBe(false);
    expect(a.body).toContain(`${url}: cannot read the schedule: unreachable (ECONNREFUSED)`);
    expect(events).toEqual([expect.objectContaining({ ok: false, versionBefore: version, versionAfter: version })]);
    expect(await ask(bot, "/session 901")).toMatchObject({ answered: true, version });
    const logs = collectingLogger();
    const started = await Bot.create({ knowledgeDir: pack.dir, scheduleUrls: [url, `${server.url}/broken.json`, `${server.url}/schedule.json`], fetchLimits: LIMITS, logger: logs.logger });
    expect(started.snapshot.files).toContain(`${server.url}/schedule.json`);
    expect(started.snapshot.files).not.toContain(url);
    expect(await ask(started, "/session 901")).toMatchObject({ answered: true, title: "Served over HTTP" });
    const warned = logs.lines.find((l) => l.msg === "schedule URLs left out at start-up: every reload tries them again");
    expect(JSON.stringify(warned)).toContain(`${url}: cannot read the schedule: unreachable`);
    expect(JSON.stringify(warned)).toContain("/broken.json: cannot read the schedule: the server answered HTTP 500");
  });

  it("never show their credentials or query keys: not in problems, reload replies or the audit", async () => {
    const secret = `${server.url.replace("://", "://jane:hunter2@")}/missing.json?token=s3cr3t&day=1`;
    const r = await loadKnowledge(pack.dir, { scheduleUrls: [secret], fetchLimits: LIMITS });
    expect(r.problems[0].file).toBe(`${server.url.replace("://", "://***@")}/missing.json?token=***&day=***`);
    const { bot, events } = await recordingBot(pack.dir, { scheduleUrls: [secret], fetchLimits: LIMITS });
    const reply = await ask(bot, "/reload", { user: { ...ADMIN }, lang: "en" });
    expect(reply.body).toContain("/missing.json?token=***&day=***: cannot read the schedule");
    const shown = JSON.stringify([r.problems, r.files, reply, events, bot.snapshot.files]);
    for (const leak of ["hunter2", "s3cr3t"]) expect(shown).not.toContain(leak);
  });;
});
