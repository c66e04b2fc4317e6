// The shape of an interaction, checked before anything reads it: a signed body is Discord's, but a malformed one
// (a bug, a replayed test, a changed API) must get a 400, not a TypeError in a handler. Only the fields this bot
// reads are checked; the rest passes through untouched.
import { z } from "zod";

/** Discord's ids are snowflakes; the bot only compares and logs them, so any short string will do. */
const snowflake = z.string().min(1).max(64);
const user = z.looseObject({ id: snowflake, username: z.string().optional() });
const option = z.looseObject({ name: z.string(), type: z.number(), value: z.unknown().optional(), focused: z.boolean().optional() });
const options = z.array(option).max(25).optional();

const base = {
  id: snowflake,
  token: z.string().min(1).max(500),
  locale: z.string().max(20).optional(),
  user: user.optional(),
  member: z.looseObject({ user, roles: z.array(snowflake).max(250), permissions: z.string().regex(/^\d{1,40}$/) }).optional(),
};

export const interactionSchema = z.discriminatedUnion("type", [
  z.looseObject({ type: z.literal(1) }),
  z.looseObject({ ...base, type: z.literal(2), data: z.looseObject({ name: z.string(), type: z.number(), options }) }),
  z.looseObject({ ...base, type: z.literal(3), data: z.looseObject({ custom_id: z.string().max(100) }), message: z.looseObject({ flags: z.number().optional() }) }),
  z.looseObject({ ...base, type: z.literal(4), data: z.looseObject({ name: z.string(), options }) }),
  z.looseObject({ ...base, type: z.literal(5) }),
]);
