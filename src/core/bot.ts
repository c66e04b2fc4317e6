// The core: takes a platform-neutral Request, parses it once, answers it from the current snapshot, and reloads the
// knowledge by swapping the snapshot whole. It knows no platform.
import { randomUUID } from "node:crypto";
import type { Logger } from "pino";
import type { Args, Choice, CommandModule, Draft, ReloadOutcome } from "./commands/command.js";
import { notAChoice, readChoices } from "./commands/choices.js";
import { catalogue, helpDraft } from "./commands/index.js";
import { argsFor, findCommand, parseLine } from "./commands/parse.js";
import { countKnowledge, diffKnowledge, type SectionDiff } from "./knowledge/diff.js";
import { redactUrl } from "./knowledge/redact-url.js";
import { copyWarning } from "./knowledge/schedule-url.js";
import { formatProblem, type KnowledgeProblem } from "./knowledge/schema.js";
import { say, type Lang, type Localized } from "./locale.js";
import type { Answer, Request, User } from "./protocol.js";
import { inTime } from "./in-time.js";
import { RateLimiter } from "./rate-limit.js";
import { cleanText, MAX_ARG_LENGTH, sanitizeArgs, sanitizeText } from "./sanitize.js";
import { buildSnapshot, type BuildOptions, type Snapshot } from "./snapshot/snapshot.js";
import { hasHangul, normalize } from "./text.js";
import type { Remembered } from "./answers/compose.js";
import type { Scope } from "./answers/subject.js";
import { MemoryConversations, type ConversationMemory } from "./understand/conversation.js";
import type { Store } from "../store/store.js";
import { LastAnswers } from "./last-answers.js";
import { questionRecord, type Asked, type LogPolicy } from "./question-log.js";
import { isEnglish } from "./understand/lexicon.js";
import { overlayOf, type RemediationOverlay } from "./answers/remediation-state.js";

export interface BotOptions extends Omit<BuildOptions, "offThread"> {
  knowledgeDir: string;
  /** The answer language when neither the text nor the user's locale decides it. */
  defaultLang?: Lang;
  logger?: Logger;
  /** Questions per user per minute (trusted users, such as the console's, are not limited); 0 turns it off. */
  rateLimitPerMinute?: number;
  /** Count them in the store, shared by every replica on it (with DATABASE_URL), rather than in this process. */
  sharedRateLimit?: boolean;
  /** Called after every reload attempt, successful or not (the audit log listens here). */
  onReload?: (event: ReloadEvent) => void | Promise<void>;
  /** "Now" for now/next questions and alerts (EVENTDESK_NOW sets it to demo or test a past conference as if live). */
  clock?: () => Date;
  /** Where conversations are remembered between questions; in memory by default. */
  conversations?: ConversationMemory;
  /** Channel id → the event a question asked there is about (EVENT_CHANNELS); other channels see every event. */
  eventChannels?: ReadonlyMap<string, string>;
  /** Keeps the question log and ratings; without one, nothing is logged and nothing offers a rating. */
  store?: Store;
  /** Which question texts the log keeps (LOG_QUESTIONS); public by default. */
  logQuestions?: LogPolicy;
}

export interface ReloadEvent {
  at: Date;
  by: User;
  ok: boolean;
  versionBefore: string;
  versionAfter: string;
  changes: SectionDiff[];
  problems: KnowledgeProblem[];
}

/** The pack could not be loaded at start-up: every problem, for a clear message instead of a stack trace. */
export class KnowledgeError extends Error {
  constructor(readonly problems: KnowledgeProblem[]) {
    super(`the knowledge pack has ${problems.length} problem(s):\n${problems.map((p) => "  " + formatProblem(p)).join("\n")}`);
  }
}

/** The commands whose answers show remediation items (free questions among them), and so read the changes recorded. */
const OVERLAID = new Set(["ask", "remediation"]);
/** How long an answer waits for those changes before it is given from the knowledge alone. */

const SYSTEM_USER: User = { id: "system", platform: "system", isAdmin: true, trusted: true, name: "start-up" };

/** A request with its command found and its arguments read: what the handlers run. */
interface Parsed {
  module?: CommandModule;
  name: string;
  args: Args<string>;
}

export class Bot {
  readonly catalogue: readonly CommandModule[] = catalogue;
  private current: Snapshot;
  private reloadChain: Promise<unknown> = Promise.resolve();
  private readonly limiter: RateLimiter;
  private readonly conversations: ConversationMemory;
  private readonly lastAnswers = new LastAnswers();

