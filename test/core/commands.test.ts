import { beforeAll, describe, expect, it } from "vitest";
import type { Bot } from "../../src/core/bot.js";
import type { Answer } from "../../src/core/protocol.js";
import { ask, defaultBot, readable } from "./fixture.js";

/** What the answer itself says (title, body, fields), without the quotes it cites. */
const said = (a: Answer): string => [a.title, a.body, ...a.fields.map((f) => `${f.name} ${f.value}`)].join("\n");

let bot: Bot;
beforeAll(async () => {
  bot = await defaultBot();
});

describe("speaker", () => {
  it("answers a speaker by Korean name, romanization, alias or handle, with roles, sessions and the cited sentence", async () => {
    for (const name of ["고우찬", "Ko Woo-chan", "Gilbert", "gilbert.c"]) {
      const a = await ask(bot, `/speaker ${name}`);
      expect(a.answered, name).toBe(true);
      expect(readable(a)).toContain("고우찬");
      expect(readable(a)).toMatch(/미래 투자와 혁신 계획|future investment/);
      expect(a.citations.some((c) => c.quote.includes("고우찬 재발방지 공동 소위원장을 필두로 인프라 조직을 대폭 강화"))).toBe(true);
    }
  });

  it("answers in the language of the name typed", async () => {
    expect((await ask(bot, "/speaker 이채영")).body).toContain("부위원장");
    const en = await ask(bot, "/speaker Lee Chae-young");
    expect(en.lang).toBe("en");
    expect(en.body).toContain("Vice-chair");
  });

  it("lists the speakers without a name, presenters first", async () => {
    const a = await ask(bot, "/speaker");
    // The published list names 138 people (the article's "120여 명" is the event's stated count).
    expect(a.title).toContain("138");
    const lines = a.body.split("\n").filter((l) => l.startsWith("- "));
    const presenters = ["남궁훈", "고우찬", "이확영", "이채영"];
    for (const p of presenters) expect(lines.slice(0, 4).some((l) => l.includes(p)), p).toBe(true);
    expect(lines.length).toBeGreaterThan(4);
    expect(presenters.some((p) => lines[4].includes(p))).toBe(false);
    expect(a.suggestions.map((s) => s.label)).toEqual(expect.arrayContaining(presenters));
  });

  it("does not invent an unknown speaker, and offers the close ones", async () => {
    const a = await ask(bot, "/speaker 김철수");
    expect(a.answered).toBe(false);
    expect(a.body).toContain("김철수");
    expect(a.suggestions.length).toBeGreaterThan(0);
  });
});

describe("track and session", () => {
  it("lists the 12 tracks, and one track with its sessions", async () => {
    const all = await ask(bot, "/track");
    expect(all.title).toContain("12");
    for (const t of ["AI", "데브옵스", "제너럴", "1015 데이터센터 화재 회고"]) expect(all.body).toContain(t);
    const retro = await ask(bot, "/track 1015 회고");
    expect(retro.title).toMatch(/세션 5개/);
    for (const t of ["데이터센터 단위의 다중화를 위한 고민", "인프라 설비 레이어 다중화", "데이터 레이어 다중화", "서비스 플랫폼 레이어 다중화", "애플리케이션 레이어 다중화"]) {
      expect(retro.body).toContain(t);
    }
  });

  it("says so for a track it does not know, and shows the ones it does", async () => {
    const a = await ask(bot, "/track 게임");
    expect(a.answered).toBe(false);
    expect(a.body).toContain("데브옵스");
  });

  it("finds sessions by kind, day, title, speaker and id", async () => {
    const keynotes = await ask(bot, "/session keynote");
    for (const t of ["Our Social Mission", "1015 장애 원인 분석", "기술적 개선", "미래 투자와 혁신 계획"]) expect(keynotes.body).toContain(t);
    const day2 = await ask(bot, "/session 8일");
    // The published list: on the 8th, 48 talks (the five 1015 retrospective sessions among them), 2 keynotes, 5 previews.
    expect(day2.body).toMatch(/기술 세션 48개/);
    expect(day2.body).toContain("특별 세션 5개");
    expect(day2.body).toContain("총 55개");
    expect((await ask(bot, "/session 데이터 레이어")).title).toContain("3. 데이터 레이어 다중화");
    expect((await ask(bot, "/session tonny.yi")).title).toContain("데이터 레이어");
    const one = await ask(bot, "/session 110");
    expect(one.title).toBe("Our Social Mission");
    expect(said(one)).toContain("2022년 12월 7일");
    expect(said(one)).toContain("11:00 KST");
    expect(said(one)).toContain("남궁훈");
  });

  it("does not invent a session", async () => {
    expect((await ask(bot, "/session 블록체인 지갑")).answered).toBe(false);
  });
});

