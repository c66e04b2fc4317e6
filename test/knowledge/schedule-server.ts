// A schedule URL's server on 127.0.0.1 whose answer a test changes as it goes: the schedule with its validators (and
// 304 when the request names the current ETag), a failure status, or a page that is no schedule. Every request's
// headers are kept, for the conditional-request checks.
import type { IncomingHttpHeaders } from "node:http";
import { event, serve, tinySchedule } from "./schedule-fixtures.js";

/** The served schedule: one session, 901, with `title`. */
export const scheduleTitled = (title: string): string => tinySchedule([event(901, title)], "served2022");
/** The key the served session has in the knowledge. */
export const SERVED_SESSION = "served2022/901";

export interface ScheduleServer {
  url: string;
  /** What the next requests get: the schedule (with an ETag for its version), an error status, or an HTML page. */
  answer: { kind: "schedule"; body: string; etag: string } | { kind: "status"; status: number } | { kind: "page" };
  /** Request headers, oldest first. */
  readonly requests: IncomingHttpHeaders[];
  close(): Promise<void>;
}

export const LAST_MODIFIED = "Wed, 07 Dec 2022 01:00:00 GMT";

export async function scheduleServer(path = "/schedule.json"): Promise<ScheduleServer> {
  const requests: IncomingHttpHeaders[] = [];
  const state: Pick<ScheduleServer, "answer"> = { answer: { kind: "schedule", body: scheduleTitled("First title"), etag: '"v1"' } };
  const server = await serve((req, res) => {
    requests.push(req.headers);
    const answer = state.answer;
    if (answer.kind === "status") {
      res.statusCode = answer.status;
      return res.end("Internal Server Error");
    }
    if (answer.kind === "page") {
      res.setHeader("content-type", "text/html");
      return res.end("<!doctype html>\n<title>Down for maintenance</title>");
    }
    res.setHeader("etag", answer.etag);
    res.setHeader("last-modified", LAST_MODIFIED);
    if (req.headers["if-none-match"] === answer.etag) {
      res.statusCode = 304;
      return res.end();
    }
    res.setHeader("content-type", "application/json");
    res.end(answer.body);
  });
  return Object.assign(state, { url: `${server.url}${path}`, requests, close: server.close });
}
