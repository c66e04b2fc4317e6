// The real published schedule of if(kakao) dev 2022 beside the default YAML pack: counts, the merge with
// the YAML entries, and the answers users get from it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Bot } from "../../src/core/bot.js";
import { loadKnowledge } from "../../src/core/knowledge/load.js";
import type { Knowledge } from "../../src/core/knowledge/schema.js";
import { ask, readable } from "../core/fixture.js";
import type { TempPack } from "../core/pack.js";
import { packWithSharedSchedule } from "./schedule-fixtures.js";

let pack: TempPack;
let k: Knowledge;
let bot: Bot;

beforeAll(async () => {
  pack = await packWithSharedSchedule();
  const loaded = await loadKnowledge(pack.dir);
  expect(loaded.problems).toEqual([]);
  k = loaded.knowledge!;
  bot = await Bot.create({ knowledgeDir: pack.dir });
});
afterAll(() => pack.remove());

const count = <T>(items: Iterable<T>, key: (item: T) => string[]) => {
  const out: Record<string, number> = {};
  for (const item of items) for (const x of key(item)) out[x] = (out[x] ?? 0) + 1;
  return out;
};

describe("importing the shared if(kakao) dev 2022 schedule", () => {
  it("gives 125 sessions, none doubled by the YAML pack, on the right days and in the right kinds", () => {
    expect(k.sessions.size).toBe(125);
    expect(count(k.sessions.values(), (s) => [s.date])).toEqual({ "2022-12-07": 4, "2022-12-08": 55, "2022-12-09": 66 });
    // 105–109 are "special" in the YAML pack (the 1015 retrospective), "talk" in the schedule: YAML wins.
    expect(count(k.sessions.values(), (s) => [s.kind])).toEqual({ keynote: 8, preview: 11, special: 5, talk: 101 });
  });

  it("maps every track name, combined ones to both tracks, and creates none the pack already has", () => {
    expect(k.tracks.size).toBe(12);
    const perTrack = count(k.sessions.values(), (s) => s.tracks);
    // The shared "AI + 데브옵스" and "ESG + 제너럴" previews count in both of their tracks.
    expect(perTrack).toEqual({
      "1015-retrospective": 5, ai: 29, backend: 17, frontend: 12, blockchain: 12, cloud: 12, mobile: 8, data: 7,
      general: 6, culture: 4, esg: 4, devops: 3,
    });
    expect(k.sessions.get("125")!.tracks).toEqual(["ai", "devops"]);
  });

  it("matches schedule persons to the pack's people by handle and name, and adds the others by handle", () => {
    expect(k.sessions.get("113")!.speakers).toEqual(["ko-woo-chan"]);
    expect(k.sessions.get("115")!.speakers).toEqual(["colin.d", "ko-woo-chan"]);
    expect(k.sessions.get("114")!.speakers).toEqual(["lee-chae-young"]);
    expect(k.sessions.get("111")!.speakers).toEqual(["lee-hwak-young"]);
    expect(k.people.get("colin.d")).toMatchObject({ name: { ko: "최동진" }, handle: "colin.d", organisation: { ko: "카카오엔터프라이즈" } });
    expect([...k.sessions.values()].filter((s) => s.speakers.includes("indy.jones")).map((s) => s.id).sort()).toEqual(["105", "109"]);
    // YAML wins where it says something; the schedule fills what it lacks.
    expect(k.people.get("ko-woo-chan")!.organisation).toEqual({ ko: "카카오", en: "Kakao" });
    expect(k.people.get("indy.jones")!.organisation).toEqual({ ko: "카카오", en: "카카오" });
  });

  it("lets a YAML session enrich the imported one: its title, kind, summary and quote stay, the schedule adds links and its cited page", () => {
    const s = k.sessions.get("110")!;
    expect(s).toMatchObject({ kind: "keynote", source: "fntimes", time: "11:00", speakers: ["namgoong-hoon"] });
    expect(s.quote).toMatch(/^남궁훈 재발방지대책 공동 소위원장은 ‘Our Social Mission’ 키노트에서/);
    expect(s.summary?.ko).toBeDefined();
    expect(s.links.map((l) => l.url)).toEqual(["https://if.kakao.com/2022/session/110", "https://youtu.be/drVzQXa0Tjc"]);
    expect(s.more.at(-1)).toEqual({
      source: "schedule-ifkakao2022",
      quote: "‘Our Social Mission’ — 남궁훈 (nkay.play), 2022-12-07 11:00 KST",
      url: "https://if.kakao.com/2022/session/110",
    });
    expect(k.sessions.get("109")).toMatchObject({ kind: "special", title: { en: "5. Redundancy of the application layer" }, tracks: ["1015-retrospective"] });
    expect(k.sources.get("schedule-ifkakao2022")).toEqual({ id: "schedule-ifkakao2022", title: "if(kakao) dev 2022 schedule", url: "https://if.kakao.com/2022" });
  });

  it("/track 데브옵스 lists the track's sessions, the shared AI + 데브옵스 one included, each cited by its own page", async () => {
    const a = await ask(bot, "/track 데브옵스");
    expect(a.body).toMatch(/^세션 3개/);
    for (const title of ["Preview DevOps + AI_3", "카프카, 대규모 클러스터 운영 후기", "GitHub Actions Runner 빌드 실전 적용기"]) expect(a.body).toContain(title);
    const pages = a.citations.map((c) => c.url).filter((u) => u?.includes("/session/"));
    expect(pages.sort()).toEqual(["https://if.kakao.com/2022/session/125", "https://if.kakao.com/2022/session/66", "https://if.kakao.com/2022/session/73"]);
  });

  it("/speaker indy.jones lists that speaker's two sessions", async () => {
    const a = await ask(bot, "/speaker indy.jones", { lang: "en" });
    expect(a.answered).toBe(true);
    expect(a.body).toContain("1. Thinking about redundancy at the data-center level");
    expect(a.body).toContain("5. Redundancy of the application layer");
    expect(a.body.match(/^- /gm)).toHaveLength(2);
  });

  it("“8일 AI 세션” lists the AI sessions released on the 8th, counts first, with how to narrow down", async () => {
    const a = await ask(bot, "8일 AI 세션");
    expect(a.command).toBe("session");
    const aiTrackOn8th = [...k.sessions.values()].filter((s) => s.date === "2022-12-08" && s.tracks.includes("ai"));
    expect(aiTrackOn8th).toHaveLength(18);
    expect(a.body).toMatch(/^AI, 12월 8일: 기술 세션 16개입니다\. 그 밖에 트랙 프리뷰 2개가 있어 총 18개입니다\./);
    // 15 lines shown, every one of them an AI session of the 8th, and the rest counted.
    const shown = a.body.match(/^- (?!…).+$/gm)!;
    expect(shown).toHaveLength(15);
    expect(shown.every((line) => aiTrackOn8th.some((s) => line.startsWith(`- ${s.title.ko} — `)))).toBe(true);
    expect(a.body).toContain("… 외 3개");
    expect(a.body).toContain("좁혀 보세요");
    expect(a.citations.every((c) => c.url?.startsWith("https://if.kakao.com/2022/session/"))).toBe(true);
  });

  it("/session of an imported talk shows its track, speakers and links, cited by its own page", async () => {
    const a = await ask(bot, "/session 66", { lang: "en" });
    expect(readable(a)).toContain("카프카, 대규모 클러스터 운영 후기");
    expect(a.body).toContain("[Session page](https://if.kakao.com/2022/session/66)");
    expect(a.citations).toEqual([
      expect.objectContaining({ source: "schedule-ifkakao2022", url: "https://if.kakao.com/2022/session/66" }),
    ]);
  });

  it("keeps autocomplete within 25 choices and fast with 125 sessions and 138 people", () => {
    const started = performance.now();
    let calls = 0;
    for (const typed of ["", "a", "카", "kakao", "MLOps", "indy", "데브"]) {
      for (const [command, option] of [["session", "query"], ["speaker", "name"], ["track", "name"]]) {
        const choices = bot.autocomplete(command, option, typed, "ko");
        expect(choices.length).toBeLessThanOrEqual(25);
        calls++;
      }
    }
    const perCall = (performance.now() - started) / calls;
    expect(bot.autocomplete("speaker", "name", "indy", "ko")[0]).toEqual({ name: "indy.jones", value: "indy.jones" });
    // Discord drops autocomplete answers slower than 3 s; this leaves room on a slow CI machine.
    expect(perCall).toBeLessThan(50);
  });
});
