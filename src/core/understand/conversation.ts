// What a conversation remembers between questions, so that "그 사람 세션은?" and "and when was it?" have something to
// lean on: the last answer's subjects, aspects and language, for 30 minutes. Behind an interface, so that replicas
// can share it through a real store; the default keeps a bounded number in memory.
import type { Remembered } from "../answers/compose.js";

export interface ConversationMemory {
  recall(conversation: string): Promise<Remembered | undefined>;
  remember(conversation: string, value: Remembered): Promise<void>;
}

/** How long a conversation is remembered after its last question. */
export const CONVERSATION_TTL_MS = 30 * 60 * 1000;

/** In memory, the oldest forgotten first once `max` conversations are held. */
export class MemoryConversations implements ConversationMemory {
  private readonly held = new Map<string, { value: Remembered; at: number }>();

  constructor(private readonly max = 10_000, private readonly ttlMs = CONVERSATION_TTL_MS, private readonly now: () => number = Date.now) {}

  async recall(conversation: string): Promise<Remembered | undefined> {
    const found = this.held.get(conversation);
    if (!found) return undefined;
    if (this.now() - found.at > this.ttlMs) {
      this.held.delete(conversation);
      return undefined;
    }
    return found.value;
  }

  async remember(conversation: string, value: Remembered): Promise<void> {
    this.held.delete(conversation);
    this.held.set(conversation, { value, at: this.now() });
    // A Map iterates in insertion order: the first entries are the least recently used.
    for (const key of this.held.keys()) {
      if (this.held.size <= this.max) break;
      this.held.delete(key);
    }
  }
}
