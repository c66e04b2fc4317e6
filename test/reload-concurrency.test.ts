// Reloading from anywhere, safely: concurrent reloads run one at a time, a request in flight finishes on its
// own snapshot, KNOWLEDGE_WATCH turns a burst of file changes into one reload, and the admin's reply names
// what a schedule import changed.
import { writeFileSync } from "node:fs";
import { readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { User } from "../src/core/protocol.js";
import { watchFolder } from "../src/watch.js";
import { ask, RELOADS } from "./core/fixture.js";
import { copyDefaultPack, type TempPack } from "./core/pack.js";
import { ADMIN, SHARED_SCHEDULE, event, recordingBot, serve, tinySchedule } from "./knowledge/schedule-fixtures.js";

const LIMITS = { timeoutMs: 5_000, maxBytes: 1024 * 1024 };

let cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.reverse()) await c();
  cleanups = [];
});

async function pack(): Promise<TempPack> {
  const p = await copyDefaultPack();
  cleanups.push(p.remove);
  return p;
}

/** A schedule server whose every answer is a new edition (so every reload changes the version), answering
 * after `delayMs`, and counting how many requests it is answering at once. */
async function editions(delayMs: number) {
  const stats = { served: 0, inFlight: 0, most: 0 };
  const server = await serve((_req, res) => {
    stats.inFlight++;
    stats.most = Math.max(stats.most, stats.inFlight);
    const edition = ++stats.served;
    setTimeout(() => {
      stats.inFlight--;
      res.end(tinySchedule([event(901, `Edition ${edition}`)]));
    }, delayMs);
  });
  cleanups.push(server.close);
  return { url: `${server.url}/schedule.json`, stats };
}

const user = (id: string, platform: User["platform"]): User => ({ id, platform, isAdmin: true, name: id });

/** Waits for a condition; generous, as a reload's worker can take seconds to start on a busy 2-core machine. */
async function until(condition: () => boolean, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) throw new Error("timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe("reloads", RELOADS, () => {
  it("run one at a time, in the order asked, each starting from the knowledge the one before left", async () => {
    const { url, stats } = await editions(80);
    const { bot, events } = await recordingBot((await pack()).dir, { scheduleUrls: [url], fetchLimits: LIMITS });
    const start = bot.snapshot.version;
    const users = [user("U1", "slack"), user("D2", "discord"), user("SIGHUP", "console")];
    const outcomes = await Promise.all(users.map((u) => bot.reload(u)));
    expect(stats.most).toBe(1);
    expect(events.map((e) => e.by.id)).toEqual(["U1", "D2", "SIGHUP"]);
    expect(events.every((e) => e.ok)).toBe(true);
    expect(events.map((e) => e.versionBefore)).toEqual([start, events[0].versionAfter, events[1].versionAfter]);
    expect(new Set(events.map((e) => e.versionAfter)).size).toBe(3);
    expect(outcomes.map((o) => o.version)).toEqual(events.map((e) => e.versionAfter));
    expect(bot.snapshot.version).toBe(events[2].versionAfter);
    // Items are keyed `${event}/${id}`; the served schedule's event is its acronym.
    expect(bot.snapshot.knowledge.sessions.get("tiny2022/901")!.title.en).toBe("Edition 4");
  });

  it("let a request in flight finish on the snapshot it started with", async () => {
    const { url } = await editions(300);
    const { bot } = await recordingBot((await pack()).dir, { scheduleUrls: [url], fetchLimits: LIMITS });
    const old = bot.snapshot.version;
    const startedBefore = ask(bot, "/session 901", { lang: "en" });
    const reloading = bot.reload({ ...ADMIN });
    const during = await ask(bot, "/session 901", { lang: "en" });
    expect(during).toMatchObject({ version: old, title: "Edition 1" });
    const outcome = await reloading;
    expect(outcome).toMatchObject({ ok: true, previousVersion: old });
    expect(outcome.version).not.toBe(old);
    expect(await startedBefore).toMatchObject({ version: old, title: "Edition 1" });
    expect(await ask(bot, "/session 901", { lang: "en" })).toMatchObject({ version: outcome.version, title: "Edition 2" });
  });

  it("from KNOWLEDGE_WATCH: a burst of file changes makes one reload by the watcher", async () => {
    const p = await pack();
    const { bot, events } = await recordingBot(p.dir);
    const watcher = user("watch", "console");
    const stop = watchFolder(p.dir, () => void bot.reload(watcher), (error) => { throw error; }, 150);
    cleanups.push(stop);
    // Written back to back, as an editor or a copy does: the watcher sees several events, the Bot one reload.
    const file = join(p.dir, "ifkakao-2022", "schedule.json");
    writeFileSync(file, tinySchedule([event(901, "Watched")]));
    writeFileSync(file, tinySchedule([event(901, "Watched"), event(902, "Watched too")]));
    // The reload itself (a worker thread) may take many seconds on a loaded machine: wait for it, not for a deadline.
    await until(() => events.length > 0, 25_000);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ ok: true, by: watcher });
    expect(events[0].changes.find((c) => c.section === "sessions")!.added).toEqual(["Watched (901)", "Watched too (902)"]);
    expect((await ask(bot, "/session 902")).title).toBe("Watched too");
  });

  it("reply to the admin with the new version, the counts and the names of what a schedule import changed", async () => {
    // The default pack holds the shared schedule: start without it, and drop it in as an admin would.
    const p = await pack();
    await rm(join(p.dir, "ifkakao-2022", "schedule.json"));
    const { bot } = await recordingBot(p.dir);
    const before = bot.snapshot.version;
    expect(bot.snapshot.knowledge.sessions.size).toBe(9);
    await p.write("schedule.json", await readFile(SHARED_SCHEDULE, "utf8"));
    const a = await ask(bot, "/reload", { user: { ...ADMIN }, lang: "en" });
    expect(bot.snapshot.version).not.toBe(before);
    expect(a.body).toContain(`Reloaded: version ${before} → ${bot.snapshot.version}`);
    expect(a.body).toContain("sessions 125");
    expect(a.body).toMatch(/^- sessions \+116: Day2 Keynote \(114\), AI와 클라우드, 그 너머의 가치 \(115\), .*, … \(\+96\)$/m);
    expect(a.body).toMatch(/^- sessions ~9: Our Social Mission \(110\), 1015 장애 원인 분석 \(111\), .*5\. 애플리케이션 레이어 다중화 \(109\)$/m);
    expect(a.body).toMatch(/^- people ~6: indy\.jones, crea\.m, milo\.seo, tonny\.yi, andrew\.kong, chadwick\.kang$/m);
    // The schedule joins the pack's event, ifkakao-2022 (its acronym is ifkakao2022).
    expect(a.body).toMatch(/^- sources \+1: schedule-ifkakao-2022$/m);
  });
});
