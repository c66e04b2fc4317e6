// The words adapters put around an answer (its sources, version, buttons), in the answer's language.
import { say, type Lang } from "../../core/locale.js";

const LABELS = {
  sources: { ko: "출처", en: "Sources" },
  source: { ko: "출처", en: "Source" },
  version: { ko: "지식 버전", en: "knowledge version" },
  share: { ko: "채널에 공유", en: "Share in channel" },
  shortened: { ko: "답이 길어 줄였습니다", en: "the answer was shortened" },
  try: { ko: "더 물어보기", en: "Try" },
  moreSources: { ko: "출처 {n}개 더", en: "{n} more source(s)" },
} as const;

/** An adapter's label in the answer's language; `{n}` is replaced by `n`. */
export const label = (lang: Lang, name: keyof typeof LABELS, n?: number): string => say(lang, LABELS[name]).replace("{n}", String(n ?? ""));
