// Fault: the Slack Web API / response_url and Discord REST fakes answer 429 with Retry-After, or 500. The real
// adapters deliver through the platform libraries (Bolt's WebClient, discord.js REST) and the Slack adapter's own
// response_url retries, whose rules decide what the user ends up with. One row per scenario: outcome, attempts, time.
import { createLogger } from "../src/log.js";
import { Bot } from "../src/core/bot.js";
import { DiscordHttpAdapter } from "../src/adapters/discord/interactions.js";
import { slackOptionsFrom } from "../src/adapters/index.js";
import { createSlackAdapter } from "../src/adapters/slack/adapter.js";
import { loadConfig } from "../src/config.js";
import { startHttpServer } from "../src/http.js";
import { eventPayload, signedHeaders } from "../test/slack/fake-slack.js";
import { startFakePlatforms, type Delivery, type Fault, type FakePlatforms } from "../test/robustness/fake-platforms.js";
import { DISCORD_APPLICATION_ID, SLACK_SIGNING_SECRET, discordCommand, discordKeys, send, slackSlashCommand, type SignedRequest } from "../test/robustness/signed.js";
import { table } from "./report.js";

/** How long a scenario may take before its outcome is "still retrying". */
const SCENARIO_LIMIT_MS = 10_000;

interface Scenario {
  name: string;
  fault: Fault;
  request(fake: FakePlatforms, n: number): SignedRequest;
  /** The deliveries that carry this question's answer (or its apology). */
  route: (d: Delivery) => boolean;
  /** What the user got, from the last delivery that went through. */
  outcome(delivered: Delivery | undefined): string;
}

const times = (count: number, status: 429 | 500, retryAfterSeconds?: number): Fault => (d) => (d.attempt <= count ? { status, retryAfterSeconds } : undefined);
const isApology = (d: Delivery) => JSON.stringify(d.body).includes("죄송합니다");

function slackMention(n: number): SignedRequest {
  const body = JSON.stringify(eventPayload(`Ev${n}`, { type: "app_mention", user: "U1", text: "<@UBOT> 예산", channel: "C1", ts: `1700000000.00${n}`, event_ts: `1700000000.00${n}` }));
  return { path: "/slack/events", headers: { "content-type": "application/json", ...signedHeaders(SLACK_SIGNING_SECRET, body) }, body };
}

const answered = (d: Delivery | undefined) => (d ? (isApology(d) ? "clear error (apology)" : "answer delivered") : "no answer");
const answeredVia = (d: Delivery | undefined) => (d ? `${answered(d)} by ${d.route === "response" ? "response_url" : d.route}` : answered(d));

export async function faultBench(): Promise<void> {
  const fake = await startFakePlatforms();
  const keys = discordKeys();
  const bot = await Bot.create({ knowledgeDir: "knowledge" });
  const logger = createLogger("silent");
  const slack = createSlackAdapter(slackOptionsFrom(loadConfig({ SLACK_BOT_TOKEN: "xoxb-bench", SLACK_SIGNING_SECRET, SLACK_API_URL: fake.slackApiUrl }))!, bot, logger);
  // Every Discord answer deferred, so that each goes through REST (an edit of the deferred reply), as slow ones do.
  const discord = new DiscordHttpAdapter(
    { bot, logger, admins: { roleIds: [], userIds: [] }, deferAfterMs: 0 },
    { publicKey: keys.publicKeyHex, applicationId: DISCORD_APPLICATION_ID, apiUrl: fake.discordApiUrl },
  );
  const http = await startHttpServer([slack, discord], { port: 0, isReady: () => true, host: "127.0.0.1" });
  await Promise.all([slack.start(), discord.start()]);

  const postMessage = (d: Delivery) => d.route === "chat.postMessage";
  const slash = (n: number) => (d: Delivery) => d.route === "response" && d.key === `fault${n}`;
  const slashOrEphemeral = (n: number) => (d: Delivery) => slash(n)(d) || d.route === "chat.postEphemeral";
  const discordRoute = (n: number) => (d: Delivery) => d.platform === "discord" && d.key === `token-fault${n}`;
  const discordAsk = (n: number) => keys.interaction(discordCommand(`fault${n}`, "budget", undefined, `token-fault${n}`));
  const scenarios: Array<Omit<Scenario, "route"> & { route(n: number): (d: Delivery) => boolean }> = [
    { name: "Slack chat.postMessage: 429, Retry-After 1 s, once", fault: times(1, 429, 1), request: (_, n) => slackMention(n), route: () => postMessage, outcome: answered },
    { name: "Slack chat.postMessage: 500 twice", fault: times(2, 500), request: (_, n) => slackMention(n), route: () => postMessage, outcome: answered },
    { name: "Slack response_url: 500 once", fault: times(1, 500), request: (f, n) => slackSlashCommand("/budget", "", "U1", f.responseUrl(`fault${n}`)), route: slash, outcome: answered },
    {
      name: "Slack response_url: 500 always",
      fault: (d) => (d.route === "response" ? { status: 500 } : undefined),
      request: (f, n) => slackSlashCommand("/budget", "", "U1", f.responseUrl(`fault${n}`)),
      route: slashOrEphemeral,
      outcome: answeredVia,
    },
    { name: "Discord edit of the deferred reply: 429, retry_after 1 s, once", fault: times(1, 429, 1), request: (_, n) => discordAsk(n), route: discordRoute, outcome: answered },
    { name: "Discord edit of the deferred reply: 500 once", fault: times(1, 500), request: (_, n) => discordAsk(n), route: discordRoute, outcome: answered },
    {
      name: "Discord edit of the deferred reply: 500 always",
      fault: (d) => (d.route.startsWith("PATCH") ? { status: 500 } : undefined),
      request: (_, n) => discordAsk(n),
      route: discordRoute,
      outcome: answered,
    },
    { name: "Slack chat.postMessage: 500 always", fault: times(Infinity, 500), request: (_, n) => slackMention(n), route: () => postMessage, outcome: answered },
  ];

  const rows: string[][] = [];
  try {
    for (const [n, scenario] of scenarios.entries()) {
      fake.reset();
      fake.fault = scenario.fault;
      const route = scenario.route(n);
      const started = performance.now();
      const reply = await send(http.port, scenario.request(fake, n));
      const delivered = await fake.waitFor((d) => route(d) && d.status === 200, SCENARIO_LIMIT_MS).catch(() => undefined);
      const tried = fake.deliveries.filter(route);
      // Without an answer, the time is that of the last attempt: when the bot gave up, or was still retrying.
      const ms = ((delivered ?? tried.at(-1))?.at ?? performance.now()) - started;
      const attempts = tried.length;
      const outcome = delivered ? scenario.outcome(delivered) : `${scenario.outcome(undefined)} within ${SCENARIO_LIMIT_MS / 1000} s`;
      rows.push([scenario.name, `HTTP ${reply.status}`, outcome, String(attempts), `${(ms / 1000).toFixed(1)} s`]);
    }
  } finally {
    fake.reset();
    await Promise.all([slack.stop(), discord.stop()]);
    await http.close();
    await fake.close();
  }
  console.log("\nFault — the platform fakes fail; the libraries' and the adapters' retry rules apply (attempts = requests the fake saw)\n");
  console.log(table(["scenario", "bot's reply to the platform", "what the user got", "attempts", "time (answer, else last attempt)"], rows));
}
