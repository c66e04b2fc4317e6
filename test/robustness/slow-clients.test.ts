// Slow and endless clients (issue 12, attack 1): hundreds of sockets trickling a body to /interactions and
// /slack/events, and a chunked upload that never ends, while /healthz and /readyz keep answering. The slow ones are
// shed past the connection cap or cut when their time is up (and logged); the endless one is cut at the body cap.
import { once } from "node:events";
import { connect, type Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { collectingLogger } from "../discord/support.js";
import { startEndpoints } from "./endpoints.js";

const SLOW_SOCKETS = 400;
const LIMITS = { perAddress: 150, maxBodyBytes: 256 * 1024 };

let endpoints: Awaited<ReturnType<typeof startEndpoints>>;
const logs = collectingLogger();
beforeAll(async () => {
  endpoints = await startEndpoints({ limits: LIMITS, logger: logs.logger });
});
afterAll(() => endpoints?.close());

function open(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1", () => resolve(socket));
    socket.once("error", reject);
  });
}

/** A client that announces a large body and sends it one byte at a time, slowly. */
async function trickle(port: number, path: string): Promise<{ socket: Socket; closed: Promise<void>; stop(): void }> {
  const socket = await open(port);
  socket.on("error", () => undefined);
  socket.write(`POST ${path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{`);
  const timer = setInterval(() => socket.writable && socket.write(" "), 1_000);
  const closed = new Promise<void>((resolve) => socket.once("close", () => resolve()));
  void closed.then(() => clearInterval(timer));
  return { socket, closed, stop: () => (clearInterval(timer), socket.destroy()) };
}

describe("the HTTP server under slow and endless clients", () => {
  it(`keeps /healthz and /readyz answering while ${SLOW_SOCKETS} slow bodies hold sockets, shedding the oldest`, async () => {
    const slow = await Promise.all(Array.from({ length: SLOW_SOCKETS }, (_, i) => trickle(endpoints.port, i % 2 ? "/interactions" : "/slack/events")));
    let open = SLOW_SOCKETS;
    slow.forEach((s) => void s.closed.then(() => open--));
    try {
      // Generous limits for a loaded machine: before, health did not answer at all while slow clients held the sockets.
      for (const path of ["/healthz", "/readyz"]) {
        const response = await fetch(`${endpoints.base}${path}`, { signal: AbortSignal.timeout(10_000) });
        expect(response.status).toBe(200);
      }
      // Answered while slow clients still held sockets (up to the per-address cap); those past it were shed and logged.
      expect(open).toBeGreaterThan(0);
      expect(open).toBeLessThanOrEqual(LIMITS.perAddress);
      await vi.waitFor(() => expect(logs.lines.find((l) => l.msg === "HTTP requests refused or cut")).toMatchObject({ "connection shed": expect.any(Number) }), { timeout: 10_000 });
    } finally {
      slow.forEach((s) => s.stop());
    }
  });

  it("cuts a body that is still arriving when the request's time is up (408), and logs it", async () => {
    const own = collectingLogger();
    const short = await startEndpoints({ limits: { requestTimeoutMs: 500 }, logger: own.logger });
    try {
      const slow = await trickle(short.port, "/interactions");
      let answer = "";
      slow.socket.on("data", (d: Buffer) => (answer += d.toString()));
      await slow.closed;
      expect(answer).toMatch(/^HTTP\/1\.1 408/);
      await vi.waitFor(() => expect(own.lines.find((l) => l.msg === "HTTP requests refused or cut")).toMatchObject({ "body too slow": 1 }), { timeout: 10_000 });
    } finally {
      await short.close();
    }
  });

  it("cuts a chunked upload that never ends at the body cap, and keeps answering", async () => {
    const socket = await open(endpoints.port);
    socket.on("error", () => undefined);
    const closed = new Promise<void>((resolve) => socket.once("close", () => resolve()));
    let answer = "";
    socket.on("data", (d: Buffer) => (answer += d.toString()));
    socket.write("POST /interactions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n");
    const chunk = Buffer.alloc(16 * 1024, 0x20);
    let sent = 0;
    let done = false;
    void closed.then(() => (done = true));
    while (!done && sent < 64 * 1024 * 1024) {
      const more = socket.write(Buffer.concat([Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from("\r\n")]));
      sent += chunk.length;
      // Only as fast as the server takes it: what it stops reading is what it never reads.
      if (!more) await Promise.race([once(socket, "drain").catch(() => undefined), closed]);
    }
    await closed;
    expect(answer).toMatch(/^HTTP\/1\.1 413/);
    expect(sent).toBeLessThan(16 * 1024 * 1024);
    expect(await endpoints.healthy()).toBe(true);
  });
});
