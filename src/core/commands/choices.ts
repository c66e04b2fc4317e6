// Options with a fixed set of `choices`, checked once for every command and platform: Discord enforces the choices it
// was registered with, but a typed line (the console, Slack, a mention) can carry any word there.
import { say, type Lang } from "../locale.js";
import { inert } from "../markdown.js";
import type { Args, CommandModule, Draft } from "./command.js";
import { suggest } from "../answers/format.js";

/** A value given to an option that is not one of its choices. */
export interface NotAChoice {
  option: string;
  value: string;
  choices: readonly string[];
}

/** The arguments with each choice written as the spec writes it (`STATUS ` → `status`), or the first value that is not one. */
export function readChoices(module: CommandModule, args: Args<string>): { args: Args<string> } | NotAChoice {
  const out = { ...args };
  for (const { name, choices } of module.spec.options) {
    const value = out[name];
    if (!choices || value === undefined) continue;
    const choice = choices.find((c) => c === value.trim().toLowerCase());
    if (choice === undefined) return { option: name, value, choices };
    out[name] = choice;
  }
  return { args: out };
}

/** The answer to a value that is not one of an option's choices: what it takes instead, each a click away. */
export function notAChoice(lang: Lang, command: CommandModule, bad: NotAChoice): Draft {
  const name = command.spec.name;
  const valid = bad.choices.map((c) => `\`${c}\``).join(", ");
  const optional = !command.spec.options.find((o) => o.name === bad.option)?.required;
  return {
    answered: false,
    private: true,
    title: say(lang, { ko: `/${name}: 알 수 없는 ${bad.option}`, en: `/${name}: unknown ${bad.option}` }),
    body: say(lang, {
      ko: `‘${inert(bad.value)}’은(는) /${name}의 ${bad.option} 값이 아닙니다. 쓸 수 있는 값: ${valid}${optional ? " (또는 생략)" : ""}. 아무것도 실행하지 않았습니다.`,
      en: `“${inert(bad.value)}” is not a valid ${bad.option} for /${name}. It takes ${valid}${optional ? ", or nothing" : ""}. Nothing was run.`,
    }),
    suggestions: bad.choices.map((c) => suggest(`/${name} ${c}`, name, { [bad.option]: c })),
  };
}
