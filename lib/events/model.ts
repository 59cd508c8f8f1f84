// The StreamSocial event model from the lesson: three categories, each with its
// own actions, one schema that every producer and consumer shares. Events are
// keyed by user id so one user's events stay in one partition, in order.
import { z } from "zod";
import { STREAMSOCIAL_TOPICS, type EventCategory } from "./topics";
import { fail, parseWith, type Parsed } from "./validation";

export const USER_ACTIONS = ["post", "like", "comment"] as const;
export const CONTENT_INTERACTIONS = ["view", "share", "click"] as const;
export const SYSTEM_EVENTS = ["login", "logout", "error"] as const;

export const ACTIONS_BY_CATEGORY = {
  user_action: USER_ACTIONS,
  content_interaction: CONTENT_INTERACTIONS,
  system_event: SYSTEM_EVENTS,
} as const satisfies Record<EventCategory, readonly string[]>;

// TextEncoder/TextDecoder rather than Buffer: the model is also used in the browser.
const utf8 = new TextDecoder("utf-8", { fatal: true });
const encoder = new TextEncoder();

/** Room for the drill's largest record (10 000 bytes) plus the event envelope. */
export const MAX_PAYLOAD_BYTES = 16 * 1024;
/** A user id becomes a Kafka key and a record field: keep it short and unambiguous. */
export const USER_ID_PATTERN = /^[A-Za-z0-9._:-]{1,64}$/;

const payloadSchema = z
  .record(z.string(), z.unknown())
  .refine((p) => jsonBytes(p) <= MAX_PAYLOAD_BYTES, {
    error: (iss) => `payload is ${jsonBytes(iss.input)} bytes as JSON; the limit is ${MAX_PAYLOAD_BYTES}`,
  });

const envelope = {
  id: z.string().min(1, "id must not be empty").max(128, "id must be at most 128 characters"),
  timestamp: z
    .number()
    .int("timestamp must be whole epoch milliseconds")
    .nonnegative("timestamp must not be negative")
    .max(Number.MAX_SAFE_INTEGER),
  userId: z.string().regex(USER_ID_PATTERN, "userId must be 1-64 characters of A-Z a-z 0-9 . _ : -"),
};
const base = { ...envelope, payload: payloadSchema };

const actionOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: `action must be one of ${values.join(" | ")}` });

export const streamSocialEventSchema = z.discriminatedUnion(
  "type",
  [
    z.object({ ...base, type: z.literal("user_action"), action: actionOf(USER_ACTIONS) }),
    z.object({ ...base, type: z.literal("content_interaction"), action: actionOf(CONTENT_INTERACTIONS) }),
    z.object({ ...base, type: z.literal("system_event"), action: actionOf(SYSTEM_EVENTS) }),
  ],
  { error: "type must be one of user_action | content_interaction | system_event" },
);

export type StreamSocialEvent = z.infer<typeof streamSocialEventSchema>;

/**
 * The same schema without the payload's size check, for records whose whole
 * encoding is already within the limit (the payload is smaller still): the
 * consumers decode every event three times, and re-encoding each payload to
 * measure it was a good part of that cost.
 */
const smallRecordSchema = z.discriminatedUnion(
  "type",
  [
    z.object({ ...envelope, payload: z.record(z.string(), z.unknown()), type: z.literal("user_action"), action: actionOf(USER_ACTIONS) }),
    z.object({ ...envelope, payload: z.record(z.string(), z.unknown()), type: z.literal("content_interaction"), action: actionOf(CONTENT_INTERACTIONS) }),
    z.object({ ...envelope, payload: z.record(z.string(), z.unknown()), type: z.literal("system_event"), action: actionOf(SYSTEM_EVENTS) }),
  ],
  { error: "type must be one of user_action | content_interaction | system_event" },
);
export type UserActionEvent = Extract<StreamSocialEvent, { type: "user_action" }>;

/** Validates anything (a parsed JSON body, a decoded record) into an event or a clear refusal. */
export function parseEvent(input: unknown): Parsed<StreamSocialEvent> {
  return parseWith(streamSocialEventSchema, input);
}

export function encodeEvent(event: StreamSocialEvent): string {
  return JSON.stringify(event);
}

/** Decodes a Kafka value; garbage is refused, never thrown. */
export function decodeEvent(value: string | Uint8Array | null | undefined): Parsed<StreamSocialEvent> {
  if (value == null || value.length === 0) return fail(["event value is empty"]);
  let json: unknown;
  try {
    json = JSON.parse(typeof value === "string" ? value : utf8.decode(value));
  } catch {
    return fail(["event value is not UTF-8 JSON"]);
  }
  // At most 3 UTF-8 bytes per UTF-16 unit: a string this short cannot hold an oversized payload.
  const maxBytes = typeof value === "string" ? value.length * 3 : value.length;
  return maxBytes <= MAX_PAYLOAD_BYTES ? parseWith(smallRecordSchema, json) : parseEvent(json);
}

export interface EventRoute {
  topic: string;
  key: string;
}

const TOPIC_BY_CATEGORY = new Map<string, string>(STREAMSOCIAL_TOPICS.map((t) => [t.name, t.name]));

/** Topic = the category's topic; key = user id, so a user's events stay ordered. */
export function routeEvent(event: Pick<StreamSocialEvent, "type" | "userId">): EventRoute {
  const topic = TOPIC_BY_CATEGORY.get(event.type);
  // Cannot happen while topics.ts lists every category; fail loudly if it drifts.
  if (!topic) throw new Error(`no topic for event category ${event.type}`);
  return { topic, key: event.userId };
}

export function jsonBytes(value: unknown): number {
  return encoder.encode(JSON.stringify(value) ?? "").length;
}
