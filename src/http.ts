// One HTTP server for every HTTP mode (Slack's receiver, Discord's interactions endpoint) plus health checks.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Adapter } from "./adapters/adapter.js";

export interface HttpServer {
  server: Server;
  port: number;
  close(): Promise<void>;
}

export async function startHttpServer(adapters: readonly Adapter[], port: number, isReady: () => boolean, host?: string): Promise<HttpServer> {
  const routes = new Map(adapters.flatMap((a) => Object.entries(a.routes ?? {})));
  const server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0];
    if (req.method === "GET" && path === "/healthz") return void res.writeHead(200, { "content-type": "application/json" }).end('{"ok":true}');
    if (req.method === "GET" && path === "/readyz") {
      const ready = isReady();
      return void res.writeHead(ready ? 200 : 503, { "content-type": "application/json" }).end(JSON.stringify({ ready }));
    }
    const route = routes.get(path);
    if (route) return void route(req, res);
    res.writeHead(404, { "content-type": "text/plain" }).end("not found");
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  return {
    server,
    port: (server.address() as AddressInfo).port,
    close: () => new Promise((resolve) => {
      server.close(() => resolve());
      server.closeIdleConnections();
    }),
  };
}
