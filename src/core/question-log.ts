// What the question log keeps of one answered request, by the logging policy: the question's text (never a direct
// message's unless LOG_QUESTIONS=full), its folded form for grouping, and the outcome. The store hashes the user.
import type { QuestionRecord } from "../store/store.js";
import type { Answer, Request } from "./protocol.js";

/** full: every text; public: all but direct messages'; none: no text at all. */
export type LogPolicy = "full" | "public" | "none";

/** The question as the user put it: the typed line, or the command a button or slash command ran. */
export function questionText(request: Request, command: string, args: Record<string, string | undefined>): string {
  if (request.text !== undefined && request.command === undefined) return request.text;
  const values = Object.values(args).filter((v): v is string => Boolean(v));
  return ["/" + command, ...values].join(" ");
}

/** One form for questions that differ only in case, punctuation or spacing: "Wi-Fi password?" and "wifi password". */
export const foldQuestion = (text: string): string =>
  text.normalize("NFKC").toLowerCase().replace(/[^\p{L}\p{N}\s]/gu, "").replace(/\s+/g, " ").trim();

export interface Asked {
  request: Request;
  /** The arguments the request ran with (sanitised). */
  args: Record<string, string | undefined>;
  command: string;
  answer: Answer & { id: string };
  at: Date;
  latencyMs: number;
}

export function questionRecord({ request, args, command, answer, at, latencyMs }: Asked, policy: LogPolicy): QuestionRecord {
  const direct = request.direct ?? false;
  const keepText = policy === "full" || (policy === "public" && !direct);
  const text = keepText ? questionText(request, command, args) : undefined;
  return {
    id: answer.id,
    at,
    user: { platform: request.user.platform, id: request.user.id },
    platform: request.user.platform,
    ...(request.channel ? { channel: request.channel } : {}),
    direct,
    command: answer.command,
    ...(text === undefined ? {} : { text, normalized: foldQuestion(text) }),
    answered: answer.answered,
    knowledgeVersion: answer.version,
    latencyMs: +latencyMs.toFixed(2),
  };
}
