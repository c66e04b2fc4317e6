import { say } from "../locale.js";
import { defineCommand, type CommandContext, type Draft } from "./command.js";
import { inert } from "../markdown.js";
import { suggest } from "../answers/format.js";

export const help = defineCommand({
  spec: {
    name: "help",
    description: { ko: "쓸 수 있는 명령과 질문 예시", en: "The commands and example questions" },
    options: [],
    aliases: ["도움말", "commands"],
  },
  run: (ctx) => helpDraft(ctx),
});

/** The commands this user may run, and example questions; with `unknown`, the answer to a command that does not exist. */
export function helpDraft({ catalogue, lang, request }: Pick<CommandContext, "catalogue" | "lang" | "request">, unknown?: string): Draft {
  const visible = catalogue.filter((c) => !c.spec.admin || request.user.isAdmin);
  const lines = visible.map((c) => {
    const opts = c.spec.options.map((o) => (o.required ? `<${o.name}>` : `[${o.name}]`)).join(" ");
    return `- \`/${c.spec.name}${opts ? " " + opts : ""}\` — ${c.spec.description[lang]}`;
  });
  const intro = unknown
    ? say(lang, { ko: `‘/${inert(unknown)}’ 명령은 없습니다. 쓸 수 있는 명령은 이렇습니다.\n\n`, en: `There is no “/${inert(unknown)}” command. These are the commands.\n\n` })
    : "";
  const examples = say(lang, {
    ko: "명령 없이 물어도 됩니다: “예산 얼마야?”, “기술적 개선 키노트 발표자”, “모니터링은 어떻게 바뀌어?”",
    en: "Or just ask: “What is the budget?”, “Who presented the technical improvements?”, “What happens to monitoring?”",
  });
  return {
    answered: !unknown,
    title: say(lang, { ko: "EventDesk 도움말", en: "EventDesk help" }),
    body: `${intro}${lines.join("\n")}\n\n${examples}`,
    suggestions: [suggest("/event", "event"), suggest("/budget", "budget"), suggest("/speaker", "speaker")],
  };
}
