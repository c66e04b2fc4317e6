import { say, type Lang } from "../locale.js";
import { inert } from "../markdown.js";
import type { Knowledge, Track } from "../knowledge/schema.js";
import { defineCommand, type Draft } from "./command.js";
import { choicesFor, findKeys } from "./find.js";
import { bilingual, cite, suggest } from "./format.js";
import { sessionList } from "./sessions-list.js";

const sessionsIn = (k: Knowledge, t: Track) => [...k.sessions.values()].filter((s) => s.tracks.includes(t.id));

function detail(k: Knowledge, t: Track, lang: Lang): Draft {
  const sessions = sessionsIn(k, t);
  const known = sessions.length
    ? sessionList(k, sessions, lang)
    : say(lang, { ko: "이 트랙의 세션 목록은 지식에 없습니다.", en: "The knowledge does not list this track's sessions." });
  const name = bilingual(t.name, lang);
  return {
    title: say(lang, { ko: `${name} 트랙`, en: `${name} track` }),
    body: [t.summary?.[lang], known].filter(Boolean).join("\n\n"),
    fields: [{ name: say(lang, { ko: "세션", en: "Sessions" }), value: String(sessions.length), inline: true }],
    citations: cite(k, [t, ...sessions.slice(0, 5)]),
    suggestions: [suggest(say(lang, { ko: "전체 트랙", en: "All tracks" }), "track")],
  };
}

function list(k: Knowledge, lang: Lang, prefix = ""): Draft {
  const tracks = [...k.tracks.values()];
  const lines = tracks.map((t) => {
    const n = sessionsIn(k, t).length;
    return `- ${bilingual(t.name, lang)}${n ? say(lang, { ko: ` — 세션 ${n}개`, en: ` — ${n} session(s)` }) : ""}`;
  });
  const total = k.event?.tracks ?? tracks.length;
  return {
    title: say(lang, { ko: `트랙 ${total}개`, en: `${total} tracks` }),
    body: `${prefix}${say(lang, { ko: `이프 카카오 2022는 ${total}개 트랙으로 이루어집니다.`, en: `if (kakao) dev 2022 has ${total} tracks.` })}\n${lines.join("\n")}`,
    citations: cite(k, [...(k.event ? [k.event] : []), ...tracks]),
    suggestions: tracks.slice(0, 4).map((t) => suggest(t.name[lang], "track", { name: t.id })),
  };
}

export const track = defineCommand({
  spec: {
    name: "track",
    description: { ko: "트랙: 전체 목록 또는 한 트랙의 세션", en: "Tracks: all of them, or one track's sessions" },
    options: [{ name: "name", description: { ko: "트랙 이름 (예: AI, 데브옵스)", en: "Track name (e.g. AI, DevOps)" }, autocomplete: true }],
    aliases: ["tracks", "트랙"],
    example: "AI",
  },
  routes: [{ words: ["트랙", "track", "tracks"] }],
  run({ snapshot, lang }, { name }) {
    const k = snapshot.knowledge;
    if (!name) return list(k, lang);
    const { keys } = findKeys(snapshot, "track", name);
    if (keys.length) return detail(k, k.tracks.get(keys[0])!, lang);
    const unknown = say(lang, {
      ko: `‘${inert(name)}’ 트랙은 지식에 없습니다. 있는 트랙은 이렇습니다.\n\n`,
      en: `The knowledge has no track called “${inert(name)}”. These are the tracks it knows.\n\n`,
    });
    return { ...list(k, lang, unknown), answered: false };
  },
  autocomplete: (snapshot, _option, typed, lang) =>
    choicesFor(snapshot, "track", typed, (key, l) => bilingual(snapshot.knowledge.tracks.get(key)!.name, l), lang),
});
