// Free questions: read (understand/read.ts), resolved against the knowledge and the conversation, answered part by
// part (answers/compose.ts) — or an honest "I don't know" with what the knowledge can answer.
import { compose } from "../answers/compose.js";
import { Reader } from "../understand/read.js";
import { defineCommand } from "./command.js";
import { helpDraft } from "./help.js";

export const ask = defineCommand({
  spec: {
    name: "ask",
    description: { ko: "자유롭게 묻기 (한국어 또는 영어)", en: "Ask anything, in Korean or English" },
    options: [{ name: "question", description: { ko: "질문", en: "Your question" }, required: true }],
    example: "예산 얼마야?",
  },
  run(ctx, { question }) {
    if (!question) return helpDraft(ctx);
    const reading = new Reader(ctx.snapshot).read(question);
    const { draft, remember } = compose(ctx.snapshot, reading, ctx.scope, ctx.lang, ctx.recalled);
    return { ...draft, ...(remember ? { remember } : {}) };
  },
});