  private constructor(private readonly options: BotOptions, snapshot: Snapshot) {
    this.current = snapshot;
    this.limiter = new RateLimiter(options.rateLimitPerMinute ?? 0);
    this.conversations = options.conversations ?? new MemoryConversations();
  }

  /** The store, when there is one: adapters claim platform events in it so that replicas answer each once. */
  get store(): Store | undefined {
    return this.options.store;
  }

  /** A bot on a snapshot built elsewhere (the bench compares indexes on the same knowledge this way). */
  static fromSnapshot(options: BotOptions, snapshot: Snapshot): Bot {
    return new Bot(options, snapshot);
  }

  static async create(options: BotOptions): Promise<Bot> {
    let built = await buildSnapshot(options.knowledgeDir, SYSTEM_USER.name!, options);
    // A schedule URL is someone else's server: one having a bad day must not keep the bot from starting. When only
    // URLs failed, the bot starts without those (reported here), and every reload tries them again.
    const urls = options.scheduleUrls ?? [];
    const fromUrl = (p: KnowledgeProblem) => urls.some((url) => redactUrl(url) === p.file);
    if (!built.ok && urls.length && built.problems.every(fromUrl)) {
      const failed = new Set(built.problems.map((p) => p.file));
      options.logger?.warn({ problems: built.problems.map(formatProblem) }, "schedule URLs left out at start-up: every reload tries them again");
      built = await buildSnapshot(options.knowledgeDir, SYSTEM_USER.name!, { ...options, scheduleUrls: urls.filter((url) => !failed.has(redactUrl(url))) });
    }
    if (!built.ok) throw new KnowledgeError(built.problems);
    warnOfCopies(built.snapshot, options.logger);
    return new Bot(options, built.snapshot);
  }

  get snapshot(): Snapshot {
    return this.current;
  }

  /** The events a channel's questions and alerts are about: its EVENT_CHANNELS event, else every event. */
  eventsIn(channel?: string): readonly string[] {
    return this.scopeOf(this.current, channel).events;
  }

  /** The bot's clock: now, or EVENTDESK_NOW's instant. Now/next answers and alerts read it. */
  now(): Date {
    return this.options.clock?.() ?? new Date();
  }

  command(name: string): CommandModule | undefined {
    return findCommand(this.catalogue, name);
  }

  /** The request's command and arguments, made safe: a typed line is parsed here, once, whatever platform it came from. */
  private parse(request: Request): Parsed & { truncated: boolean } {
    const text = request.text === undefined ? undefined : cleanText(request.text);
    const cut = request.text !== undefined && request.text.length > MAX_ARG_LENGTH && normalize(request.text).length > MAX_ARG_LENGTH;
    let parsed: Parsed;
    if (request.command === undefined) parsed = parseLine(text ?? "", this.catalogue, request.bareCommands);
    else {
      // The command name is user text too (a button's value, an unknown `/command` echoed by help).
      const name = sanitizeText(request.command).toLowerCase();
      const module = this.command(name);
      parsed = { module, name: module?.spec.name ?? name, args: request.args ?? argsFor(module, text ?? "") };
    }
    const { args, truncated } = sanitizeArgs(parsed.args);
    return { ...parsed, args, truncated: truncated || cut };
  }

  /** The answer language: forced; else Hangul in the text; else English words in it; else the conversation's
   * language, the user's locale, the default. A name, a handle or Korean typed on an English layout is not English. */
  languageOf(module: CommandModule | undefined, args: Args<string>, locale?: string, forced?: Lang, conversation?: Lang): Lang {
    if (forced) return forced;
    const keywords = new Set(module?.spec.options.filter((o) => o.choices).map((o) => o.name));
    const text = Object.entries(args).filter(([name, v]) => v && !keywords.has(name)).map(([, v]) => v).join(" ");
    if (hasHangul(text)) return "ko";
    if (isEnglish(text) || this.glossedEnglish(text)) return "en";
    if (conversation) return conversation;
    if (locale) return locale.toLowerCase().startsWith("ko") ? "ko" : "en";
    return /[a-z]/i.test(text) && !module?.spec.options.some((o) => o.autocomplete && args[o.name]) ? "en" : (this.options.defaultLang ?? "ko");
  }

  /** Whether the text has an English word the knowledge's glossary lists ("monitoring", an area's English name). */
  private glossedEnglish(text: string): boolean {
    const typed = new Set(text.toLowerCase().match(/[a-z]{4,}/g) ?? []);
    return typed.size > 0 && this.current.knowledge.glossary.some((group) => group.some((w) => typed.has(w.toLowerCase())));
  }

