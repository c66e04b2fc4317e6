// One HTTP server for every HTTP mode (Slack's receiver, Discord's interactions endpoint) plus health checks, hardened
// once for every route: a time limit on headers and on the body, a body cap, and a connection cap that sheds the
// oldest unfinished connection instead of refusing a new one, so slow or endless clients cannot take the bot (or
// /healthz) offline. Routes get the body already read; they never read the request stream themselves.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import type { Logger } from "pino";
import type { Adapter } from "./adapters/adapter.js";

export interface HttpLimits {
  /** The largest body a route accepts (Slack's and Discord's payloads are a few KB). */
  maxBodyBytes: number;
  /** From the first byte of a request to the last byte of its body. */
  requestTimeoutMs: number;
  /** Open connections from one address, and in all. */
  perAddress: number;
  total: number;
}

export const HTTP_LIMITS: HttpLimits = { maxBodyBytes: 1 << 20, requestTimeoutMs: 10_000, perAddress: 256, total: 1_000 };

/** How often the counts of refused and cut requests are logged, so that a flood of them is a few lines. */
const REPORT_EVERY_MS = 5_000;

export interface HttpServer {
  server: Server;
  port: number;
  close(): Promise<void>;
}

export interface HttpOptions {
  port: number;
  host?: string;
  isReady(): boolean;
  logger?: Logger;
  limits?: Partial<HttpLimits>;
}

/** A connection waiting for (or reading) a request can be cut; one whose request is being answered is not. */
interface Connection {
  address: string;
  answering: boolean;
}

type Refusal = "body too large" | "body too slow" | "connection shed";

/** Serves the routes of `adapters` (a list the caller may still fill) and the health checks. */
export async function startHttpServer(adapters: readonly Adapter[], options: HttpOptions): Promise<HttpServer> {
  const limits = { ...HTTP_LIMITS, ...options.limits };
  const connections = new Map<Socket, Connection>();
  const refused = new Map<Refusal, number>();
  const count = (why: Refusal) => refused.set(why, (refused.get(why) ?? 0) + 1);

  const server = createServer({ connectionsCheckingInterval: 1_000 }, (req, res) => {
    const connection = connections.get(req.socket);
    const path = (req.url ?? "/").split("?")[0];
    if (req.method === "GET" && path === "/healthz") return json(res, 200, { ok: true });
    if (req.method === "GET" && path === "/readyz") {
      const ready = options.isReady();
      return json(res, ready ? 200 : 503, { ready });
    }
    // Looked up per request: main.ts starts the server (for health checks) before the adapters exist.
    const route = adapters.find((a) => a.routes?.[path])?.routes?.[path];
    if (!route) return json(res, 404, { error: "not found" }, true);
    readBody(req, limits).then(
      (body) => {
        if (connection) connection.answering = true;
        res.once("finish", () => connection && (connection.answering = false));
        route(req, res, body);
      },
      (why: Refusal) => {
        count(why);
        json(res, why === "body too large" ? 413 : 408, { error: why }, true);
      },
    );
  });
  // Node's own limits (checked every second, not every 30): headers must arrive in time; the body is ours to time.
  server.headersTimeout = limits.requestTimeoutMs;
  server.requestTimeout = limits.requestTimeoutMs * 2;

  server.on("connection", (socket: Socket) => {
    const address = socket.remoteAddress ?? "?";
    const fromHere = [...connections.values()].filter((c) => c.address === address).length;
    if (fromHere >= limits.perAddress) shed(connections, (c) => c.address === address) && count("connection shed");
    if (connections.size >= limits.total) shed(connections, () => true) && count("connection shed");
    connections.set(socket, { address, answering: false });
    socket.once("close", () => connections.delete(socket));
  });

  const report = setInterval(() => {
    if (!refused.size) return;
    options.logger?.warn({ ...Object.fromEntries(refused), open: connections.size }, "HTTP requests refused or cut");
    refused.clear();
  }, REPORT_EVERY_MS).unref();

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => resolve());
  });
  return {
    server,
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise((resolve) => {
        clearInterval(report);
        server.close(() => resolve());
        server.closeIdleConnections();
        // The adapters have let their answers finish: whatever is still open is a client that is not leaving.
        setTimeout(() => server.closeAllConnections(), 1_000).unref();
      }),
  };
}

/** Cuts the oldest connection `which` accepts that is not being answered (a Map keeps insertion order). */
function shed(connections: Map<Socket, Connection>, which: (c: Connection) => boolean): boolean {
  for (const [socket, c] of connections) {
    if (c.answering || !which(c)) continue;
    connections.delete(socket);
    socket.destroy();
    return true;
  }
  return false;
}

/** The whole body, within the size cap and the time limit; rejects with the reason otherwise. */
function readBody(req: IncomingMessage, limits: HttpLimits): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    if (Number(req.headers["content-length"] ?? 0) > limits.maxBodyBytes) return reject("body too large");
    const chunks: Buffer[] = [];
    let size = 0;
    const timer = setTimeout(() => stop("body too slow"), limits.requestTimeoutMs);
    const stop = (why: Refusal) => {
      clearTimeout(timer);
      req.removeAllListeners("data");
      req.pause();
      reject(why);
    };
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limits.maxBodyBytes) return stop("body too large");
      chunks.push(chunk);
    });
    req.once("end", () => {
      clearTimeout(timer);
      resolve(Buffer.concat(chunks));
    });
    req.once("error", () => stop("body too slow"));
  });
}

/** How long a refused client gets to read its answer before the connection is cut. */
const LINGER_MS = 1_000;

/**
 * A JSON answer; `close` ends the connection too, without reading the body. Closing at once while the client is still
 * sending would reset the connection and lose the answer (a 413 the client never sees), so the server stops
 * reading, says it is done sending, and cuts the connection a moment later, when the client has read the answer.
 */
function json(res: ServerResponse, status: number, body: unknown, close = false): void {
  if (res.headersSent) return void res.destroy();
  // Not `connection: close`: Node would then destroy the socket itself as soon as the answer is written.
  res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
  if (!close) return;
  res.req.removeAllListeners("data");
  res.req.pause();
  res.once("finish", () => {
    const socket = res.socket;
    socket?.end();
    setTimeout(() => socket?.destroy(), LINGER_MS).unref();
  });
}
