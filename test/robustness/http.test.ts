// The shared HTTP server: /healthz says the process is alive, /readyz whether the adapters can answer,
// routes reach their adapter, and closing lets go of idle keep-alive connections.
import { describe, expect, it } from "vitest";
import type { Adapter } from "../../src/adapters/adapter.js";
import { startHttpServer } from "../../src/http.js";

const adapter: Adapter = {
  name: "probe",
  start: async () => undefined,
  stop: async () => 0,
  ready: () => true,
  routes: { "/probe": (_req, res) => void res.writeHead(204).end() },
};

describe("the HTTP server", () => {
  it("answers /healthz always, /readyz as readiness says, routes, and 404 otherwise", async () => {
    let ready = false;
    const http = await startHttpServer([adapter], { port: 0, isReady: () => ready, host: "127.0.0.1" });
    const get = async (path: string, method = "GET") => (await fetch(`http://127.0.0.1:${http.port}${path}`, { method })).status;
    try {
      expect(await get("/healthz")).toBe(200);
      expect(await get("/readyz")).toBe(503);
      ready = true;
      expect(await get("/readyz?probe=1")).toBe(200);
      expect(await get("/probe", "POST")).toBe(204);
      expect(await get("/nowhere")).toBe(404);
    } finally {
      await http.close();
    }
    await expect(fetch(`http://127.0.0.1:${http.port}/healthz`)).rejects.toThrow();
  });
});