  /** The events a request may be about: all of them (a channel bound to one event narrows it). */
  private scopeOf(snapshot: Snapshot, channel?: string, remediation?: RemediationOverlay): Scope {
    const bound = channel === undefined ? undefined : this.options.eventChannels?.get(channel);
    // A binding to an event the knowledge no longer holds narrows nothing (a reload removed it): every event.
    const events = bound && snapshot.knowledge.events.has(bound) ? [bound] : [...snapshot.knowledge.events.keys()];
    return { events, now: this.now(), ...(remediation ? { remediation } : {}) };
  }

  /**
   * The changes recorded with /remediation update, for the commands whose answers show remediation items: read from
   * the store on every such answer (never from the snapshot), so they outlive reloads and restarts and every replica
   * sees the others'. A store that is down or slow costs only the overlay: the answer comes from the knowledge alone.
   */
  private async remediationOverlay(snapshot: Snapshot, module: CommandModule | undefined, requestId: string): Promise<RemediationOverlay | undefined> {
    const store = this.options.store;
    if (!store || !module || !OVERLAID.has(module.spec.name) || snapshot.knowledge.remediation.size === 0) return undefined;
    try {
      return overlayOf(await inTime(store.remediationUpdates()));
    } catch (err) {
      this.options.logger?.warn({ err, requestId, store: store.kind }, "remediation updates not read: answering from the knowledge alone");
      return undefined;
    }
  }

  /**
   * Whether a user may ask now, and if not how many seconds until they may: from the bucket replicas share through
   * the store when they do (a store that fails or hangs falls back to this process's own bucket), else this process's.
   */
  private async allowed(userKey: string, requestId: string): Promise<{ ok: boolean; waitSeconds: number }> {
    const perMinute = this.options.rateLimitPerMinute ?? 0;
    const store = this.options.store;
    if (perMinute > 0 && store && this.options.sharedRateLimit) {
      try {
        const { granted, tokens } = await inTime(store.takeToken(userKey, perMinute, new Date()));
        return { ok: granted, waitSeconds: granted ? 0 : Math.max(1, Math.ceil(((1 - tokens) * 60) / perMinute)) };
      } catch (err) {
        this.options.logger?.warn({ err, requestId, store: store.kind }, "shared rate limit not read: this process's own applies");
      }
    }
    const ok = this.limiter.take(userKey);
    return { ok, waitSeconds: ok ? 0 : this.limiter.waitSeconds(userKey) };
  }

  async handle(request: Request): Promise<Answer> {
    const snapshot = this.current;
    const started = performance.now();
    const requestId = request.requestId ?? randomUUID();
    const { module, name, args, truncated } = this.parse(request);
    const req: Request = { ...request, command: name, args, requestId };
    const recalled = request.conversation ? await this.conversations.recall(request.conversation).catch(() => undefined) : undefined;
    const lang = this.languageOf(module, args, request.locale, request.lang, recalled?.lang);
    const userKey = `${req.user.platform}:${req.user.id}`;
    let draft: Draft;
    let limited = false;
    try {
      const allowed = req.user.trusted ? undefined : await this.allowed(userKey, requestId);
      if (allowed && !allowed.ok) {
        limited = true;
        draft = slowDown(lang, allowed.waitSeconds);
      } else if (!module) draft = helpDraft({ catalogue: this.catalogue, lang, request: req }, name);
      else if (module.spec.admin && !req.user.isAdmin) {
        this.options.logger?.warn({ requestId, platform: req.user.platform, user: req.user.id, command: name }, "admin command refused");
        draft = refusal(lang);
      } else {
        const read = readChoices(module, args);
        draft = "args" in read ? await this.run(snapshot, req, lang, module, read.args, recalled, await this.remediationOverlay(snapshot, module, requestId)) : notAChoice(lang, module, read);
      }
    } catch (error) {
      this.options.logger?.error({ err: error, requestId, command: name }, "answer failed");
      draft = failure(lang);
    }
    const { ran, version, remember, meta, ...shown } = draft;
    if (request.conversation && remember?.subjects.length) {
      await this.conversations.remember(request.conversation, { ...remember, lang }).catch((err: unknown) => this.options.logger?.warn({ err, requestId }, "conversation not remembered"));
    }
    const answer: Answer = {
      answered: true,
      fields: [],
      citations: [],
      suggestions: [],
      private: false,
      ...shown,
      command: ran?.command ?? (module ? name : "help"),
      args: ran?.args ?? definedArgs(args),
      lang,
      version: version ?? snapshot.version,
    };
    if (truncated) answer.body = `${cutNotice(lang)}\n\n${answer.body}`;
    const ms = performance.now() - started;
    // A slowed-down request was not asked of the knowledge; answers about the bot itself are not questions.
    if (this.options.store && !limited && !module?.spec.meta && !meta) {
      const id = (answer.id = randomUUID());
      this.lastAnswers.set(req, id);
      this.logQuestion({ request, args, command: name, answer: { ...answer, id }, at: new Date(), latencyMs: ms }, requestId);
    }
    this.options.logger?.info({ requestId, platform: req.user.platform, command: answer.command, answered: answer.answered, ms: +ms.toFixed(2) }, "answered");
    return answer;
  }

