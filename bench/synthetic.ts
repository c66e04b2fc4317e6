// Synthetic knowledge for the scale bench: the default pack plus a pretalx/frab schedule JSON of N sessions,
// with tracks and people, written to a temporary folder. Deterministic: the same N gives the same files.
import { cp, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { mulberry32, pick } from "../test/robustness/hostile.js";

const FAMILY = ["김", "이", "박", "최", "정", "강", "조", "윤", "장", "임", "한", "오", "서", "신", "권"];
const GIVEN = ["민", "서", "지", "현", "우", "준", "도", "하", "은", "영", "수", "진", "호", "윤", "채", "예", "주", "원"];
const WORDS = [
  "쿠버네티스", "데이터센터", "이중화", "모니터링", "검색", "추천", "카프카", "레디스", "장애", "복구", "배포", "테스트",
  "Kubernetes", "Kafka", "Redis", "search", "recommendation", "latency", "observability", "failover", "GraphQL", "Kotlin",
  "React", "iOS", "Android", "MLOps", "LLM", "data", "pipeline", "cache", "storage", "network", "security", "platform",
];
export const SYNTHETIC_TRACKS = ["AI", "백엔드", "클라우드", "데브옵스", "블록체인", "데이터", "프론트엔드", "모바일", "ESG", "문화", "보안", "인프라"];

/** One person per three sessions, so most speakers give several talks. */
export function syntheticSchedule(sessions: number, seed = 1015): string {
  const random = mulberry32(seed);
  const people = Array.from({ length: Math.max(1, Math.floor(sessions / 3)) }, (_, i) => ({
    name: `${pick(random, FAMILY)}${pick(random, GIVEN)}${pick(random, GIVEN)} ${i}`,
    handle: `speaker${i}.k`,
    organisation: "카카오",
  }));
  const days = [7, 8, 9].map((day, d) => ({
    index: d + 1,
    date: `2022-12-0${day}`,
    rooms: { Online: [] as unknown[] },
  }));
  for (let i = 0; i < sessions; i++) {
    const day = days[i % days.length];
    const hour = 10 + (i % 8);
    const title = Array.from({ length: 3 + Math.floor(random() * 4) }, () => pick(random, WORDS)).join(" ");
    day.rooms.Online.push({
      id: 100_000 + i,
      date: `${day.date}T${String(hour).padStart(2, "0")}:00:00+09:00`,
      title: `${title} ${i}`,
      track: pick(random, SYNTHETIC_TRACKS),
      type: "talk",
      persons: [pick(random, people), ...(random() < 0.2 ? [pick(random, people)] : [])],
      url: `https://example.org/session/${100_000 + i}`,
      links: [],
    });
  }
  const conference = { acronym: "synthetic", title: "Synthetic conference", url: "https://example.org/", time_zone_name: "Asia/Seoul", tracks: SYNTHETIC_TRACKS.map((name) => ({ name })), days };
  return JSON.stringify({ schedule: { version: "1", conference } });
}

/** A folder holding the default pack and a schedule of `sessions` sessions. */
export async function syntheticPack(sessions: number): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `eventdesk-scale-${sessions}-`));
  await cp("knowledge", dir, { recursive: true });
  await writeFile(join(dir, "synthetic-schedule.json"), syntheticSchedule(sessions));
  return dir;
}
