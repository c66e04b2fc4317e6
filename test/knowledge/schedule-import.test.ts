// The real published schedule of if(kakao) dev 2022 beside the default YAML pack: counts, the merge with
// the YAML entries, and the answers users get from it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Bot } from "../../src/core/bot.js";
import { loadKnowledge } from "../../src/core/knowledge/load.js";
import { keyOf } from "../../src/core/knowledge/packs.js";
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

const EVENT = "ifkakao-2022";
const session = (id: string) => k.sessions.get(keyOf(EVENT, id))!;
const person = (id: string) => k.people.get(keyOf(EVENT, id))!;
/** A session's speakers (person keys) as the ids of the event's people they name. */
const speakerIds = (id: string) => session(id).speakers.map((key) => k.people.get(key)?.event === EVENT && k.people.get(key)!.id);

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
    const perTrack = count(k.sessions.values(), (s) => s.tracks.map((t) => k.tracks.get(t)!.id));
    // The shared "AI + 데브옵스" and "ESG + 제너럴" previews count in both of their tracks.
    expect(perTrack).toEqual({
      "1015-retrospective": 5, ai: 29, backend: 17, frontend: 12, blockchain: 12, cloud: 12, mobile: 8, data: 7,
      general: 6, culture: 4, esg: 4, devops: 3,
    });
    expect(session("125").tracks).toEqual([EVENT + "/ai", EVENT + "/devops"]);
    expect([...k.tracks.values()].every((t) => t.event === EVENT)).toBe(true);
  });

  it("matches schedule persons to the pack's people by handle and name, and adds the others by handle", () => {
    expect(speakerIds("113")).toEqual(["ko-woo-chan"]);
    expect(speakerIds("115")).toEqual(["colin.d", "ko-woo-chan"]);
    expect(speakerIds("114")).toEqual(["lee-chae-young"]);
    expect(speakerIds("111")).toEqual(["lee-hwak-young"]);
    expect(person("colin.d")).toMatchObject({ name: { ko: "최동진" }, handle: "colin.d", organisation: { ko: "카카오엔터프라이즈" }, event: EVENT });
    expect([...k.sessions.values()].filter((s) => s.speakers.includes(`${EVENT}/indy.jones`)).map((s) => s.id).sort()).toEqual(["105", "109"]);
    // YAML wins where it says something; the schedule fills what it lacks.
    expect(person("ko-woo-chan").organisation).toEqual({ ko: "카카오", en: "Kakao" });
    expect(person("indy.jones").organisation).toEqual({ ko: "카카오", en: "카카오" });
  });

  it("lets a YAML session enrich the imported one: its title, kind, summary and quote stay, the schedule adds links and its cited page", () => {
    const s = session("110");
    expect(s).toMatchObject({ kind: "keynote", source: "fntimes", time: "11:00", speakers: [`${EVENT}/namgoong-hoon`] });
    expect(s.quote).toMatch(/^남궁훈 재발방지대책 공동 소위원장은 ‘Our Social Mission’ 키노트에서/);
    expect(s.summary?.ko).toBeDefined();
    expect(s.links.map((l) => l.url)).toEqual(["https://if.kakao.com/2022/session/110", "https://youtu.be/drVzQXa0Tjc"]);
    expect(s.more.at(-1)).toEqual({
      source: "schedule-ifkakao-2022",
      quote: "‘Our Social Mission’ — 남궁훈 (nkay.play), 2022-12-07 11:00 KST, Online",
      url: "https://if.kakao.com/2022/session/110",
    });
    expect(session("109")).toMatchObject({ kind: "special", title: { en: "5. Redundancy of the application layer" }, tracks: [`${EVENT}/1015-retrospective`] });
    // The schedule names the pack's event (acronym ifkakao2022): it joins it rather than making an event of its own.
    expect([...k.events.keys()]).toEqual([EVENT]);
    expect(k.sources.get("schedule-ifkakao-2022")).toEqual({ id: "schedule-ifkakao-2022", title: "if(kakao) dev 2022 schedule", url: "https://if.kakao.com/2022" });
  });

  it("/track 데브옵스 lists the track's sessions, the shared AI + 데브옵스 one included, each cited by its own page", async () => {
    const a = await ask(bot, "/track 데브옵스");
    const inTrack = [...k.sessions.values()].filter((s) => s.tracks.includes(`${EVENT}/devops`));
    expect(count(inTrack, (s) => [s.kind])).toEqual({ talk: 2, preview: 1 });
    expect(a.body).toMatch(/^데브옵스 \(DevOps\) 트랙: 기술 세션 2개입니다\. 그 밖에 트랙 프리뷰 1개가 있어 총 3개입니다\./);
    for (const title of ["Preview DevOps + AI_3", "카프카, 대규모 클러스터 운영 후기", "GitHub Actions Runner 빌드 실전 적용기"]) expect(a.body).toContain(title);
    const pages = a.citations.map((c) => c.url).filter((u) => u?.includes("/session/"));
    expect(pages.sort()).toEqual(["https://if.kakao.com/2022/session/125", "https://if.kakao.com/2022/session/66", "https://if.kakao.com/2022/session/73"]);
  });

  it("/speaker indy.jones lists that speaker's two sessions", async () => {
    const a = await ask(bot, "/speaker indy.jones", { lang: "en" });
    expect(a.answered).toBe(true);
    expect(a.body).toContain("1. Thinking about redundancy at the data-center level");
    expect(a.body).toContain("5. Redundancy of the application layer");
    // The organisation line, then exactly the two sessions.
    expect(a.body).toMatch(/^- Organisation: 카카오\n/);
    expect(a.body.split("**Sessions**")[1].match(/^- /gm)).toHaveLength(2);
  });

  it("“8일 AI 세션” lists the AI sessions released on the 8th, counts first, with how to narrow down", async () => {
    const a = await ask(bot, "8일 AI 세션");
    // Free text goes to the question reader, which lists sessions like /session does.
    expect(a.command).toBe("ask");
    expect(a.answered).toBe(true);
    const aiTrackOn8th = [...k.sessions.values()].filter((s) => s.date === "2022-12-08" && s.tracks.includes(`${EVENT}/ai`));
    expect(aiTrackOn8th).toHaveLength(18);
    expect(count(aiTrackOn8th, (s) => [s.kind])).toEqual({ talk: 16, preview: 2 });
    expect(a.body).toMatch(/^AI, 12월 8일: 기술 세션 16개입니다\. 그 밖에 트랙 프리뷰 2개가 있어 총 18개입니다\./);
    // 15 lines shown, every one of them an AI session of the 8th, and the rest counted.
    const shown = a.body.match(/^- (?!…).+$/gm)!;
    expect(shown).toHaveLength(15);
    expect(shown.every((line) => aiTrackOn8th.some((s) => line.startsWith(`- **${s.title.ko}** — `)))).toBe(true);
    expect(a.body).toContain("… 외 3개");
    // The shared AI + 데브옵스 preview counts in both of its tracks.
    expect(a.body).toContain("트랙별: AI 18개, 데브옵스 (DevOps) 1개");
    expect(a.body).toContain("좁혀 보세요");
    expect(a.citations.every((c) => c.url?.startsWith("https://if.kakao.com/2022/session/"))).toBe(true);
  });

  it("/session of an imported talk shows its track, speakers and links, cited by its own page", async () => {
    const a = await ask(bot, "/session 66", { lang: "en" });
    expect(readable(a)).toContain("카프카, 대규모 클러스터 운영 후기");
    expect(a.body).toContain("[Session page](https://if.kakao.com/2022/session/66)");
    expect(a.body).toMatch(/^davis\.s — /);
    expect(a.fields).toContainEqual(expect.objectContaining({ name: "Track", value: "DevOps (데브옵스)" }));
    expect(a.citations).toEqual([
      expect.objectContaining({ source: "schedule-ifkakao-2022", url: "https://if.kakao.com/2022/session/66" }),
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

describe("a YAML session that corrects the schedule's date or time", () => {
  let own: TempPack;
  afterAll(() => own?.remove());

  it("keeps the YAML date and time, and drops the schedule's instant, zone and end, which hold for the schedule's own only", async () => {
    own = await packWithSharedSchedule();
    // Session 110 is at 11:00 in the schedule (02:00 UTC); the YAML pack says 14:00.
    await own.edit("sessions.yaml", 'time: "11:00"', 'time: "14:00"');
    // Session 105 is on the 8th at 12:00 in the schedule; the YAML pack moves it to the 9th (and says no time).
    await own.edit("sessions.yaml", "date: 2022-12-08", "date: 2022-12-09");
    const loaded = await loadKnowledge(own.dir);
    expect(loaded.problems).toEqual([]);
    const s = loaded.knowledge!.sessions.get(keyOf(EVENT, "110"))!;
    expect(s).toMatchObject({ date: "2022-12-07", time: "14:00" });
    // Not 11:00's instant (it would answer "what's on now" at 11:00) nor an end before the start.
    expect(s.start).toBeUndefined();
    expect(s.zone).toBeUndefined();
    expect(s.endTime).toBeUndefined();
    // The schedule's 12:00 fills the time; its instant is of the 8th, not the 9th.
    const moved = loaded.knowledge!.sessions.get(keyOf(EVENT, "105"))!;
    expect(moved).toMatchObject({ date: "2022-12-09", time: "12:00" });
    expect(moved.start).toBeUndefined();
    // A session the YAML leaves at the schedule's time keeps all three.
    expect(loaded.knowledge!.sessions.get(keyOf(EVENT, "111"))).toMatchObject({ time: "11:00", start: "2022-12-07T02:00:00.000Z", zone: "KST", endTime: "11:00" });
  });
});
