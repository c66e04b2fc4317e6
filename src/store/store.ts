// What EventDesk keeps between questions, behind one interface: the question log and ratings, and what is read back
// from them (insights). The core sees only this interface; SQLite and PostgreSQL implement it (sql-store.ts).
// Users are handed over as platform + id, and a store keeps only a salted hash of them.

/** Who asked or rated: the store hashes it (sha256 with a per-install salt) before keeping anything. */
export interface UserRef {
  platform: string;
  id: string;
}

export type Rating = "up" | "down";

/** One answered request, as the question log keeps it. */
export interface QuestionRecord {
  /** The answer's id: ratings refer to it. */
  id: string;
  at: Date;
  user: UserRef;
  platform: string;
  /** The channel (or DM) it was asked in, when the platform says. Not the conversation key: that can hold a user id. */
  channel?: string;
  /** Asked in a direct message: its text is kept only with LOG_QUESTIONS=full. */
  direct: boolean;
  command: string;
  /** The question as asked; absent when the logging policy keeps no text for it. */
  text?: string;
  /** The question folded for grouping (case, punctuation, spacing); absent when `text` is. */
  normalized?: string;
  answered: boolean;
  knowledgeVersion: string;
  latencyMs: number;
}

export interface RatingRecord {
  answerId: string;
  user: UserRef;
  rating: Rating;
  at: Date;
}

export interface RefusedQuestion {
  normalized: string;
  /** One of the texts that folded to it, for display. */
  example: string;
  count: number;
}

export interface RatedAnswer {
  command: string;
  /** Undefined for questions whose text is not kept (direct messages). */
  normalized?: string;
  down: number;
  up: number;
}

export interface PlatformShare {
  platform: string;
  asked: number;
  answered: number;
}

/** What the question log and ratings say about a period. */
export interface Insights {
  since: Date;
  until: Date;
  /** Unanswered questions, most asked first. */
  refused: RefusedQuestion[];
  /** Answers by question, most 👎 first (only those with at least one 👎). */
  downvoted: RatedAnswer[];
  /** How many questions each platform asked, and how many were answered. */
  platforms: PlatformShare[];
}

/** What /remediation update can change of an item. */
export const REMEDIATION_FIELDS = ["status", "owner", "due"] as const;
export type RemediationField = (typeof REMEDIATION_FIELDS)[number];

/** One change to a remediation item, as an admin made it. Unlike the question log, who made it is kept as it is
 * (platform, id and display name): a change is shown with who made it. */
export interface RemediationUpdateRecord {
  /** The item's key, `event/id`. */
  item: string;
  field: RemediationField;
  /** A status, a person key or a name, or a YYYY-MM-DD date. */
  value: string;
  at: Date;
  by: { platform: string; id: string; name?: string };
}

export interface RemediationUpdate extends RemediationUpdateRecord {
  /** The order changes were recorded in. */
  seq: number;
}

/** What a channel subscribes to: every session, a track's, a room's, or one session (by knowledge key). */
export type AlertFilter = { kind: "all" } | { kind: "track" | "room" | "session"; key: string };

export interface Subscription {
  platform: string;
  channel: string;
  filter: AlertFilter;
  /** What the filter was called when subscribed ("AI", a session's title), for /subscriptions. */
  label: string;
  /** The language its alerts are written in: the one /subscribe was answered in. */
  lang: string;
  at: Date;
}

/** A person's reminder of one session, sent to them by direct message. */
export interface Reminder {
  platform: string;
  /** The platform's user id, raw: it is where the reminder goes. */
  user: string;
  session: string;
  lang: string;
  at: Date;
}

/** One alert: where it goes (`slack:channel:C1`, `discord:user:42`), which session, and the start it announces. */
export interface AlertClaim {
  target: string;
  session: string;
  startsAt: Date;
}

export interface Store {
  /** "sqlite" or "postgres", for logs. */
  readonly kind: string;
  /** Brings the schema up to date; resolves with its version. Every other call runs it first if it has not succeeded. */
  migrate(): Promise<number>;
  logQuestion(question: QuestionRecord): Promise<void>;
  /** One rating per user per answer: a second one replaces the first. Resolves with the rating it replaced. */
  rate(rating: RatingRecord): Promise<{ previous?: Rating }>;
  /** Over [since, until], both ends included: a question asked in the same millisecond as /insights counts. */
  insights(since: Date, until: Date, limit?: number): Promise<Insights>;
  recordRemediationUpdate(update: RemediationUpdateRecord): Promise<void>;
  /** The changes recorded, oldest first: of one item (a key), or of all. */
  remediationUpdates(item?: string): Promise<RemediationUpdate[]>;
  /** Resolves true when the subscription is new, false when the channel already had it (its label is updated). */
  subscribe(subscription: Subscription): Promise<boolean>;
  /** Removes a channel's subscriptions: the one with `filter`, or all when none is given. Resolves with how many. */
  unsubscribe(platform: string, channel: string, filter?: AlertFilter): Promise<number>;
  /** A channel's subscriptions, or every channel's (the scheduler's) when none is given. */
  subscriptions(where?: { platform: string; channel: string }): Promise<Subscription[]>;
  /** Resolves true when the reminder is new. */
  remind(reminder: Reminder): Promise<boolean>;
  /** Reminders of these sessions (the scheduler's: the sessions starting soon). */
  reminders(sessions: readonly string[]): Promise<Reminder[]>;
  /** Claims an alert before it is posted: true for the one caller (of any process on this database) that claimed it
   * first, false for every other. A session moved to another start is another alert. */
  claimAlert(claim: AlertClaim): Promise<boolean>;
  /** A conversation's remembered value (JSON), when it was written at or after `since`. */
  recallConversation(id: string, since: Date): Promise<string | undefined>;
  /** Writes a conversation's value (replacing the one before), and deletes conversations last written before `expireBefore`. */
  rememberConversation(id: string, value: string, at: Date, expireBefore?: Date): Promise<void>;
  /** Claims a platform event before it is answered (`slack:Ev123`): true for the first caller of any process on this
   * database, false for every other. Claims older than `expireBefore` are deleted. */
  claimEvent(key: string, at: Date, expireBefore?: Date): Promise<boolean>;
  /** Takes one question from a user's token bucket (`perMinute` a minute, refilled evenly), shared by every process on
   * this database: whether it was granted, and the tokens left. */
  takeToken(userKey: string, perMinute: number, at: Date): Promise<{ granted: boolean; tokens: number }>;
  close(): Promise<void>;
}
