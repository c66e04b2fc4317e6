// Text helpers every part of the core shares: one normal form for what users type and what the knowledge says.

// Control, format and bidirectional-override characters: never meaningful in a question.
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff]/g;
const HANGUL_OR_JAMO = /[\uac00-\ud7a3\u3131-\u318e]/;

/** NFC (Hangul typed on some systems arrives decomposed), invisible characters removed, spaces folded. */
export function normalize(text: string): string {
  return text.normalize("NFC").replace(INVISIBLE, " ").replace(/\s+/g, " ").trim();
}

/** A name as users type it, whatever the spacing or punctuation: "Ko Woo-chan" and "kowoochan" meet. */
export const squash = (s: string): string => s.normalize("NFC").toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");

export const hasHangul = (text: string): boolean => HANGUL_OR_JAMO.test(text);
