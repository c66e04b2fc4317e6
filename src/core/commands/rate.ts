// 👍/👎 for an answer: a button under the answer carries its id; a typed `/rate up` rates this user's last answer in
// this conversation. One rating per user per answer, which a second one replaces.
import { say, type Lang } from "../locale.js";
import type { Rating } from "../../store/store.js";
import { defineCommand, type Draft } from "./command.js";

/** The question log's ids are UUIDs: a button's value that is not one is not ours. */
const ANSWER_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const RATING_EMOJI: Record<Rating, string> = { up: "👍", down: "👎" };
export const RATINGS: readonly Rating[] = ["up", "down"];

/** What a 👍/👎 button under an answer runs: this command, naming the answer. */
export const ratingRequest = (answerId: string, rating: Rating) => ({ command: "rate", args: { rating, answer: answerId } });

const notRated = (lang: Lang, body: { ko: string; en: string }): Draft => ({
  answered: false,
  private: true,
  title: say(lang, { ko: "평가하지 못했습니다", en: "Not rated" }),
  body: say(lang, body),
});

export const rate = defineCommand({
  spec: {
    name: "rate",
    description: { ko: "방금 받은 답 평가하기: up 👍 / down 👎", en: "Rate the answer you just got: up 👍 or down 👎" },
    options: [{ name: "rating", description: { ko: "up 또는 down", en: "up or down" }, choices: ["up", "down"], required: true }],
    aliases: ["평가"],
    meta: true,
    example: "up",
  },
  async run({ lang, request, store, lastAnswerId }, { rating }) {
    if (!rating) return notRated(lang, { ko: "`/rate up` 또는 `/rate down`으로 평가해 주세요.", en: "Rate with `/rate up` or `/rate down`." });
    // A button names its answer (request.args.answer); a typed rating means the last answer here.
    const answerId = request.args?.answer ?? lastAnswerId;
    if (!store) return notRated(lang, { ko: "이 봇은 평가를 저장하지 않습니다.", en: "This bot keeps no ratings." });
    if (!answerId || !ANSWER_ID.test(answerId)) return notRated(lang, { ko: "평가할 답이 아직 없습니다. 먼저 질문해 주세요.", en: "There is no answer to rate yet: ask something first." });
    const chosen = rating as Rating;
    try {
      const { previous } = await store.rate({ answerId, user: { platform: request.user.platform, id: request.user.id }, rating: chosen, at: new Date() });
      const changed = previous && previous !== chosen ? say(lang, { ko: ` (${RATING_EMOJI[previous]}에서 바꿈)`, en: ` (changed from ${RATING_EMOJI[previous]})` }) : "";
      return {
        private: true,
        title: say(lang, { ko: "평가 고맙습니다", en: "Thanks for rating" }),
        body: `${RATING_EMOJI[chosen]}${changed}`,
      };
    } catch {
      return notRated(lang, { ko: "지금은 평가를 저장할 수 없습니다. 잠시 후 다시 해 주세요.", en: "The rating could not be saved just now. Please try again in a moment." });
    }
  },
});
