// The adapter contract (after Hubot's): an adapter only translates platform events into Requests for
// Bot.handle and renders the Answers back. It declares its name, owns its connection; main.ts owns the process.
import type { IncomingMessage, ServerResponse } from "node:http";

/** A route on the shared HTTP server: the request with its body, already read within the server's limits. */
export type Route = (req: IncomingMessage, res: ServerResponse, body: Buffer) => void;

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
  /** Settles when the adapter has finished on its own (the console at the end of its input): the process then exits. */
  readonly finished?: Promise<void>;
}
