// The adapter contract (after Hubot's): an adapter only translates platform events into Requests for
// Bot.handle and renders the Answers back. It declares its name, owns its connection; main.ts owns the process.
import type { RequestListener } from "node:http";

export interface Adapter {
  /** The platform's name, as users' requests carry it (`User.platform`). */
  readonly name: string;
  /** Connects (gateway, Socket Mode) or gets ready to serve its HTTP routes. Rejects with a clear message. */
  start(): Promise<void>;
  /** Stops taking new work, lets answers in flight finish, closes connections. */
  stop(): Promise<void>;
  /** Connected and able to answer (for /readyz). */
  ready(): boolean;
  /** Paths this adapter serves on the shared HTTP server (e.g. /slack/events, /interactions). */
  readonly routes?: Readonly<Record<string, RequestListener>>;
  /** Settles when the adapter has finished on its own (the console at the end of its input): the process then exits. */
  readonly finished?: Promise<void>;
}
