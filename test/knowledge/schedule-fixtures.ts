// Schedules for tests: the shared published one (read from ../shared, never copied into the repo), small
// ones written here, temporary knowledge folders, and a loopback HTTP server to serve them from.
import { createServer, type RequestListener } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { Bot, type ReloadEvent } from "../../src/core/bot.js";
import type { LoadOptions } from "../../src/core/knowledge/load.js";
import { copyDefaultPack, type TempPack } from "../core/pack.js";

export const SHARED_SCHEDULE = "../shared/data/ifkakao2022/schedule.json";
/** Real exports (pretalx, frab, c3voc, hub 2.0), read from here as published. */
export const REAL_SCHEDULES = "../shared/data/real-schedules";

export const ADMIN = { id: "U-admin", platform: "slack", isAdmin: true, name: "admin" } as const;

/** The default pack with the shared schedule beside it, as an admin would drop it in. */
export async function packWithSharedSchedule(): Promise<TempPack> {
  const pack = await copyDefaultPack();
  await pack.write("schedule.json", await readFile(SHARED_SCHEDULE, "utf8"));
  return pack;
}

/** An empty temporary folder; files are written relative to it. */
export async function tempFolder(): Promise<{ dir: string; write(file: string, text: string): Promise<void>; remove(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), "eventdesk-schedule-"));
  return {
    dir,
    async write(file, text) {
      await mkdir(dirname(join(dir, file)), { recursive: true });
      await writeFile(join(dir, file), text);
    },
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}

export interface TinyEvent {
  id: number;
  date: string;
  title: string;
  track?: string | null;
  type?: string;
  persons?: { name: string; handle?: string; organisation?: string }[];
  url?: string;
  links?: { title: string; url: string }[];
}

export const event = (id: number, title: string, extra: Partial<TinyEvent> = {}): TinyEvent => ({
  id,
  date: "2022-12-08T12:00:00+09:00",
  title,
  track: "AI",
  type: "talk",
  persons: [{ name: "ryan.test", organisation: "카카오" }],
  url: `https://example.org/session/${id}`,
  links: [],
  ...extra,
});

/** A small schedule in the pretalx / frab layout, pretty-printed so problems have meaningful lines. */
export function tinySchedule(events: TinyEvent[], acronym = "tiny2022"): string {
  return JSON.stringify(
    {
      schedule: {
        version: "1",
        conference: {
          acronym,
          title: `Tiny ${acronym}`,
          url: "https://example.org/",
          time_zone_name: "Asia/Seoul",
          tracks: [{ name: "AI" }],
          days: [{ index: 1, date: "2022-12-08", rooms: { Online: events } }],
        },
      },
    },
    null,
    2,
  );
}

/** A real Bot whose reload events are collected in order. */
export async function recordingBot(knowledgeDir: string, options: LoadOptions = {}): Promise<{ bot: Bot; events: ReloadEvent[] }> {
  const events: ReloadEvent[] = [];
  const bot = await Bot.create({ knowledgeDir, ...options, onReload: (e) => void events.push(e) });
  return { bot, events };
}

/** An HTTP server on 127.0.0.1 with a free port. */
export async function serve(handler: RequestListener): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
