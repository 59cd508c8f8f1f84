import { describe, expect, it } from "vitest";
import {
  ACTIONS_BY_CATEGORY,
  MAX_PAYLOAD_BYTES,
  decodeEvent,
  encodeEvent,
  parseEvent,
  routeEvent,
  type UserActionEvent,
} from "./model";
import { EVENT_CATEGORIES, STREAMSOCIAL_TOPICS } from "./topics";

const good: UserActionEvent = {
  id: "evt-1",
  timestamp: 1_700_000_000_000,
  type: "user_action",
  action: "post",
  userId: "user-42",
  payload: { postId: "post-1", text: "hello" },
};

function errorOf(input: unknown): string {
  const r = parseEvent(input);
  if (r.ok) throw new Error("expected a refusal");
  return r.error;
}

describe("parseEvent", () => {
  it("accepts every action of every category", () => {
    for (const type of EVENT_CATEGORIES) {
      for (const action of ACTIONS_BY_CATEGORY[type]) {
        const r = parseEvent({ ...good, type, action });
        expect(r.ok, `${type}/${action}`).toBe(true);
      }
    }
  });

  it("refuses an action from another category", () => {
    expect(errorOf({ ...good, type: "system_event", action: "post" })).toBe(
      "action must be one of login | logout | error",
    );
  });

  it("refuses an unknown type with the list of types", () => {
    expect(errorOf({ ...good, type: "nope" })).toMatch(/type must be one of user_action \| content_interaction/);
  });

  it("names each bad field", () => {
    const msg = errorOf({ ...good, id: "", timestamp: 1.5, userId: "a b" });
    // Messages that already name their field are not prefixed a second time.
    expect(msg).toContain("id must not be empty; timestamp must be whole epoch milliseconds; userId must be 1-64");
  });

  it("refuses missing fields, negative timestamps and non-object payloads", () => {
    expect(errorOf({ ...good, userId: undefined })).toMatch(/^userId:/);
    expect(errorOf({ ...good, timestamp: -1 })).toMatch(/timestamp must not be negative/);
    expect(errorOf({ ...good, payload: "text" })).toMatch(/^payload:/);
    expect(errorOf(null)).toBeTruthy();
  });

  it("bounds the payload size, at the limit and one byte over", () => {
    const overhead = JSON.stringify({ pad: "" }).length;
    const atLimit = { pad: "x".repeat(MAX_PAYLOAD_BYTES - overhead) };
    expect(parseEvent({ ...good, payload: atLimit }).ok).toBe(true);
    const over = { pad: "x".repeat(MAX_PAYLOAD_BYTES - overhead + 1) };
    expect(errorOf({ ...good, payload: over })).toBe(
      `payload is ${MAX_PAYLOAD_BYTES + 1} bytes as JSON; the limit is ${MAX_PAYLOAD_BYTES}`,
    );
  });

  it("counts payload size in UTF-8 bytes, not characters", () => {
    const overhead = JSON.stringify({ pad: "" }).length;
    const n = Math.floor((MAX_PAYLOAD_BYTES - overhead) / 2) + 1;
    expect(parseEvent({ ...good, payload: { pad: "é".repeat(n) } }).ok).toBe(false);
  });
});

describe("encodeEvent / decodeEvent", () => {
  it("round-trips", () => {
    const back = decodeEvent(encodeEvent(good));
    expect(back).toEqual({ ok: true, value: good });
    expect(decodeEvent(new TextEncoder().encode(encodeEvent(good)))).toEqual({ ok: true, value: good });
  });

  it("refuses garbage clearly", () => {
    expect(decodeEvent(null)).toMatchObject({ ok: false, error: "event value is empty" });
    expect(decodeEvent("")).toMatchObject({ ok: false, error: "event value is empty" });
    expect(decodeEvent("{not json")).toMatchObject({ ok: false, error: "event value is not UTF-8 JSON" });
    expect(decodeEvent(new Uint8Array([0xff, 0xfe]))).toMatchObject({ ok: false });
    expect(decodeEvent('{"id":"x"}')).toMatchObject({ ok: false });
  });
});

describe("routeEvent", () => {
  it("sends each category to its own topic, keyed by user id", () => {
    const topics = new Set(STREAMSOCIAL_TOPICS.map((t) => t.name));
    for (const type of EVENT_CATEGORIES) {
      const route = routeEvent({ type, userId: "user-7" });
      expect(topics.has(route.topic)).toBe(true);
      expect(route).toEqual({ topic: type, key: "user-7" });
    }
  });

  it("gives one user the same key whatever the action, so their events stay in one partition", () => {
    const like: UserActionEvent = { ...good, action: "like" };
    const comment: UserActionEvent = { ...good, action: "comment" };
    const a = routeEvent(like);
    const b = routeEvent(comment);
    expect(a).toEqual(b);
  });
});
