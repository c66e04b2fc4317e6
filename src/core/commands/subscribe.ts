// Session alerts for a channel: `/subscribe [track|room|session]` (nothing: every session) posts "starting in 5
// minutes" there before each session it covers; `/unsubscribe` removes one (or, with nothing, all of them);
// `/subscriptions` lists the channel's. They are kept in the store; the scheduler (src/alerts.ts) posts.
import { filterNamed } from "../alerts.js";
import { say, type Lang } from "../locale.js";
import { inert } from "../markdown.js";
import type { Request } from "../protocol.js";
import { defineCommand, type CommandContext, type Draft } from "./command.js";

/** The channel a request came from: the platform's channel id (the console has one conversation). */
export const channelOf = (request: Request): string => request.channel ?? request.conversation ?? request.user.id;

const refused = (lang: Lang, body: { ko: string; en: string }): Draft => ({
  answered: false,
  private: true,
  title: say(lang, { ko: "알림", en: "Alerts" }),
  body: say(lang, body),
});

const NO_STORE = { ko: "이 봇은 알림을 저장하지 않습니다.", en: "This bot keeps no alerts." };
const STORE_DOWN = { ko: "지금은 알림을 저장할 수 없습니다. 잠시 후 다시 해 주세요.", en: "Alerts cannot be saved just now. Please try again in a moment." };

function notFound(lang: Lang, what: string): Draft {
  return refused(lang, {
    ko: `‘${inert(what)}’에 맞는 트랙, 장소, 세션이 없습니다. 트랙 이름(예: AI), 장소 또는 세션 제목으로 해 보세요.`,
    en: `No track, room or session matches “${inert(what)}”. Try a track's name (AI), a room or a session's title.`,
  });
}

const whatOption = {
  name: "what",
  description: { ko: "트랙, 장소 또는 세션 (없으면 모든 세션)", en: "A track, room or session (none: every session)" },
} as const;

export const subscribe = defineCommand({
  spec: {
    name: "subscribe",
    description: { ko: "이 채널에 세션 시작 알림 받기: 트랙, 장소, 세션별", en: "Post session-starting alerts in this channel: by track, room or session" },
    options: [whatOption],
    aliases: ["구독"],
    meta: true,
    example: "AI",
  },
  async run(ctx, { what }) {
    const { lang, request, store, snapshot, scope } = ctx;
    if (!store) return refused(lang, NO_STORE);
    const named = filterNamed(snapshot, scope, what, lang);
    if (!named) return notFound(lang, what ?? "");
    try {
      const added = await store.subscribe({ platform: request.user.platform, channel: channelOf(request), filter: named.filter, label: named.label, lang, at: new Date() });
      return {
        title: say(lang, { ko: "알림 구독", en: "Subscribed" }),
        body: say(lang, {
          ko: `${added ? "이제" : "이미"} 이 채널에 ${inert(named.label)}의 세션 시작 알림을 올립니다.`,
          en: `${added ? "This channel will now get" : "This channel already gets"} an alert before each session of ${inert(named.label)} starts.`,
        }),
      };
    } catch {
      return refused(lang, STORE_DOWN);
    }
  },
});

export const unsubscribe = defineCommand({
  spec: {
    name: "unsubscribe",
    description: { ko: "이 채널의 알림 구독 취소 (없으면 전부)", en: "Stop this channel's alerts: one subscription, or all" },
    options: [whatOption],
    aliases: ["구독취소"],
    meta: true,
    example: "AI",
  },
  async run(ctx, { what }) {
    const { lang, request, store, snapshot, scope } = ctx;
    if (!store) return refused(lang, NO_STORE);
    const named = what?.trim() ? filterNamed(snapshot, scope, what, lang) : undefined;
    if (what?.trim() && !named) return notFound(lang, what);
    try {
      const removed = await store.unsubscribe(request.user.platform, channelOf(request), named?.filter);
      return {
        answered: removed > 0,
        title: say(lang, { ko: "알림 구독 취소", en: "Unsubscribed" }),
        body: removed
          ? say(lang, { ko: `구독 ${removed}개를 취소했습니다.`, en: `Removed ${removed} subscription${removed === 1 ? "" : "s"}.` })
          : say(lang, { ko: "이 채널에 그런 구독이 없습니다. `/subscriptions`로 확인해 보세요.", en: "This channel has no such subscription: `/subscriptions` lists them." }),
      };
    } catch {
      return refused(lang, STORE_DOWN);
    }
  },
});

export const subscriptions = defineCommand({
  spec: {
    name: "subscriptions",
    description: { ko: "이 채널의 알림 구독 목록", en: "This channel's alert subscriptions" },
    options: [],
    aliases: ["구독목록"],
    meta: true,
  },
  async run(ctx: CommandContext) {
    const { lang, request, store } = ctx;
    if (!store) return refused(lang, NO_STORE);
    try {
      const list = await store.subscriptions({ platform: request.user.platform, channel: channelOf(request) });
      return {
        title: say(lang, { ko: "이 채널의 알림", en: "This channel's alerts" }),
        body: list.length
          ? list.map((s) => `- ${inert(s.label)}`).join("\n")
          : say(lang, { ko: "구독이 없습니다. `/subscribe AI`처럼 구독하세요.", en: "No subscriptions: subscribe with `/subscribe AI`, say." }),
      };
    } catch {
      return refused(lang, STORE_DOWN);
    }
  },
});
