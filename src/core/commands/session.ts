import { compose, draftOf, rememberParts } from "../answers/compose.js";
import { refOf, suggest } from "../answers/format.js";
import { sessionsPart } from "../answers/sessions.js";
import { sessionsMatching } from "../answers/subject.js";
import { say, type Lang } from "../locale.js";
import { inert } from "../markdown.js";
import { Reader } from "../understand/read.js";
import { defineCommand, type CommandContext } from "./command.js";
import { choicesFor, findKeys } from "./find.js";

const keynotes = (lang: Lang) => suggest(say(lang, { ko: "키노트", en: "Keynotes" }), "session", { query: "keynote" });

function noSession(ctx: CommandContext, query: string) {
  const { lang } = ctx;
  return {
    answered: false,
    title: say(lang, { ko: "세션을 찾지 못했습니다", en: "No matching session" }),
    body: say(lang, {
      ko: `지식에 ‘${inert(query)}’에 맞는 세션이 없습니다. 키노트, 날짜(예: 8일), 트랙(예: AI)이나 연사 이름으로 찾아 보세요.`,
      en: `The knowledge has no session matching “${inert(query)}”. Try keynote, a day (day 2), a track (AI) or a speaker's name.`,
    }),
    suggestions: [keynotes(lang), suggest(say(lang, { ko: "트랙", en: "Tracks" }), "track")],
  };
}

export const session = defineCommand({
  spec: {
    name: "session",
    description: { ko: "세션 찾기: 제목, 날짜, 트랙, 연사로", en: "Find sessions by title, day, track or speaker" },
    options: [{ name: "query", description: { ko: "제목 낱말, 날짜(8일), 트랙 또는 연사", en: "Title words, a day (day 2), a track or a speaker" }, autocomplete: true }],
    aliases: ["sessions", "세션"],
    example: "keynote",
  },
  routes: [
    { words: ["세션", "session", "sessions", "발표", "강연", "talk", "talks", "발표세션"] },
    { words: ["키노트", "keynote", "keynotes", "기조연설"], args: { query: "keynote" } },
  ],
  run(ctx, { query }) {
    const { lang, snapshot, scope } = ctx;
    const k = snapshot.knowledge;
    const part = (keys: string[]) => sessionsPart({ snapshot, lang, scope, aspects: [], stated: [] }, keys.map((key) => k.sessions.get(key)!), { found: keys });
    if (!query) {
      const all = sessionsMatching(snapshot, scope, {});
      return { ...draftOf(snapshot, [part(all.map((s) => s.key))]), suggestions: [keynotes(lang)] };
    }
    // An id or key (a suggestion's), else the query read as a question about sessions.
    const direct = (snapshot.tables.localIds.get(`sessions:${query.trim().toLowerCase()}`) ?? (k.sessions.has(query.trim()) ? [query.trim()] : [])).filter((key) => scope.events.includes(k.sessions.get(key)!.event));
    if (direct.length) {
      const parts = [part(direct)];
      return { ...draftOf(snapshot, parts), remember: rememberParts(parts, lang) };
    }
    const reading = new Reader(snapshot).read(query);
    const clauses = reading.clauses.length ? reading.clauses : [];
    if (clauses[0] && !clauses[0].categories.some((c) => c !== "people" && c !== "tracks")) clauses[0] = { ...clauses[0], categories: [...clauses[0].categories, "sessions"] };
    const { draft, remember } = compose(snapshot, { ...reading, clauses, yesNo: false }, scope, lang, undefined);
    if (!draft.answered && !findKeys(snapshot, scope, "session", query).length) return noSession(ctx, query);
    return { ...draft, ...(remember ? { remember } : {}) };
  },
  autocomplete: (snapshot, scope, _option, typed, lang) =>
    choicesFor(snapshot, scope, "session", typed, (key, l) => `${snapshot.knowledge.sessions.get(key)!.title[l]} (${refOf(snapshot.tables, snapshot.knowledge.sessions.get(key)!, "sessions")})`, (key) => refOf(snapshot.tables, snapshot.knowledge.sessions.get(key)!, "sessions"), lang),
});
