// The last answer each user got in each conversation that can be rated, so that a typed `/rate up` knows what it
// rates. In memory and bounded: a button carries its answer's id itself, so only typed ratings lean on this.
import type { Request } from "./protocol.js";

export class LastAnswers {
  private readonly held = new Map<string, string>();

  constructor(private readonly max = 10_000) {}

  /** A user in a conversation (or channel, where the platform has no conversation key). */
  static keyOf(request: Request): string {
    return `${request.user.platform}:${request.user.id}@${request.conversation ?? request.channel ?? ""}`;
  }

  get(request: Request): string | undefined {
    return this.held.get(LastAnswers.keyOf(request));
  }

  set(request: Request, answerId: string): void {
    const key = LastAnswers.keyOf(request);
    this.held.delete(key);
    this.held.set(key, answerId);
    // Insertion order: the first key is the one set longest ago.
    if (this.held.size > this.max) this.held.delete(this.held.keys().next().value!);
  }
}