  /**
   * Fire and forget: the reply never waits for the store, and a store that is slow, down or throwing costs the asker
   * nothing but a warning in the log.
   */
  private logQuestion(asked: Asked, requestId: string): void {
    const store = this.options.store!;
    void Promise.resolve()
      .then(() => store.logQuestion(questionRecord(asked, this.options.logQuestions ?? "public")))
      .catch((err: unknown) => this.options.logger?.warn({ err, requestId, store: store.kind }, "question not logged"));
  }

  /** At most 25 choices for what the user has typed so far in `option`: a list longer than that is not read. */
  autocomplete(command: string, option: string, typed: string, locale?: string): Choice[] {
    const module = this.command(command);
    const lang = this.languageOf(module, { [option]: typed }, locale);
    const snapshot = this.current;
    return module?.autocomplete?.(snapshot, this.scopeOf(snapshot), option, sanitizeText(typed).slice(0, 100), lang).slice(0, 25) ?? [];
  }

  private run<Name extends string>(snapshot: Snapshot, request: Request, lang: Lang, module: CommandModule<Name>, args: Args<Name>, recalled?: Remembered, remediation?: RemediationOverlay): Promise<Draft> {
    return Promise.resolve(
      module.run(
        {
          snapshot,
          request,
          lang,
          scope: this.scopeOf(snapshot, request.channel, remediation),
          ...(recalled ? { recalled } : {}),
          catalogue: this.catalogue,
          run: (next, nextArgs) =>
            this.run(snapshot, request, lang, next, nextArgs, recalled, remediation).then((d) => ({ ran: { command: next.spec.name, args: definedArgs(nextArgs) }, ...d })),
          reload: () => this.reload(request.user),
          store: this.options.store,
          lastAnswerId: this.lastAnswers.get(request),
        },
        args,
      ),
    );
  }

  /** Re-reads the pack and swaps the snapshot; reloads run one at a time, in the order asked. */
  reload(by: User): Promise<ReloadOutcome> {
    const next = this.reloadChain.then(() => this.reloadNow(by));
    this.reloadChain = next.catch(() => undefined);
    return next;
  }

  private async reloadNow(by: User): Promise<ReloadOutcome> {
    const before = this.current;
    const who = by.name ? `${by.name} (${by.platform}:${by.id})` : `${by.platform}:${by.id}`;
    // Off the main thread: a running bot keeps answering while a large pack is parsed and indexed.
    const built = await buildSnapshot(this.options.knowledgeDir, who, { ...this.options, offThread: true });
    const event: ReloadEvent = {
      at: new Date(),
      by,
      ok: built.ok,
      versionBefore: before.version,
      versionAfter: built.ok ? built.snapshot.version : before.version,
      changes: built.ok ? diffKnowledge(before, built.snapshot) : [],
      problems: built.ok ? [] : built.problems,
    };
    if (built.ok) {
      this.current = built.snapshot;
      warnOfCopies(built.snapshot, this.options.logger);
    }
    const logged = { by: who, ok: event.ok, versionBefore: event.versionBefore, versionAfter: event.versionAfter, problems: event.problems.map(formatProblem) };
    if (event.ok) this.options.logger?.info(logged, "reload");
    else this.options.logger?.warn(logged, "reload");
    const summary = reloadSummary(event, this.current);
    try {
      await this.options.onReload?.(event);
    } catch (error) {
      // The swap has happened: a failing listener (a full disk under the audit log) must not hide that, nor be hidden.
      this.options.logger?.error({ err: error }, "reload listener failed");
      const reason = error instanceof Error ? error.message : String(error);
      summary.ko += `\n\n다시 불러오기 감사 기록을 남기지 못했습니다: ${reason}`;
      summary.en += `\n\nThe reload audit log could not be written: ${reason}`;
    }
    return { ok: built.ok, version: event.versionAfter, previousVersion: before.version, summary };
  }
}

