// A typed line to a command: "/speaker 고우찬" → speaker { name: "고우찬" }; anything else is a question.
// The core parses every Request's text here, once, whatever platform it came from.
import type { Args, CommandModule } from "./command.js";

export interface ParsedLine {
  /** The command the line names, or undefined when the line names one that does not exist. */
  module?: CommandModule;
  /** The name as typed (for "there is no /foo command"). */
  name: string;
  args: Args<string>;
}

/** A command by its name or one of its aliases. */
export const findCommand = (catalogue: readonly CommandModule[], name: string): CommandModule | undefined =>
  catalogue.find((c) => c.spec.name === name || c.spec.aliases?.includes(name));

/** The words after the command fill its first option: every command here takes at most one. */
export function argsFor(module: CommandModule | undefined, rest: string): Args<string> {
  const first = module?.spec.options[0];
  return first && rest ? { [first.name]: rest } : {};
}

/** A line as typed. With `bareCommands`, the first word may name a command without a slash (umbrella commands). */
export function parseLine(line: string, catalogue: readonly CommandModule[], bareCommands = false): ParsedLine {
  const text = line.trim();
  const m = text.match(/^(\/)?([\p{L}\p{N}_-]+)(?:\s+([\s\S]*))?$/u);
  if (m && (m[1] || bareCommands)) {
    const name = m[2].toLowerCase();
    const module = findCommand(catalogue, name);
    if (module) return { module, name: module.spec.name, args: argsFor(module, (m[3] ?? "").trim()) };
    if (m[1]) return { name, args: {} };
  }
  const ask = findCommand(catalogue, "ask");
  return { module: ask, name: "ask", args: { question: text } };
}
