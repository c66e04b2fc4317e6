// Signed platform requests, as Slack and Discord send them, for driving a running bot over HTTP on loopback.
import { createPrivateKey, generateKeyPairSync, sign } from "node:crypto";
import { signedHeaders, slashPayload } from "../slack/fake-slack.js";

export const SLACK_SIGNING_SECRET = "robustness-signing-secret";
export const DISCORD_APPLICATION_ID = "1015";

/** Fake credentials that must never reach a log line, whatever happens. */
export const SECRETS = {
  SLACK_BOT_TOKEN: "xoxb-1111-2222-robustnessSecretBotToken",
  SLACK_SIGNING_SECRET,
  DISCORD_TOKEN: "MTAxNQ.robustness.SecretDiscordBotToken",
};

export interface SignedRequest {
  path: string;
  headers: Record<string, string>;
  body: string;
}

/** A slash command (`/speaker 고우찬`), signed with the signing secret; Slack answers through `responseUrl`. */
export function slackSlashCommand(command: string, text: string, user: string, responseUrl: string): SignedRequest {
  const body = new URLSearchParams(slashPayload(command, text, user, responseUrl)).toString();
  return { path: "/slack/events", headers: { "content-type": "application/x-www-form-urlencoded", ...signedHeaders(SLACK_SIGNING_SECRET, body) }, body };
}

/** Signs interactions as Discord does: Ed25519 over the timestamp and the raw body. */
export function discordSigner(privateKeyPem: string): (payload: unknown) => SignedRequest {
  const signed = rawDiscordSigner(privateKeyPem);
  return (payload) => signed(JSON.stringify(payload));
}

/** Signs a body of any text, as Discord would if it sent it. */
export function rawDiscordSigner(privateKeyPem: string): (body: string) => SignedRequest {
  const privateKey = createPrivateKey(privateKeyPem);
  return (body) => {
    const timestamp = String(Math.floor(Date.now() / 1000));
    const signature = sign(null, Buffer.from(timestamp + body), privateKey).toString("hex");
    return { path: "/interactions", headers: { "content-type": "application/json", "x-signature-ed25519": signature, "x-signature-timestamp": timestamp }, body };
  };
}

/** An Ed25519 key pair like a Discord application's: the public key as the portal shows it, and a signer. */
export function discordKeys(): { publicKeyHex: string; privateKeyPem: string; interaction(payload: unknown): SignedRequest; raw(body: string): SignedRequest } {
  const { publicKey, privateKey } = generateKeyPairSync("ed25519");
  const privateKeyPem = privateKey.export({ format: "pem", type: "pkcs8" }).toString();
  return {
    publicKeyHex: publicKey.export({ format: "der", type: "spki" }).subarray(-32).toString("hex"),
    privateKeyPem,
    interaction: discordSigner(privateKeyPem),
    raw: rawDiscordSigner(privateKeyPem),
  };
}

/** A chat-input command interaction with one string option (what `/speaker name:고우찬` sends). */
export function discordCommand(id: string, name: string, option: { name: string; value: string } | undefined, token = `token-${id}`) {
  return {
    id,
    application_id: DISCORD_APPLICATION_ID,
    type: 2,
    token,
    version: 1,
    locale: "ko",
    guild_id: "5",
    member: { user: { id: "42", username: "alice" }, roles: [], permissions: "0" },
    data: { id: "1", name, type: 1, options: option ? [{ ...option, type: 3 }] : [] },
  };
}

export function send(port: number, request: SignedRequest): Promise<Response> {
  return fetch(`http://127.0.0.1:${port}${request.path}`, { method: "POST", headers: request.headers, body: request.body });
}
