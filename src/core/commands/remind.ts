// `/remind <session>`: a direct message to the asker shortly before the session starts (the scheduler sends it).
import { refOf } from "../answers/format.js";
import { say } from "../locale.js";
import { inert } from "../markdown.js";
import { defineCommand } from "./command.js";
import { choicesFor, findKeys } from "./find.js";

export const remind = defineCommand({
  spec: {
    name: "remind",
    description: { ko: "세션 시작 전에 DM으로 알려 주기", en: "Get a direct message before a session starts" },
    options: [{ name: "session", description: { ko: "세션 제목 또는 번호", en: "A session's title or id" }, required: true, autocomplete: true }],
    aliases: ["리마인드", "알려줘"],
    meta: true,
    example: "110",
  },
  async run({ lang, request, store, snapshot, scope }, { session }) {
    const title = say(lang, { ko: "세션 알림", en: "Reminder" });
    if (!store) return { answered: false, private: true, title, body: say(lang, { ko: "이 봇은 알림을 저장하지 않습니다.", en: "This bot keeps no reminders." }) };
    if (!session?.trim()) return { answered: false, private: true, title, body: say(lang, { ko: "`/remind 110`처럼 세션을 알려 주세요.", en: "Name a session: `/remind 110`, say." }) };
    const keys = findKeys(snapshot, scope, "session", session);
    const found = keys.length === 1 ? snapshot.knowledge.sessions.get(keys[0]) : undefined;
    if (!found) {
      const several = keys.slice(0, 5).map((key) => {
        const s = snapshot.knowledge.sessions.get(key)!;
        return `- ${inert(s.title[lang])} (\`/remind ${refOf(snapshot.tables, s, "sessions")}\`)`;
      });
      return {
        answered: false,
        private: true,
        title,
        body: keys.length
          ? `${say(lang, { ko: "여러 세션이 맞습니다. 하나를 골라 주세요.", en: "Several sessions match: pick one." })}\n${several.join("\n")}`
          : say(lang, { ko: `‘${inert(session)}’에 맞는 세션이 없습니다.`, en: `No session matches “${inert(session)}”.` }),
      };
    }
    if (!found.start) {
      return {
        answered: false,
        private: true,
        title,
        body: say(lang, { ko: `‘${inert(found.title.ko)}’은 시작 시각이 알려지지 않아 알려 드릴 수 없습니다.`, en: `“${inert(found.title.en)}” has no known start time, so there is nothing to remind you of.` }),
      };
    }
    try {
      await store.remind({ platform: request.user.platform, user: request.user.id, session: found.key, lang, at: new Date() });
    } catch {
      return { answered: false, private: true, title, body: say(lang, { ko: "지금은 알림을 저장할 수 없습니다. 잠시 후 다시 해 주세요.", en: "The reminder cannot be saved just now. Please try again in a moment." }) };
    }
    return {
      private: true,
      title,
      body: say(lang, {
        ko: `‘${inert(found.title.ko)}’ 시작 전에 DM으로 알려 드리겠습니다.`,
        en: `You will get a direct message before “${inert(found.title.en)}” starts.`,
      }),
    };
  },
  autocomplete: (snapshot, scope, _option, typed, lang) =>
    choicesFor(snapshot, scope, "session", typed, (key, l) => snapshot.knowledge.sessions.get(key)!.title[l], (key) => refOf(snapshot.tables, snapshot.knowledge.sessions.get(key)!, "sessions"), lang),
});