describe("budget, remediation, event", () => {
  it("gives the budget in both languages and says the source gives no split", async () => {
    const ko = await ask(bot, "/budget", { locale: "ko" });
    expect(ko.title).toContain("4,600억 원");
    expect(ko.body).toContain("항목별 배분은 밝히지 않았습니다");
    const en = await ask(bot, "/budget", { locale: "en-US" });
    expect(en.title).toContain("₩460 billion (4,600억 원)");
    expect(en.body).toContain("not how it is split");
    expect(en.citations[0].quote).toContain("현재 총 4600억원의 예산을 투입해");
  });

  it("groups remediation items by area with who presented them, and filters by area or status", async () => {
    const all = await ask(bot, "/remediation");
    expect(all.body).toMatch(/\*\*이중화\*\*[\s\S]*\*\*모니터링\*\*/);
    expect(all.body).toContain("발표 이채영");
    const monitoring = await ask(bot, "/remediation 모니터링");
    expect(monitoring.body).toContain("모니터링 시스템 다중화 (발표 이채영");
    expect(monitoring.body).not.toContain("삼중화");
    // The area typed in English filters the same way (its language is the next test's concern).
    const typedInEnglish = await ask(bot, "/remediation monitoring");
    expect(typedInEnglish.body).toMatch(/모니터링 시스템 다중화|Multiplexed \(redundant\) monitoring systems/);
    expect(typedInEnglish.body).not.toMatch(/삼중화|Triple/);
    expect((await ask(bot, "/remediation announced")).body).toContain("Triple redundancy");
    const none = await ask(bot, "/remediation done");
    expect(none.answered).toBe(false);
    expect(none.suggestions.map((s) => s.command)).toContain("remediation");
  });

  it("answers /remediation in English when the area is typed in English", async () => {
    const monitoring = await ask(bot, "/remediation monitoring");
    expect(monitoring.lang).toBe("en");
    expect(monitoring.body).toContain("Multiplexed (redundant) monitoring systems (presented by Lee Chae-young (이채영)");
    expect(monitoring.body).not.toContain("Triple");
  });

  it("gives the event overview: dates, 120 speakers, 12 tracks, 106 sessions", async () => {
    const a = await ask(bot, "/event", { locale: "en" });
    expect(a.fields.map((f) => f.value)).toEqual(["120", "12", "106"]);
    expect(a.body).toContain("Wednesday, December 7, 2022 to Friday, December 9, 2022");
  });
});

describe("help, unknown commands and admin", () => {
  it("generates help from the catalogue, without admin commands for non-admins", async () => {
    const a = await ask(bot, "/help");
    for (const c of ["speaker", "track", "session", "budget", "remediation", "event", "ask"]) expect(a.body).toContain(`/${c}`);
    expect(a.body).not.toContain("/reload");
    const admin = await ask(bot, "/help", { user: { id: "a", platform: "console", isAdmin: true } });
    expect(admin.body).toContain("/reload");
  });

  it("answers an unknown command with help", async () => {
    const a = await ask(bot, "/weather 서울");
    expect(a.answered).toBe(false);
    expect(a.command).toBe("help");
    expect(a.body).toContain("/weather");
    expect(a.body).toContain("/speaker");
  });

  it("refuses /reload to non-admins, privately", async () => {
    const a = await ask(bot, "/reload");
    expect(a.answered).toBe(false);
    expect(a.private).toBe(true);
    expect(a.title).toBe("관리자 전용 명령");
  });
});