/** One warning per schedule URL read from its last good copy (naming the URL and the copy's age) or whose copy was not kept. */
function warnOfCopies(snapshot: Snapshot, logger: Logger | undefined): void {
  for (const notice of snapshot.copyNotices) logger?.warn({ url: notice.url, problem: notice.problem, ...(notice.kind === "read" ? { copySavedAt: notice.savedAt.toISOString() } : {}) }, copyWarning(notice));
}

const definedArgs = (args: Args<string>): Record<string, string> =>
  Object.fromEntries(Object.entries(args).filter((e): e is [string, string] => typeof e[1] === "string"));

/** How many changed items a reload reply names per section and kind of change. */
const CHANGE_NAMES = 20;

function reloadSummary(e: ReloadEvent, now: Snapshot): Localized {
  if (!e.ok) {
    const list = e.problems.map((p) => `- ${formatProblem(p)}`).join("\n");
    return {
      ko: `새 지식을 불러오지 못했습니다. 문제 ${e.problems.length}개:\n${list}\n\n기존 지식(버전 ${e.versionBefore})으로 계속 답합니다.`,
      en: `The new knowledge could not be loaded. ${e.problems.length} problem(s):\n${list}\n\nThe previous knowledge (version ${e.versionBefore}) keeps answering.`,
    };
  }
  const counts = Object.entries(countKnowledge(now.knowledge)).map(([k, v]) => `${k} ${v}`).join(", ");
  // A first schedule import adds over a hundred names: the reply names the first ones, the audit log all.
  const names = (list: string[]) => (list.length > CHANGE_NAMES ? `${list.slice(0, CHANGE_NAMES).join(", ")}, … (+${list.length - CHANGE_NAMES})` : list.join(", "));
  const changes = e.changes.flatMap((d) => [
    ...(d.added.length ? [`- ${d.section} +${d.added.length}: ${names(d.added)}`] : []),
    ...(d.removed.length ? [`- ${d.section} −${d.removed.length}: ${names(d.removed)}`] : []),
    ...(d.changed.length ? [`- ${d.section} ~${d.changed.length}: ${names(d.changed)}`] : []),
  ]);
  const unchanged = changes.length === 0;
  // A schedule read from its copy may be out of date, and one whose copy was not kept has none next time: the admin
  // hears it with the reply.
  const copies = now.copyNotices.map((n) => `- ${copyWarning(n)}`).join("\n");
  return {
    ko: `다시 불러왔습니다: 버전 ${e.versionBefore} → ${e.versionAfter}\n${counts}\n${unchanged ? "바뀐 항목 없음" : changes.join("\n")}${copies ? `\n\n일정 URL의 사본:\n${copies}` : ""}`,
    en: `Reloaded: version ${e.versionBefore} → ${e.versionAfter}\n${counts}\n${unchanged ? "No items changed" : changes.join("\n")}${copies ? `\n\nSchedule URLs and their last good copies:\n${copies}` : ""}`,
  };
}

/** A private answer that is not an answer: a refusal, a slow-down, an apology. */
function notice(lang: Lang, title: Localized, body: Localized): Draft {
  return { answered: false, private: true, title: title[lang], body: body[lang] };
}

const refusal = (lang: Lang) =>
  notice(lang, { ko: "관리자 전용 명령", en: "Admins only" }, {
    ko: "이 명령은 관리자만 쓸 수 있습니다. 지식을 다시 불러와야 한다면 관리자에게 부탁해 주세요.",
    en: "Only admins can run this command. Please ask an admin if the knowledge needs reloading.",
  });

const slowDown = (lang: Lang, seconds: number) =>
  notice(lang, { ko: "조금 천천히 물어봐 주세요", en: "Please slow down" }, {
    ko: `질문이 너무 빨리 들어오고 있습니다. ${seconds}초 뒤에 다시 물어봐 주세요.`,
    en: `Questions are coming in too fast. Please ask again in ${seconds} s.`,
  });

const failure = (lang: Lang) =>
  notice(lang, { ko: "죄송합니다", en: "Sorry" }, {
    ko: "답을 만드는 중에 문제가 생겼습니다. 잠시 후 다시 시도해 주세요.",
    en: "Something went wrong while answering. Please try again in a moment.",
  });

const cutNotice = (lang: Lang) =>
  say(lang, { ko: `(질문이 길어 앞의 ${MAX_ARG_LENGTH}자만 읽었습니다.)`, en: `(The question was long: only its first ${MAX_ARG_LENGTH} characters were read.)` });
