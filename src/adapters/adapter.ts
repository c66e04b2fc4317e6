// The adapter contract (after Hubot's): an adapter only translates platform events into Requests for
// Bot.handle and renders the Answers back. It declares its name, owns its connection; main.ts owns the process.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Answer } from "../core/protocol.js";

/** A route on the shared HTTP server: the request with its body, already read within the server's limits. */
export type Route = (req: IncomingMessage, res: ServerResponse, body: Buffer) => void;

/** Where an unprompted message goes (a session alert): a channel, or a person by direct message. */
export interface PostTarget {
  kind: "channel" | "user";
  /** The platform's channel or user id. */
  id: string;
}

export interface Adapter {
  /** The platform's name, as users' requests carry it (`User.platform`). */
  readonly name: string;
  /** Connects (gateway, Socket Mode) or gets ready to serve its HTTP routes. Rejects with a clear message. */
  start(): Promise<void>;
  /** Stops taking new work, lets answers in flight finish (for at most `graceMs`), closes connections; resolves with
   * how many answers were still unfinished, which the caller logs as dropped. */
  stop(graceMs?: number): Promise<number>;
  /** Connected and able to answer (for /readyz). */
  ready(): boolean;
  /** Paths this adapter serves on the shared HTTP server (e.g. /slack/events, /interactions). */
  readonly routes?: Readonly<Record<string, Route>>;
  /** Posts an answer nobody asked for just now (a session alert) to a channel or a person's DMs; rejects when the
   * platform refuses it (the caller logs it). Absent where the adapter cannot post on its own. */
  post?(target: PostTarget, answer: Answer): Promise<void>;
  /** Settles when the adapter has finished on its own (the console at the end of its input): the process then exits. */
  readonly finished?: Promise<void>;
}
