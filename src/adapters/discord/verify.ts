// Discord signs every interaction it POSTs: Ed25519 over the timestamp header followed by the raw body.
import { createPublicKey, verify, type KeyObject } from "node:crypto";

/** DER SubjectPublicKeyInfo header for an Ed25519 key: the raw 32-byte key Discord shows follows it. */
const ED25519_SPKI_PREFIX = Buffer.from("302a300506032b6570032100", "hex");

/** Older (or further in the future) than this, a signed request may be a replay. */
export const MAX_CLOCK_SKEW_SECONDS = 300;

export function discordPublicKey(hex: string): KeyObject {
  return createPublicKey({ key: Buffer.concat([ED25519_SPKI_PREFIX, Buffer.from(hex, "hex")]), format: "der", type: "spki" });
}

export function verifyInteraction(key: KeyObject, signature: string | undefined, timestamp: string | undefined, rawBody: Buffer, nowSeconds: number): boolean {
  if (!signature || !timestamp || !/^[0-9a-f]{128}$/i.test(signature) || !/^\d+$/.test(timestamp)) return false;
  if (Math.abs(nowSeconds - Number(timestamp)) > MAX_CLOCK_SKEW_SECONDS) return false;
  return verify(null, Buffer.concat([Buffer.from(timestamp), rawBody]), key, Buffer.from(signature, "hex"));
}
