import { say } from "../locale.js";
import { inert } from "../markdown.js";
import { defineCommand } from "./command.js";

export const reload = defineCommand({
  spec: {
    name: "reload",
    description: { ko: "지식을 다시 불러오기 (관리자)", en: "Reload the knowledge (admins)" },
    options: [{ name: "action", description: { ko: "status: 현재 버전만 보기", en: "status: only show the current version" }, choices: ["status"] }],
    admin: true,
    meta: true,
  },
  async run({ lang, snapshot, reload: doReload }, { action }) {
    if (action === "status") {
      const when = snapshot.loadedAt.toISOString();
      return {
        private: true,
        title: say(lang, { ko: "지식 상태", en: "Knowledge status" }),
        body: say(lang, {
          ko: `버전 ${snapshot.version}, ${when}에 ${inert(snapshot.loadedBy)}이(가) 불러옴\n파일 ${snapshot.files.length}개`,
          en: `Version ${snapshot.version}, loaded at ${when} by ${inert(snapshot.loadedBy)}\n${snapshot.files.length} file(s)`,
        }),
      };
    }
    const outcome = await doReload();
    return {
      answered: outcome.ok,
      private: true,
      title: outcome.ok ? say(lang, { ko: "다시 불러옴", en: "Reloaded" }) : say(lang, { ko: "다시 불러오기 실패", en: "Reload failed" }),
      body: outcome.summary[lang],
      version: outcome.version,
    };
  },
});
