// The last good copy of each schedule URL, against a real server on 127.0.0.1: a URL that fails (an error status,
// nobody listening, a page that is no schedule) is read from its copy with a warning naming the (redacted) URL and
// the copy's age; the copy is replaced whole; and a request with a copy is conditional, its 304 using the copy.
import { readdir, readFile, stat, utimes } from "node:fs/promises";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Bot } from "../../src/core/bot.js";
import { loadKnowledge } from "../../src/core/knowledge/load.js";
import { copyFile, readCopy } from "../../src/core/knowledge/schedule-copies.js";
import { readScheduleUrl } from "../../src/core/knowledge/schedule-url.js";
import { collectingLogger } from "../discord/support.js";
import { ask, RELOADS } from "../core/fixture.js";
import { ADMIN, recordingBot, tempFolder } from "./schedule-fixtures.js";
import { LAST_MODIFIED, scheduleServer, scheduleTitled, SERVED_SESSION, type ScheduleServer } from "./schedule-server.js";

// A generous time limit: on a loaded machine a tight one fails the good cases too.
const LIMITS = { timeoutMs: 10_000, maxBytes: 1024 * 1024 };
const HOURS = 3_600_000;

let knowledge: Awaited<ReturnType<typeof tempFolder>>;
let data: Awaited<ReturnType<typeof tempFolder>>;
let server: ScheduleServer;

beforeEach(async () => {
  // An empty knowledge folder: the URL's schedule is the whole knowledge.
  [knowledge, data, server] = await Promise.all([tempFolder(), tempFolder(), scheduleServer()]);
});
afterEach(async () => {
  await Promise.all([knowledge.remove(), data.remove(), server.close()]);
});

const load = (url = server.url) => loadKnowledge(knowledge.dir, { scheduleUrls: [url], fetchLimits: LIMITS, scheduleCopiesDir: data.dir });
const titleIn = (r: Awaited<ReturnType<typeof load>>) => r.knowledge?.sessions.get(SERVED_SESSION)?.title.en;
/** Makes the copy of `url` look `hours` old. */
const age = (url: string, hours: number) => utimes(copyFile(data.dir, url), new Date(Date.now() - hours * HOURS), new Date(Date.now() - hours * HOURS));

describe("a schedule URL that fails", () => {
  it.each([
    ["answers HTTP 500", (s: ScheduleServer) => void (s.answer = { kind: "status", status: 500 }), "cannot read the schedule: the server answered HTTP 500 Internal Server Error"],
    ["sends a page that is no schedule", (s: ScheduleServer) => void (s.answer = { kind: "page" }), "not JSON"],
  ])("%s is read from its last good copy at start-up, with a warning naming the URL and the copy's age", async (_case, fail, problem) => {
    const first = await Bot.create({ knowledgeDir: knowledge.dir, scheduleUrls: [server.url], fetchLimits: LIMITS, scheduleCopiesDir: data.dir });
    await age(server.url, 3);
    fail(server);
    const logs = collectingLogger();
    const bot = await Bot.create({ knowledgeDir: knowledge.dir, scheduleUrls: [server.url], fetchLimits: LIMITS, scheduleCopiesDir: data.dir, logger: logs.logger });
    expect(bot.snapshot.version).toBe(first.snapshot.version);
    expect(bot.snapshot.knowledge.sessions.get(SERVED_SESSION)?.title.en).toBe("First title");
    const warning = logs.lines.find((l) => l.level === 40 && l.url === server.url);
    expect(warning?.msg).toMatch(new RegExp(`^${server.url}: .*${problem}.*: using the copy from 3 h ago$`));
  });

  it("when nobody listens any more is read from its copy too", async () => {
    expect(titleIn(await load())).toBe("First title");
    await age(server.url, 26);
    await server.close();
    const r = await load();
    expect(r.problems).toEqual([]);
    expect(titleIn(r)).toBe("First title");
    expect(r.copyNotices).toEqual([{ kind: "read", url: server.url, problem: "cannot read the schedule: unreachable (ECONNREFUSED)", savedAt: expect.any(Date) }]);
  });

  it("with no copy is left out with a problem, as before copies", async () => {
    server.answer = { kind: "status", status: 500 };
    const r = await load();
    expect(r.knowledge).toBeUndefined();
    expect(r.problems).toEqual([{ file: server.url, message: "cannot read the schedule: the server answered HTTP 500 Internal Server Error" }]);
    expect(await readdir(data.dir)).toEqual([]);
  });

  it("on reload keeps the knowledge answering and tells the admin which copy was read", async () => {
    const { bot, events } = await recordingBot(knowledge.dir, { scheduleUrls: [server.url], fetchLimits: LIMITS, scheduleCopiesDir: data.dir });
    await age(server.url, 3);
    server.answer = { kind: "status", status: 503 };
    const reply = await ask(bot, "/reload", { user: { ...ADMIN }, lang: "en" });
    expect(reply.answered).toBe(true);
    expect(reply.body).toContain(`Schedule URLs and their last good copies:\n- ${server.url}: cannot read the schedule: the server answered HTTP 503 Service Unavailable: using the copy from 3 h ago`);
    const version = bot.snapshot.version;
    expect(events).toEqual([expect.objectContaining({ ok: true, versionBefore: version, versionAfter: version })]);
    expect(bot.snapshot.knowledge.sessions.get(SERVED_SESSION)?.title.en).toBe("First title");
  }, RELOADS.timeout);

  it("never shows or stores its credentials or query values", async () => {
    const secret = server.url.replace("://", "://jane:hunter2@") + "?token=s3cr3t";
    const shown = server.url.replace("://", "://***@") + "?token=***";
    expect((await load(secret)).problems).toEqual([]);
    server.answer = { kind: "status", status: 500 };
    const logs = collectingLogger();
    await Bot.create({ knowledgeDir: knowledge.dir, scheduleUrls: [secret], fetchLimits: LIMITS, scheduleCopiesDir: data.dir, logger: logs.logger });
    const warning = logs.lines.find((l) => l.level === 40);
    expect(warning?.msg).toMatch(new RegExp(`^${shown.replace(/[.*?]/g, "\\$&")}: cannot read the schedule: .*: using the copy from less than a minute ago$`));
    const files = await readdir(data.dir);
    const stored = [files.join(), ...(await Promise.all(files.map((f) => readFile(`${data.dir}/${f}`, "utf8"))))].join();
    for (const leak of ["hunter2", "s3cr3t", "jane"]) expect(JSON.stringify(logs.lines) + stored).not.toContain(leak);
  });
});

