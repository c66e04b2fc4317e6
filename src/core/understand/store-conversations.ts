// Conversations kept in the store (SQLite, or PostgreSQL shared by replicas), so that a follow-up continues on
// whichever process gets it. A store that is down or slow never fails a question: that call falls back to memory
// (a copy of every conversation this process remembered), with a warning.
import type { Logger } from "pino";
import { inTime, STORE_WAIT_MS } from "../in-time.js";
import type { Store } from "../../store/store.js";
import type { Remembered } from "../answers/compose.js";
import { CONVERSATION_TTL_MS, MemoryConversations, type ConversationMemory } from "./conversation.js";


export class StoreConversations implements ConversationMemory {
  private readonly local: MemoryConversations;

  constructor(
    private readonly store: Store,
    private readonly logger?: Logger,
    private readonly ttlMs = CONVERSATION_TTL_MS,
    private readonly now: () => number = Date.now,
    private readonly waitMs = STORE_WAIT_MS,
  ) {
    this.local = new MemoryConversations(10_000, ttlMs, now);
  }

  async recall(conversation: string): Promise<Remembered | undefined> {
    try {
      const json = await inTime(this.store.recallConversation(conversation, new Date(this.now() - this.ttlMs)));
      return json === undefined ? undefined : (JSON.parse(json) as Remembered);
    } catch (err) {
      this.logger?.warn({ err, store: this.store.kind }, "conversation not read from the store: using this process's memory");
      return this.local.recall(conversation);
    }
  }

  async remember(conversation: string, value: Remembered): Promise<void> {
    await this.local.remember(conversation, value);
    const at = this.now();
    try {
      await inTime(this.store.rememberConversation(conversation, JSON.stringify(value), new Date(at), new Date(at - this.ttlMs)), this.waitMs);
    } catch (err) {
      this.logger?.warn({ err, store: this.store.kind }, "conversation not written to the store: kept in this process's memory");
    }
  }
}
