// What a request to /slack/events must be before Bolt sees it: signed by Slack within five minutes either way (Bolt
// accepts any future timestamp), not a replay of one already answered, and of a shape the handlers can read (Bolt
// reads fields of a signed body before any listener runs, so `null` or `payload=null` would throw inside it).
import { createHmac, timingSafeEqual } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import { parse as parseForm } from "node:querystring";
import { z } from "zod";
import { RecentIds } from "../kit/recent-ids.js";

/** Older or further in the future than this, a signed request may be a replay. */
export const MAX_CLOCK_SKEW_SECONDS = 300;

const header = (headers: IncomingHttpHeaders, name: string): string => {
  const value = headers[name];
  return typeof value === "string" ? value : "";
};

/** Slack's `v0=` HMAC-SHA256 of `v0:{timestamp}:{body}`, compared in constant time, with the timestamp near now. */
export function signedBySlack(headers: IncomingHttpHeaders, body: Buffer, secret: string, nowSeconds: number): boolean {
  const timestamp = header(headers, "x-slack-request-timestamp");
  const signature = header(headers, "x-slack-signature");
  if (!/^\d{1,12}$/.test(timestamp) || Math.abs(nowSeconds - Number(timestamp)) > MAX_CLOCK_SKEW_SECONDS) return false;
  const expected = Buffer.from(`v0=${createHmac("sha256", secret).update(`v0:${timestamp}:`).update(body).digest("hex")}`);
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Remembers the signatures answered in the last five minutes: the same signed request is answered once. */
export const recentSignatures = () => new RecentIds(50_000, MAX_CLOCK_SKEW_SECONDS * 2 * 1000);

const id = z.string().min(1).max(100);
/** Where answers are posted: Slack's hooks are https; nothing else (a file: or internal scheme) is ever fetched. */
const httpsUrl = z.url({ protocol: /^https?$/ }).max(2_000);
const text = z.string().max(40_000);
const optionalText = text.optional();

const slashCommand = z.looseObject({ command: z.string().startsWith("/").max(100), text: text.default(""), user_id: id, user_name: optionalText, channel_id: id.optional(), response_url: httpsUrl });

const blockActions = z.looseObject({
  type: z.literal("block_actions"),
  user: z.looseObject({ id, name: optionalText }),
  actions: z.array(z.looseObject({ action_id: z.string().max(255), value: optionalText })).max(25),
  response_url: httpsUrl,
  channel: z.looseObject({ id }).optional(),
});

const message = z.looseObject({
  type: z.string(),
  subtype: optionalText,
  user: id.optional(),
  bot_id: optionalText,
  text: optionalText,
  channel: id.optional(),
  channel_type: optionalText,
  ts: optionalText,
  thread_ts: optionalText,
});

const envelope = z.discriminatedUnion("type", [
  z.looseObject({ type: z.literal("url_verification"), challenge: z.string().max(500) }),
  z.looseObject({ type: z.literal("event_callback"), event_id: id, event: message }),
  z.looseObject({ type: z.literal("app_rate_limited") }),
]);

/** The body as Bolt will read it (a form, a form's `payload` JSON, or JSON), if it is a shape this bot serves. */
export function slackShapeProblem(body: Buffer, contentType: string | undefined): string | undefined {
  try {
    const raw = body.toString("utf8");
    if (contentType === "application/x-www-form-urlencoded") {
      const form = parseForm(raw);
      if (form.ssl_check === "1") return undefined;
      if (form.payload !== undefined) return issue(blockActions, typeof form.payload === "string" ? JSON.parse(form.payload) : form.payload);
      return issue(slashCommand, form);
    }
    return issue(envelope, JSON.parse(raw));
  } catch {
    return "not JSON";
  }
}

const issue = (schema: z.ZodType, value: unknown): string | undefined => {
  const result = schema.safeParse(value);
  return result.success ? undefined : result.error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`).slice(0, 3).join("; ");
};