describe("the last good copy", () => {
  it("is one file per URL, named by a hash of the redacted URL, holding the text and its validators", async () => {
    await load();
    expect(await readdir(data.dir)).toEqual([copyFile(data.dir, server.url).split("/").pop()]);
    expect(copyFile(data.dir, server.url.replace("://", "://jane:hunter2@"))).toBe(copyFile(data.dir, server.url.replace("://", "://joe:other@")));
    expect(await readCopy(data.dir, server.url)).toMatchObject({ url: server.url, body: scheduleTitled("First title"), validators: { etag: '"v1"', lastModified: LAST_MODIFIED } });
  });

  it("is replaced whole: readers during many concurrent writes only ever see a complete copy, and no temporary file stays", async () => {
    // Large texts take a while to write, so that a reader would catch a half-written file if there could be one.
    const texts = ["A", "B"].map((t) => scheduleTitled(`${t} ${"x".repeat(200_000)}`));
    let reading = true;
    const reads: string[] = [];
    const reader = (async () => {
      while (reading) {
        const copy = await readFile(copyFile(data.dir, server.url), "utf8").catch(() => undefined);
        if (copy !== undefined) reads.push(copy);
      }
    })();
    for (let round = 0; round < 10; round++) {
      server.answer = { kind: "schedule", body: texts[round % 2], etag: `"r${round}"` };
      await Promise.all(Array.from({ length: 4 }, () => readScheduleUrl(server.url, LIMITS, data.dir)));
    }
    reading = false;
    await reader;
    expect(reads.length).toBeGreaterThan(0);
    for (const read of reads) expect(texts).toContain((JSON.parse(read) as { body: string }).body);
    expect(await readdir(data.dir)).toEqual([copyFile(data.dir, server.url).split("/").pop()]);
  });

  it("that cannot be written (DATA_DIR is no folder) is warned about, and the schedule is still read", async () => {
    await data.write("not-a-folder", "");
    const logs = collectingLogger();
    const bot = await Bot.create({ knowledgeDir: knowledge.dir, scheduleUrls: [server.url], fetchLimits: LIMITS, scheduleCopiesDir: `${data.dir}/not-a-folder`, logger: logs.logger });
    expect(bot.snapshot.knowledge.sessions.get(SERVED_SESSION)?.title.en).toBe("First title");
    expect(bot.snapshot.copyNotices).toEqual([{ kind: "not-kept", url: server.url, problem: expect.stringMatching(/^the last good copy could not be kept: E/) }]);
    expect(logs.lines.find((l) => l.level === 40)?.msg).toMatch(new RegExp(`^${server.url}: the last good copy could not be kept: `));
  });

  it("makes the next request conditional, and a 304 uses the copy (its age renewed) without a body", async () => {
    const first = await load();
    expect(server.requests[0]["if-none-match"]).toBeUndefined();
    await age(server.url, 5);
    const aged = (await stat(copyFile(data.dir, server.url))).mtimeMs;
    const second = await load();
    expect(server.requests[1]).toMatchObject({ "if-none-match": '"v1"', "if-modified-since": LAST_MODIFIED });
    expect(second.problems).toEqual([]);
    expect(second.copyNotices).toEqual([]);
    expect(second.version).toBe(first.version);
    expect(titleIn(second)).toBe("First title");
    expect((await stat(copyFile(data.dir, server.url))).mtimeMs).toBeGreaterThan(aged);
  });
});