describe("free questions", () => {
  // Free text is answered by `ask`: what protects it is what the answer says and the sentence it cites.
  it.each([
    ["예산 얼마야?", "4,600억 원", "현재 총 4600억원의 예산을 투입해"],
    ["who presented the technical improvements?", "Lee Chae-young", "이채영 재발방지대책소위원회 부위원장은 ‘달라지는 카카오 1) 재발방지를 위한 기술적 개선’ 키노트에서"],
    ["what happens to monitoring?", "Multiplexed (redundant) monitoring systems", "모니터링 시스템 다중화"],
    ["트랙은 몇 개?", "트랙은 12개", "12개 트랙에서"],
    ["What tracks are there?", "DevOps", "△데브옵스"],
    ["ㄴㄱㅎ", "남궁훈", "남궁훈 재발방지대책 공동 소위원장은 ‘Our Social Mission’ 키노트에서"],
    ["skarndgns", "Namkoong Hoon (남궁훈)", "남궁훈 재발방지대책 공동 소위원장은 ‘Our Social Mission’ 키노트에서"],
    ["이채형 발표", "달라지는 카카오 1) 재발방지를 위한 기술적 개선", "이채영 재발방지대책소위원회 부위원장은"],
    ["에산", "4,600억 원", "현재 총 4600억원의 예산을 투입해"],
    ["데이터센터를 이중화해?", "데이터센터 이중화", "데이터센터 이중화, 데이터와 서비스 이중화"],
  ])("%s → says %s, citing the source", async (question, expected, quote) => {
    const a = await ask(bot, question);
    expect(a.answered).toBe(true);
    expect(said(a)).toContain(expected);
    expect(a.citations.some((c) => c.quote.includes(quote))).toBe(true);
  });

  it("a misspelt name answers the person meant", async () => {
    const a = await ask(bot, "이채형 발표");
    expect(a.title).toContain("이채영");
  });

  it("answers a headline as a headline", async () => {
    const a = await ask(bot, "카카오 먹통 피해 접수 건수");
    expect(a.title).toBe("관련 기사 제목");
    expect(a.body).toContain("관련기사의 제목입니다");
    expect(a.citations[0].quote).toBe("카카오, 먹통 피해사례 10만건 접수…일반 이용자 비중 89.6%");
  });

  it("every answer carries the knowledge version", async () => {
    expect((await ask(bot, "예산")).version).toBe(bot.snapshot.version);
  });

  it("an option forces the language", async () => {
    const a = await ask(bot, "예산 얼마야?", { lang: "en" });
    expect(a.lang).toBe("en");
    expect(a.title).toContain("₩460 billion");
  });
});

describe("abstention", () => {
  it.each([
    "카카오 주가 얼마야?",
    "What is the capital of France?",
    "Who is the CEO of Kakao Bank?",
    "Who is the CEO of Naver?",
    "DEVIEW 2022 키노트 발표자는?",
    "이프 카카오 2023 일정",
    "내일 날씨 어때?",
    "qwertyuiop",
    "How old is Namkoong Hoon?",
  ])("%s → does not know, and suggests what it does", async (question) => {
    const a = await ask(bot, question);
    expect(a.answered).toBe(false);
    expect(a.title).toMatch(/I don't know|모릅니다|모르겠습니다/);
    expect(a.citations).toEqual([]);
    expect(a.suggestions.map((s) => s.command)).toEqual(expect.arrayContaining(["event", "speaker", "session", "budget"]));
  });
});

describe("two questions in one", () => {
  it("키노트 몇 개고 연사는 몇 명이야? → 8 keynotes and their 7 speakers, not the event's 120", async () => {
    const a = await ask(bot, "키노트 몇 개고 연사는 몇 명이야?");
    expect(a.title).toBe("키노트 8개 · 연사 7명");
    expect(a.body).not.toContain("120");
  });

  it("키노트 몇 개고, 키노트 연사는 중복 빼면 몇 명이야? → without double counting is no exception", async () => {
    expect((await ask(bot, "키노트 몇 개고, 키노트 연사는 중복 빼면 몇 명이야?")).title).toBe("키노트 8개 · 연사 7명");
  });
});

describe("a question about a company's own affairs", () => {
  it("When are Kakao Games' release dates? → does not know, and offers that company's sessions", async () => {
    const a = await ask(bot, "When are Kakao Games' release dates?");
    expect(a.answered).toBe(false);
    expect(a.title).toMatch(/I don't know/);
    expect(a.citations).toEqual([]);
    expect(a.body).toContain("카카오게임즈");
    expect(a.suggestions.length).toBeGreaterThan(0);
    expect(a.suggestions.every((s) => s.command === "session")).toBe(true);
  });
});

describe("autocomplete", () => {
  it("offers at most 25 choices from the index, matching what was typed", () => {
    expect(bot.autocomplete("speaker", "name", "고", "ko")[0]).toEqual({ name: "고우찬 (Ko Woo-chan) (gilbert.c)", value: "ko-woo-chan" });
    expect(bot.autocomplete("speaker", "name", "Nam", "en")[0].value).toBe("namgoong-hoon");
    expect(bot.autocomplete("track", "name", "", "ko").length).toBe(12);
    expect(bot.autocomplete("session", "query", "다중화", "ko").length).toBeGreaterThanOrEqual(5);
    expect(bot.autocomplete("remediation", "area", "모니", "ko")).toEqual([{ name: "모니터링", value: "모니터링" }]);
    expect(bot.autocomplete("budget", "x", "", "ko")).toEqual([]);
  });

  it("a chosen value works as the option's input", async () => {
    const [choice] = bot.autocomplete("speaker", "name", "ean", "en");
    expect((await ask(bot, `/speaker ${choice.value}`)).title).toContain("이채영");
  });
});
