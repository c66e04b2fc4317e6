// One part of an answer: what one subject says for the aspects asked, with the items it rests on. A question with
// two subjects or two aspects gets two parts, combined into one answer (compose.ts), each part cited.
import type { Lang } from "../locale.js";
import type { Field, Suggestion } from "../protocol.js";
import type { Snapshot } from "../snapshot/snapshot.js";
import type { Aspect } from "../understand/lexicon.js";
import type { Stated } from "../understand/read.js";
import type { Quantity } from "./quantities.js";
import type { Scope } from "./subject.js";

/** Something an answer rests on: an item of the knowledge with its source and quote. */
export interface Cited {
  source: string;
  quote: string;
  url?: string;
  more?: { source: string; quote: string; url?: string }[];
}

/** What a part states, in a form a yes/no question's claim can be checked against. */
export interface Facts {
  count?: number;
  amount?: number;
  times?: string[];
  dates?: string[];
  years?: number[];
  /** People keys (who presented, who holds a role). */
  people?: string[];
  /** Track keys (the tracks of the sessions). */
  tracks?: string[];
  /** The numbers its sentence holds (a headline's 400억원, 10만건). */
  quantities?: Quantity[];
  /** Words the part's text holds (a role, a format, a title), for claims made of words. */
  text?: string;
}

export interface Part {
  title: string;
  body: string;
  cited: Cited[];
  fields?: Field[];
  suggestions?: Suggestion[];
  /** False when the knowledge does not hold what was asked about this subject (a role nobody lists). */
  answered: boolean;
  facts?: Facts;
  /** What the conversation remembers for a follow-up. */
  about: { kind: string; keys: string[] };
}

export interface PartContext {
  snapshot: Snapshot;
  lang: Lang;
  scope: Scope;
  aspects: readonly Aspect[];
  /** The question's own numbers, for counts it states ("5개 맞죠?"). */
  stated: readonly Stated[];
}
