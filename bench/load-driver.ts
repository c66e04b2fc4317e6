// The load bench's client, forked as a separate process: `concurrency` loops send signed Slack slash commands
// and signed Discord interactions in turn to the bot on 127.0.0.1 for the given time. It serves the Slack
// response_urls itself, so each Slack latency runs from the request to the answer's arrival; a Discord answer
// comes in the HTTP response. Every answer's knowledge version(s) are read from what the user would see.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { discordCommand, discordSigner, send, slackSlashCommand } from "../test/robustness/signed.js";

export interface DriverJob {
  port: number;
  concurrency: number;
  seconds: number;
  discordPrivateKeyPem: string;
}

export interface Sample {
  platform: "slack" | "discord";
  ms: number;
  /** Wall-clock ms (shared by both processes) when the request was sent and when its answer arrived. */
  sentAt: number;
  doneAt: number;
  /** Every knowledge version named in the answer: exactly one when nothing is mixed. */
  versions: string[];
  error?: string;
}

const ANSWER_TIMEOUT_MS = 10_000;
const QUESTIONS: Array<[command: string, option: string | undefined, text: string]> = [
  ["budget", undefined, ""],
  ["speaker", "name", "고우찬"],
  ["track", "name", "AI"],
  ["ask", "question", "1015 데이터센터 화재 원인은?"],
  ["remediation", "area", "모니터링"],
];
const VERSION = /(?:지식 버전|[Kk]nowledge version) `?([0-9a-f]{6,})`?/g;

const versionsIn = (rendered: unknown): string[] => [...JSON.stringify(rendered).matchAll(VERSION)].map((m) => m[1]);
const wallClock = () => performance.timeOrigin + performance.now();

async function drive(job: DriverJob): Promise<Sample[]> {
  const sign = discordSigner(job.discordPrivateKeyPem);
  const waiting = new Map<string, (body: unknown) => void>();
  const responses = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      waiting.get((req.url ?? "").slice(1))?.(JSON.parse(Buffer.concat(chunks).toString("utf8")));
      res.writeHead(200).end("ok");
    });
  });
  await new Promise<void>((resolve) => responses.listen(0, "127.0.0.1", resolve));
  const responseBase = `http://127.0.0.1:${(responses.address() as AddressInfo).port}/`;

  const samples: Sample[] = [];
  const until = performance.now() + job.seconds * 1000;
  let next = 0;
  const one = async (): Promise<Sample> => {
    const n = next++;
    const [command, option, text] = QUESTIONS[n % QUESTIONS.length];
    const platform = n % 2 === 0 ? "slack" : "discord";
    const sentAt = wallClock();
    const started = performance.now();
    const finish = (versions: string[], error?: string): Sample => ({ platform, ms: performance.now() - started, sentAt, doneAt: wallClock(), versions, ...(error ? { error } : {}) });
    try {
      if (platform === "discord") {
        const reply = await send(job.port, sign(discordCommand(String(n), command, option ? { name: option, value: text } : undefined)));
        const body = await reply.json();
        return reply.status === 200 ? finish(versionsIn(body)) : finish([], `HTTP ${reply.status}`);
      }
      const id = `r${n}`;
      const answered = new Promise<unknown>((resolve, reject) => {
        waiting.set(id, resolve);
        setTimeout(() => reject(new Error("no answer at the response_url")), ANSWER_TIMEOUT_MS).unref();
      });
      const ack = await send(job.port, slackSlashCommand(`/${command}`, text, "ULOAD", responseBase + id));
      if (ack.status !== 200) return finish([], `HTTP ${ack.status}`);
      const body = await answered.finally(() => waiting.delete(id));
      return finish(versionsIn(body));
    } catch (error) {
      return finish([], error instanceof Error ? error.message : String(error));
    }
  };
  await Promise.all(
    Array.from({ length: job.concurrency }, async () => {
      while (performance.now() < until) samples.push(await one());
    }),
  );
  responses.close();
  return samples;
}

process.once("message", (job) => {
  void drive(job as DriverJob).then((samples) => process.send!(samples, () => process.exit(0)));
});
