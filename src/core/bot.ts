// The core: takes a platform-neutral Request, answers it from the current snapshot, and reloads the
// knowledge by swapping the snapshot whole. It knows no platform.
import { randomUUID } from "node:crypto";
import type { Logger } from "pino";
import type { Answer, Lang, Request, User } from "./answer.js";
import { hasHangul } from "./search/analyze.js";
import type { Choice, CommandModule, Draft, ReloadOutcome } from "./commands.js";
import { catalogue } from "./answer/catalogue.js";
import { countKnowledge, diffKnowledge, type SectionDiff } from "./knowledge/diff.js";
import type { LoadOptions } from "./knowledge/load.js";
import { formatProblem, type KnowledgeProblem, type Localized } from "./knowledge/schema.js";
import { buildSnapshot, buildSnapshotOffThread, type Snapshot } from "./snapshot.js";
import { RateLimiter } from "./rate-limit.js";
import { MAX_ARG_LENGTH, sanitizeArgs, sanitizeText } from "./sanitize.js";

export interface BotOptions extends LoadOptions {
  knowledgeDir: string;
  /** The answer language when neither the text nor the user's locale decides it. */
  defaultLang?: Lang;
  logger?: Logger;
  /** Questions per user per minute on Slack and Discord (the console is local and unlimited); 0 turns it off. */
  rateLimitPerMinute?: number;
  /** Called after every reload attempt, successful or not (the audit log listens here). */
  onReload?: (event: ReloadEvent) => void | Promise<void>;
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

const SYSTEM_USER: User = { id: "system", platform: "console", isAdmin: true, name: "start-up" };

export class Bot {
  readonly catalogue: readonly CommandModule[] = catalogue;
  private current: Snapshot;
  private reloadChain: Promise<unknown> = Promise.resolve();
  private readonly limiter: RateLimiter;

  private constructor(private readonly options: BotOptions, snapshot: Snapshot) {
    this.current = snapshot;
    this.limiter = new RateLimiter(options.rateLimitPerMinute ?? 0);
  }

  /** A bot on a snapshot built elsewhere (the bench compares indexes on the same knowledge this way). */
  static fromSnapshot(options: BotOptions, snapshot: Snapshot): Bot {
    return new Bot(options, snapshot);
  }

  static async create(options: BotOptions): Promise<Bot> {
    const built = await buildSnapshot(options.knowledgeDir, SYSTEM_USER.name!, options);
    if (!built.ok) throw new KnowledgeError(built.problems);
    return new Bot(options, built.snapshot);
  }

  get snapshot(): Snapshot {
    return this.current;
  }

  command(name: string): CommandModule | undefined {
    return this.catalogue.find((c) => c.spec.name === name);
  }

  /** The answer language: forced, else the text's script, else the user's locale, else the default. */
  languageOf(request: Request): Lang {
    if (request.lang) return request.lang;
    const keywords = new Set(this.command(request.command)?.spec.options.filter((o) => o.choices).map((o) => o.name));
    const text = Object.entries(request.args).filter(([name, v]) => v && !keywords.has(name)).map(([, v]) => v).join(" ");
    if (hasHangul(text)) return "ko";
    if (/[a-z]/i.test(text)) return "en";
    if (request.locale) return request.locale.toLowerCase().startsWith("ko") ? "ko" : "en";
    return this.options.defaultLang ?? "ko";
  }

  async handle(request: Request): Promise<Answer> {
    const snapshot = this.current;
    const { args, truncated } = sanitizeArgs(request.args);
    // The command name is user text too (a button's value, an unknown `/command` echoed by help).
    const req = { ...request, command: sanitizeText(request.command), args, requestId: request.requestId ?? randomUUID() };
    const lang = this.languageOf(req);
    const module = this.command(req.command);
    const started = performance.now();
    const userKey = `${req.user.platform}:${req.user.id}`;
    let draft: Draft;
    try {
      if (req.user.platform !== "console" && !this.limiter.take(userKey)) draft = slowDown(lang, this.limiter.waitSeconds(userKey));
      else if (!module) draft = await this.run(snapshot, req, lang, "help", { unknown: req.command });
      else if (module.spec.admin && !req.user.isAdmin) draft = refusal(lang);
      else draft = await this.run(snapshot, req, lang, req.command, args);
    } catch (error) {
      this.options.logger?.error({ err: error, requestId: req.requestId, command: req.command }, "answer failed");
      draft = failure(lang);
    }
    const answer: Answer = {
      answered: true,
      fields: [],
      citations: [],
      suggestions: [],
      private: false,
      command: module ? req.command : "help",
      ...draft,
      lang,
      version: snapshot.version,
    };
    if (truncated) answer.body = `${cutNotice(lang)}\n\n${answer.body}`;
    this.options.logger?.info(
      { requestId: req.requestId, platform: req.user.platform, command: answer.command, answered: answer.answered, ms: +(performance.now() - started).toFixed(2) },
      "answered",
    );
    return answer;
  }

  autocomplete(command: string, option: string, typed: string, lang: Lang): Choice[] {
    const choices = this.command(command)?.autocomplete?.(this.current, option, typed.slice(0, 100), lang) ?? [];
    return choices.slice(0, 25);
  }

  private run(snapshot: Snapshot, request: Request, lang: Lang, command: string, args: Record<string, string | undefined>): Promise<Draft> {
    const module = this.command(command);
    if (!module) return this.run(snapshot, request, lang, "help", { unknown: command });
    return Promise.resolve(
      module.run(
        {
          snapshot,
          request,
          lang,
          catalogue: this.catalogue,
          run: (c, a) => this.run(snapshot, request, lang, c, a).then((d) => ({ command: c, ...d })),
          reload: () => this.reload(request.user),
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
    const built = await buildSnapshotOffThread(this.options.knowledgeDir, who, this.options);
    const event: ReloadEvent = {
      at: new Date(),
      by,
      ok: built.ok,
      versionBefore: before.version,
      versionAfter: built.ok ? built.snapshot.version : before.version,
      changes: built.ok ? diffKnowledge(before.knowledge, built.snapshot.knowledge) : [],
      problems: built.ok ? [] : built.problems,
    };
    if (built.ok) this.current = built.snapshot;
    this.options.logger?.info({ by: who, ok: event.ok, versionBefore: event.versionBefore, versionAfter: event.versionAfter, problems: event.problems.length }, "reload");
    try {
      await this.options.onReload?.(event);
    } catch (error) {
      // The swap has happened: a failing listener (a full disk under the audit log) must not hide that.
      this.options.logger?.error({ err: error }, "reload listener failed");
    }
    return { ok: built.ok, version: event.versionAfter, previousVersion: before.version, summary: reloadSummary(event, this.current) };
  }
}

/** How many changed items a reload reply names per section and kind of change. */
const CHANGE_NAMES = 20;

function reloadSummary(e: ReloadEvent, now: Snapshot): ReloadOutcome["summary"] {
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
  return {
    ko: `다시 불러왔습니다: 버전 ${e.versionBefore} → ${e.versionAfter}\n${counts}\n${unchanged ? "바뀐 항목 없음" : changes.join("\n")}`,
    en: `Reloaded: version ${e.versionBefore} → ${e.versionAfter}\n${counts}\n${unchanged ? "No items changed" : changes.join("\n")}`,
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
  lang === "ko" ? `(질문이 길어 앞의 ${MAX_ARG_LENGTH}자만 읽었습니다.)` : `(The question was long: only its first ${MAX_ARG_LENGTH} characters were read.)`;
