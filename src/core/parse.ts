// Typed text to a command: "/speaker 고우찬" → speaker { name: "고우찬" }; anything else is a question.
// Used by the console and by umbrella commands (`/eventdesk speaker 고우찬`) on the platforms.
import type { CommandModule } from "./commands.js";

export interface ParsedLine {
  command: string;
  args: Record<string, string | undefined>;
}

/** The words after the command fill its first option: every command here takes at most one. */
export function argsFor(module: CommandModule | undefined, rest: string): Record<string, string | undefined> {
  const first = module?.spec.options[0];
  return first && rest ? { [first.name]: rest } : {};
}

export function parseLine(line: string, catalogue: readonly CommandModule[], slashRequired = true): ParsedLine {
  const text = line.trim();
  const m = text.match(/^(\/)?([\p{L}\p{N}_-]+)(?:\s+([\s\S]*))?$/u);
  if (m && (m[1] || !slashRequired)) {
    const name = m[2].toLowerCase();
    const module = catalogue.find((c) => c.spec.name === name);
    if (module) return { command: name, args: argsFor(module, (m[3] ?? "").trim()) };
    if (m[1]) return { command: name, args: {} };
  }
  return { command: "ask", args: { question: text } };
}
