// The knowledge's schema. A pack is a folder of YAML maps holding any of the sections below, about one event (its
// `event` section); the loader merges a pack's files, then checks ids and references across them. Imported schedules
// become events of their own (or join the pack whose event they are). Every item belongs to one event: its `event`,
// and its `key` (`event/id`) is unique across everything loaded, so events never mix.
import { z } from "zod";

const id = z.string().regex(/^[a-z0-9][a-z0-9._-]*$/, "lower-case letters, digits, '.', '_' or '-'");
const text = z.string().trim().min(1);
/** Aliases and keywords: YAML reads a bare 1015 or 2018 as a number, which is meant as the word. */
const word = z.union([text, z.number()]).transform(String);

/** Korean and English forms of the same text. */
export const localized = z.object({ ko: text, en: text }).strict();

/** Every item says where it comes from: a source id and the source's sentence, verbatim. */
const cited = {
  source: id,
  quote: text,
  /** Further sentences the item rests on (e.g. a supplementary date beside the article's sentence). */
  more: z.array(z.object({ source: id, quote: text, url: z.url().optional() }).strict()).default([]),
  /** Where this item's own quote can be read, when it is a page of its own (a session's page in a schedule). */
  url: z.url().optional(),
};

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "a date written YYYY-MM-DD");
const time = z.string().regex(/^\d{2}:\d{2}$/, "a time written HH:MM");

export const sourceSchema = z
  .object({
    id,
    title: text,
    publisher: text.optional(),
    author: text.optional(),
    url: z.url().optional(),
    /** A text file beside the YAML holding the source; every quote citing it must occur in it verbatim. */
    file: text.optional(),
  })
  .strict();

export const eventSchema = z
  .object({
    id,
    name: localized,
    aliases: z.array(word).default([]),
    /** The short name schedules use (`conference.acronym`): a schedule with the same acronym joins this event. */
    acronym: text.optional(),
    /** Who runs it ("카카오"): their name alone says nothing about what a question asks. */
    organiser: localized.optional(),
    start: date,
    end: date,
    /** An IANA zone: times in the pack are read in it. */
    timezone: text.default("Asia/Seoul"),
    format: localized.optional(),
    /** Counts as the source states them ("120여 명", "106개 세션"); without them, the loaded items are counted. */
    speakers: z.number().int().positive().optional(),
    tracks: z.number().int().positive().optional(),
    sessions: z.number().int().positive().optional(),
    summary: localized.optional(),
    ...cited,
  })
  .strict();

export const personSchema = z
  .object({
    id,
    name: localized,
    aliases: z.array(word).default([]),
    handle: text.optional(),
    organisation: localized.optional(),
    roles: z.array(localized).default([]),
    summary: localized.optional(),
    ...cited,
  })
  .strict();

/** The kinds of session a pack names; a schedule's other types (workshop, lightning talk …) are kept as published. */
export const sessionKinds = ["keynote", "special", "talk", "preview"] as const;

export const sessionSchema = z
  .object({
    id,
    title: localized,
    kind: z.union([z.enum(sessionKinds), text]),
    /** Most sessions have one track; a few are shared between two ("AI + 데브옵스"). */
    tracks: z.array(id).default([]),
    date,
    time: time.optional(),
    speakers: z.array(id).default([]),
    summary: localized.optional(),
    links: z.array(z.object({ title: text, url: z.url() }).strict()).default([]),
    room: text.optional(),
    durationMinutes: z.number().int().nonnegative().optional(),
    language: text.optional(),
    /** What the session is about, as published (plain text). */
    abstract: text.optional(),
    ...cited,
  })
  .strict();

export const trackSchema = z
  .object({ id, name: localized, aliases: z.array(word).default([]), summary: localized.optional(), ...cited })
  .strict();

export const budgetSchema = z
  .object({
    id,
    /** The total in won, as an integer. */
    total: z.number().int().positive(),
    currency: z.literal("KRW"),
    items: z.array(z.object({ id, text: localized }).strict()).min(1),
    /** What the source says about dividing the total between the items; absent means it says nothing. */
    split: localized.optional(),
    ...cited,
  })
  .strict();

