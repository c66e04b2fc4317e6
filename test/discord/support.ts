// Test support for the Discord adapter: a fake Discord REST API on loopback, a log collector, and the
// embed-limit check every rendered message must pass.
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Writable } from "node:stream";
import { expect } from "vitest";
import { createLogger } from "../../src/log.js";
import type { DiscordMessage } from "../../src/adapters/discord/render.js";
import { DISCORD_LIMITS } from "../../src/adapters/discord/limits.js";

export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: unknown;
}

/** A stand-in for https://discord.com/api that records each request and answers with `respond`. */
export async function startFakeDiscordApi(respond: (r: RecordedRequest) => { status: number; body: unknown } = () => ({ status: 200, body: {} })) {
  const requests: RecordedRequest[] = [];
  const waiters: (() => void)[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const text = Buffer.concat(chunks).toString("utf8");
      const recorded = { method: req.method ?? "", url: req.url ?? "", headers: req.headers, body: text ? JSON.parse(text) : undefined };
      requests.push(recorded);
      const { status, body } = respond(recorded);
      res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
      waiters.splice(0).forEach((w) => w());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    /** Resolves once at least `count` requests have arrived. */
    async received(count: number): Promise<RecordedRequest[]> {
      while (requests.length < count) await new Promise<void>((resolve) => waiters.push(resolve));
      return requests;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A pino logger whose JSON lines land in `lines`. */
export function collectingLogger() {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString("utf8").trim().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>));
      done();
    },
  });
  return { logger: createLogger("info", sink), lines };
}

const LIVE_MENTION = /@everyone|@here|<@[!&]?\d+>/;

/** Discord would accept the message, and it cannot ping anyone. */
export function expectSendable(message: DiscordMessage): void {
  expect(message.allowed_mentions).toEqual({ parse: [] });
  expect(JSON.stringify(message)).not.toMatch(LIVE_MENTION);
  const embeds = message.embeds ?? [];
  expect(embeds.length).toBeLessThanOrEqual(DISCORD_LIMITS.embed.perMessage);
  let total = 0;
  for (const e of embeds) {
    expect(e.title?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.embed.title);
    expect(e.description?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.embed.description);
    expect(e.fields?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.embed.fields);
    for (const f of e.fields ?? []) {
      expect(f.name.length).toBeGreaterThan(0);
      expect(f.name.length).toBeLessThanOrEqual(DISCORD_LIMITS.embed.fieldName);
      expect(f.value.length).toBeGreaterThan(0);
      expect(f.value.length).toBeLessThanOrEqual(DISCORD_LIMITS.embed.fieldValue);
    }
    total += (e.title?.length ?? 0) + (e.description?.length ?? 0) + (e.footer?.text.length ?? 0);
    total += (e.fields ?? []).reduce((sum, f) => sum + f.name.length + f.value.length, 0);
  }
  expect(total).toBeLessThanOrEqual(DISCORD_LIMITS.embed.total);
  const rows = message.components ?? [];
  expect(rows.length).toBeLessThanOrEqual(DISCORD_LIMITS.rows);
  for (const row of rows) {
    expect(row.components.length).toBeLessThanOrEqual(DISCORD_LIMITS.buttonsPerRow);
    for (const b of row.components) {
      expect(b.custom_id.length).toBeLessThanOrEqual(DISCORD_LIMITS.customId);
      expect(b.label?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.buttonLabel);
    }
  }
}

/** Every visible text of the messages, to look for an expected phrase wherever the renderer put it. */
export function textOf(messages: readonly Pick<DiscordMessage, "content" | "embeds">[]): string {
  return messages
    .flatMap((m) => [m.content ?? "", ...(m.embeds ?? []).flatMap((e) => [e.title ?? "", e.description ?? "", ...(e.fields ?? []).flatMap((f) => [f.name, f.value]), e.footer?.text ?? ""])])
    .join("\n");
}
