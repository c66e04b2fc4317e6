import { draftOf, rememberParts } from "../answers/compose.js";
import { trackPart, tracksPart } from "../answers/event.js";
import { bilingual, refOf } from "../answers/format.js";
import type { PartContext } from "../answers/part.js";
import { say } from "../locale.js";
import { inert } from "../markdown.js";
import { defineCommand, type CommandContext } from "./command.js";
import { choicesFor, findKeys } from "./find.js";

const partContext = (ctx: CommandContext): PartContext => ({ snapshot: ctx.snapshot, lang: ctx.lang, scope: ctx.scope, aspects: [], stated: [] });

export const track = defineCommand({
  spec: {
    name: "track",
    description: { ko: "트랙: 전체 목록 또는 한 트랙의 세션", en: "Tracks: all of them, or one track's sessions" },
    options: [{ name: "name", description: { ko: "트랙 이름 (예: AI, 데브옵스)", en: "Track name (e.g. AI, DevOps)" }, autocomplete: true }],
    aliases: ["tracks", "트랙"],
    example: "AI",
  },
  routes: [{ words: ["트랙", "track", "tracks"] }],
  run(ctx, { name }) {
    const k = ctx.snapshot.knowledge;
    const all = () => ctx.scope.events.map((event) => tracksPart(partContext(ctx), event));
    if (!name) return draftOf(ctx.snapshot, all());
    const keys = findKeys(ctx.snapshot, ctx.scope, "track", name);
    if (keys.length) {
      const parts = keys.slice(0, 3).map((key) => trackPart(partContext(ctx), k.tracks.get(key)!));
      return { ...draftOf(ctx.snapshot, parts), remember: rememberParts(parts, ctx.lang) };
    }
    const unknown = say(ctx.lang, {
      ko: `‘${inert(name)}’ 트랙은 지식에 없습니다. 있는 트랙은 이렇습니다.\n\n`,
      en: `The knowledge has no track called “${inert(name)}”. These are the tracks it knows.\n\n`,
    });
    const draft = draftOf(ctx.snapshot, all());
    return { ...draft, body: `${unknown}${draft.body}`, answered: false };
  },
  autocomplete: (snapshot, scope, _option, typed, lang) =>
    choicesFor(snapshot, scope, "track", typed, (key, l) => bilingual(snapshot.knowledge.tracks.get(key)!.name, l), (key) => refOf(snapshot.tables, snapshot.knowledge.tracks.get(key)!, "tracks"), lang),
});