export const remediationStatuses = ["announced", "planned", "in_progress", "done"] as const;

export const remediationSchema = z
  .object({
    id,
    area: localized,
    text: localized,
    presented_by: id,
    owner: id.optional(),
    status: z.enum(remediationStatuses).default("announced"),
    due: date.optional(),
    /** Extra words that should find this item (e.g. the incident it answers). */
    keywords: z.array(word).default([]),
    ...cited,
  })
  .strict();

export const factSchema = z
  .object({
    id,
    text: localized,
    /** A related headline printed under the article: answered as a headline, not as reported fact. */
    headline: z.boolean().default(false),
    /** Extra words that should find this fact (paraphrases the text itself does not contain). */
    keywords: z.array(word).default([]),
    ...cited,
  })
  .strict();

/** Words that stand for one another in questions: loanwords (Kafka, 카프카) and paraphrases the pack's text needs. */
export const glossarySchema = z.array(z.array(word).min(2));

export const packFileSchema = z
  .object({
    glossary: glossarySchema.optional(),
    sources: z.array(sourceSchema).optional(),
    event: eventSchema.optional(),
    people: z.array(personSchema).optional(),
    sessions: z.array(sessionSchema).optional(),
    tracks: z.array(trackSchema).optional(),
    budget: budgetSchema.optional(),
    remediation: z.array(remediationSchema).optional(),
    facts: z.array(factSchema).optional(),
  })
  .strict();

/** Where an item belongs: its event, and its key (`event/id`), unique across everything loaded. */
export interface Placed {
  event: string;
  key: string;
}

export type Source = z.infer<typeof sourceSchema>;
/** An event with its time zone resolved: an IANA zone, or a fixed offset ("UTC+01:00") when a schedule gives only offsets. */
export type EventInfo = z.infer<typeof eventSchema> & {
  /** What its times are called when they carry one name ("KST"); else each session says its own. */
  zoneLabel?: string;
};
export type Person = z.infer<typeof personSchema> & Placed;
export type Session = z.infer<typeof sessionSchema> &
  Placed & {
    /** The start as an instant (ISO, UTC), for now/next; absent when the source gives no time. */
    start?: string;
    /** What the zone of `time` is called at that date ("KST", "CET", "CEST"). */
    zone?: string;
    endTime?: string;
  };
export type Track = z.infer<typeof trackSchema> & Placed;
export type Room = Placed & { id: string; name: string; source: string; quote: string; more: Session["more"]; url?: string };
export type Budget = z.infer<typeof budgetSchema> & Placed;
export type Remediation = z.infer<typeof remediationSchema> & Placed;
export type Fact = z.infer<typeof factSchema> & Placed;
export type PackFile = z.infer<typeof packFileSchema>;

/** The merged, validated knowledge: read-only once built. Items are keyed by `key`. */
export interface Knowledge {
  events: ReadonlyMap<string, EventInfo>;
  sources: ReadonlyMap<string, Source>;
  people: ReadonlyMap<string, Person>;
  sessions: ReadonlyMap<string, Session>;
  tracks: ReadonlyMap<string, Track>;
  rooms: ReadonlyMap<string, Room>;
  budgets: ReadonlyMap<string, Budget>;
  remediation: ReadonlyMap<string, Remediation>;
  facts: ReadonlyMap<string, Fact>;
  /** Groups of words that stand for one another in questions. */
  glossary: readonly (readonly string[])[];
}

/** One problem in a pack, placed as precisely as the loader can. */
export interface KnowledgeProblem {
  file: string;
  line?: number;
  field?: string;
  message: string;
  /** The offending value, shown briefly (about 80 characters): what the admin will look for in the file. */
  value?: string;
}

export function formatProblem(p: KnowledgeProblem): string {
  const place = [p.file, p.line === undefined ? undefined : String(p.line)].filter(Boolean).join(":");
  return `${place}${p.field ? ` (${p.field})` : ""}: ${p.message}${p.value === undefined ? "" : ` (value: ${p.value})`}`;
}
