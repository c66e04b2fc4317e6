// The knowledge pack's schema. Every file in a pack folder is a YAML map holding any of the sections
// below; the loader merges the sections of all files, then checks ids and references across them.
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
    start: date,
    end: date,
    timezone: text.default("Asia/Seoul"),
    format: localized.optional(),
    speakers: z.number().int().positive(),
    tracks: z.number().int().positive(),
    sessions: z.number().int().positive(),
    summary: localized,
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

export const sessionKinds = ["keynote", "special", "talk", "preview"] as const;

export const sessionSchema = z
  .object({
    id,
    title: localized,
    kind: z.enum(sessionKinds),
    /** Most sessions have one track; a few are shared between two ("AI + 데브옵스"). */
    tracks: z.array(id).default([]),
    date,
    time: time.optional(),
    speakers: z.array(id).default([]),
    summary: localized.optional(),
    links: z.array(z.object({ title: text, url: z.url() }).strict()).default([]),
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

export const packFileSchema = z
  .object({
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

export type Source = z.infer<typeof sourceSchema>;
export type EventInfo = z.infer<typeof eventSchema>;
export type Person = z.infer<typeof personSchema>;
export type Session = z.infer<typeof sessionSchema>;
export type Track = z.infer<typeof trackSchema>;
export type Budget = z.infer<typeof budgetSchema>;
export type Remediation = z.infer<typeof remediationSchema>;
export type Fact = z.infer<typeof factSchema>;
export type PackFile = z.infer<typeof packFileSchema>;

/** The merged, validated knowledge: read-only once built. */
export interface Knowledge {
  sources: ReadonlyMap<string, Source>;
  event?: EventInfo;
  people: ReadonlyMap<string, Person>;
  sessions: ReadonlyMap<string, Session>;
  tracks: ReadonlyMap<string, Track>;
  budget?: Budget;
  remediation: ReadonlyMap<string, Remediation>;
  facts: ReadonlyMap<string, Fact>;
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
