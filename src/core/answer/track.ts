import type { Lang } from "../answer.js";
import type { CommandModule, Draft } from "../commands.js";
import type { Knowledge, Track } from "../knowledge/schema.js";
import { choicesFor, findKeys } from "./find.js";
import { bilingual, cite, suggest } from "./format.js";
import { sessionList } from "./sessions-list.js";

const sessionsIn = (k: Knowledge, t: Track) => [...k.sessions.values()].filter((s) => s.tracks.includes(t.id));

function detail(k: Knowledge, t: Track, lang: Lang): Draft {
  const sessions = sessionsIn(k, t);
  const known = sessions.length
    ? sessionList(k, sessions, lang)
    : lang === "ko"
      ? "이 트랙의 세션 목록은 지식에 없습니다."
      : "The knowledge does not list this track's sessions.";
  return {
    title: lang === "ko" ? `${bilingual(t.name, lang)} 트랙` : `${bilingual(t.name, lang)} track`,
    body: [t.summary?.[lang], known].filter(Boolean).join("\n\n"),
    fields: [{ name: lang === "ko" ? "세션" : "Sessions", value: String(sessions.length), inline: true }],
    citations: cite(k, [t, ...sessions.slice(0, 5)]),
    suggestions: [suggest(lang === "ko" ? "전체 트랙" : "All tracks", "track")],
  };
}

function list(k: Knowledge, lang: Lang, prefix = ""): Draft {
  const tracks = [...k.tracks.values()];
  const lines = tracks.map((t) => {
    const n = sessionsIn(k, t).length;
    return `- ${bilingual(t.name, lang)}${n ? (lang === "ko" ? ` — 세션 ${n}개` : ` — ${n} session(s)`) : ""}`;
  });
  const total = k.event?.tracks ?? tracks.length;
  return {
    title: lang === "ko" ? `트랙 ${total}개` : `${total} tracks`,
    body: `${prefix}${lang === "ko" ? `이프 카카오 2022는 ${total}개 트랙으로 이루어집니다.` : `if (kakao) dev 2022 has ${total} tracks.`}\n${lines.join("\n")}`,
    citations: cite(k, [...(k.event ? [k.event] : []), ...tracks]),
    suggestions: tracks.slice(0, 4).map((t) => suggest(t.name[lang], "track", { name: t.id })),
  };
}

export const track: CommandModule = {
  spec: {
    name: "track",
    description: { ko: "트랙: 전체 목록 또는 한 트랙의 세션", en: "Tracks: all of them, or one track's sessions" },
    options: [{ name: "name", description: { ko: "트랙 이름 (예: AI, 데브옵스)", en: "Track name (e.g. AI, DevOps)" }, autocomplete: true }],
    example: "AI",
  },
  run({ snapshot, lang }, { name }) {
    const k = snapshot.knowledge;
    if (!name) return list(k, lang);
    const { keys } = findKeys(snapshot, "track", name);
    if (keys.length) return detail(k, k.tracks.get(keys[0])!, lang);
    return {
      ...list(k, lang, lang === "ko" ? `‘${name}’ 트랙은 지식에 없습니다. 있는 트랙은 이렇습니다.\n\n` : `The knowledge has no track called “${name}”. These are the tracks it knows.\n\n`),
      answered: false,
    };
  },
  autocomplete: (snapshot, _option, typed, lang) =>
    choicesFor(snapshot, "track", typed, (key, l) => bilingual(snapshot.knowledge.tracks.get(key)!.name, l), lang),
};
