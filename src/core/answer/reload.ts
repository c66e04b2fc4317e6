import type { CommandModule } from "../commands.js";

export const reload: CommandModule = {
  spec: {
    name: "reload",
    description: { ko: "지식을 다시 불러오기 (관리자)", en: "Reload the knowledge (admins)" },
    options: [{ name: "action", description: { ko: "status: 현재 버전만 보기", en: "status: only show the current version" }, choices: ["status"] }],
    admin: true,
  },
  async run({ lang, snapshot, reload: doReload }, { action }) {
    if (action?.trim().toLowerCase() === "status") {
      const when = snapshot.loadedAt.toISOString();
      return {
        private: true,
        title: lang === "ko" ? "지식 상태" : "Knowledge status",
        body:
          lang === "ko"
            ? `버전 ${snapshot.version}, ${when}에 ${snapshot.loadedBy}이(가) 불러옴\n파일 ${snapshot.files.length}개`
            : `Version ${snapshot.version}, loaded at ${when} by ${snapshot.loadedBy}\n${snapshot.files.length} file(s)`,
      };
    }
    const outcome = await doReload();
    return {
      answered: outcome.ok,
      private: true,
      title: outcome.ok ? (lang === "ko" ? "다시 불러옴" : "Reloaded") : lang === "ko" ? "다시 불러오기 실패" : "Reload failed",
      body: outcome.summary[lang],
    };
  },
};
