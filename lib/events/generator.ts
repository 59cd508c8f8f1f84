// A deterministic source of realistic StreamSocial traffic. Event i of seed s is
// always the same event (its PRNG is seeded from s and i), so producers can
// split the index space, tests can replay exactly, and nothing reads the clock.
import { POISON_PAYLOAD } from "./payloads";
import { MAX_PAYLOAD_BYTES, encodeEvent, type ACTIONS_BY_CATEGORY, type StreamSocialEvent } from "./model";
import type { EventCategory } from "./topics";

/** Share of each category; the lesson's traffic is dominated by user actions. */
export type CategoryMix = Record<EventCategory, number>;
export const DEFAULT_MIX: CategoryMix = { user_action: 0.7, content_interaction: 0.25, system_event: 0.05 };

export interface GeneratorOptions {
  seed: number;
  /** How many distinct users; ids are skewed so a few are hot, as on a real social site. */
  users?: number;
  /** Pad the payload so the event's JSON is this many bytes (never truncates). */
  recordBytes?: number;
  mix?: CategoryMix;
  /**
   * Share (0..1) of poison events: a valid envelope whose payload lacks what its
   * action needs (see payloads.ts), so every handler fails on it, every time.
   */
  poisonRate?: number;
}

/** mulberry32: tiny, fast, good enough for traffic shapes (not for secrets). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** murmur3's finaliser: neighbouring indexes get unrelated PRNG streams. */
function mix32(x: number): number {
  let h = x >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * Zipf-like rank (s ≈ 1) in [0, n) from a uniform u in [0, 1): the inverse of the
 * continuous CDF ln(k+1)/ln(n+1). Closed form, so no table per n is needed.
 */
export function zipfRank(u: number, n: number): number {
  const rank = Math.floor(Math.pow(n + 1, u)) - 1;
  return Math.min(Math.max(rank, 0), n - 1);
}

const WORDS = ["deal", "sale", "wow", "new", "drop", "cart", "love", "gift", "hot", "flash", "price", "today"];

function pick<T>(rand: () => number, values: readonly T[]): T {
  return values[Math.floor(rand() * values.length)] as T;
}

function weighted<T extends string>(rand: () => number, weights: Record<T, number>): T {
  const entries = Object.entries(weights) as [T, number][];
  const total = entries.reduce((s, [, w]) => s + w, 0);
  let u = rand() * total;
  for (const [value, w] of entries) {
    if ((u -= w) < 0) return value;
  }
  return entries[entries.length - 1]![0];
}

function sentence(rand: () => number): string {
  const n = 2 + Math.floor(rand() * 8);
  return Array.from({ length: n }, () => pick(rand, WORDS)).join(" ");
}

function payloadFor(category: EventCategory, action: string, rand: () => number): Record<string, unknown> {
  const item = (prefix: string) => `${prefix}-${Math.floor(rand() * 100_000)}`;
  switch (`${category}/${action}`) {
    case "user_action/post": return { postId: item("post"), text: sentence(rand) };
    case "user_action/like": return { postId: item("post") };
    case "user_action/comment": return { postId: item("post"), commentId: item("comment"), text: sentence(rand) };
    case "content_interaction/view": return { contentId: item("content"), durationMs: Math.floor(rand() * 30_000) };
    case "content_interaction/share": return { contentId: item("content"), channel: pick(rand, ["link", "dm", "feed"]) };
    case "content_interaction/click": return { contentId: item("content"), target: pick(rand, ["profile", "link", "hashtag"]) };
    case "system_event/login": return { device: pick(rand, ["ios", "android", "web"]) };
    case "system_event/logout": return { sessionSeconds: Math.floor(rand() * 7200) };
    default: return { code: pick(rand, ["TIMEOUT", "RATE_LIMITED", "UPSTREAM_5XX"]), message: "request failed" };
  }
}

// Within a category, likes and views dominate as they do on a real feed.
const ACTION_WEIGHTS = {
  user_action: { post: 0.15, like: 0.65, comment: 0.2 },
  content_interaction: { view: 0.75, share: 0.1, click: 0.15 },
  system_event: { login: 0.45, logout: 0.4, error: 0.15 },
} as const satisfies { [C in EventCategory]: Record<(typeof ACTIONS_BY_CATEGORY)[C][number], number> };

/** Event number `index` of this seed, stamped with `now`. Same inputs, same event. */
export function generateEvent(index: number, now: number, options: GeneratorOptions): StreamSocialEvent {
  const { seed, users = 10_000, recordBytes, mix = DEFAULT_MIX, poisonRate = 0 } = options;
  if (!Number.isInteger(index) || index < 0) throw new RangeError(`index must be a whole number >= 0 (got ${index})`);
  if (!Number.isInteger(users) || users < 1) throw new RangeError(`users must be a whole number >= 1 (got ${users})`);
  if (recordBytes !== undefined && !(recordBytes >= 0 && recordBytes <= MAX_PAYLOAD_BYTES)) {
    throw new RangeError(`recordBytes must be 0..${MAX_PAYLOAD_BYTES} (got ${recordBytes})`);
  }
  if (!(poisonRate >= 0 && poisonRate <= 1)) throw new RangeError(`poisonRate must be 0..1 (got ${poisonRate})`);
  const rand = mulberry32(mix32(seed ^ mix32(index + 0x9e3779b9)));
  const type = weighted(rand, mix);
  const action = weighted(rand, ACTION_WEIGHTS[type] as Record<string, number>);
  const userId = `user-${zipfRank(rand(), users)}`;
  // Drawn last and only when asked for: an event that is not poisoned is the same event either way.
  const sound = payloadFor(type, action, rand);
  const payload: Record<string, unknown> = poisonRate > 0 && rand() < poisonRate ? { ...POISON_PAYLOAD } : sound;
  const event = { id: `evt-${seed >>> 0}-${index}`, timestamp: now, type, action, userId, payload } as StreamSocialEvent;
  if (recordBytes === undefined) return event;
  // Everything generated is ASCII, so string length is byte length.
  const bare = encodeEvent({ ...event, payload: { ...payload, pad: "" } }).length;
  const pad = Math.max(0, recordBytes - bare);
  return pad === 0 ? event : { ...event, payload: { ...payload, pad: "x".repeat(pad) } };
}

/** `count` consecutive events from `startIndex`, timestamps `spacingMs` apart from `now`. */
export function generateEvents(
  count: number,
  now: number,
  options: GeneratorOptions & { startIndex?: number; spacingMs?: number },
): StreamSocialEvent[] {
  const { startIndex = 0, spacingMs = 0 } = options;
  return Array.from({ length: count }, (_, i) =>
    generateEvent(startIndex + i, now + Math.floor(i * spacingMs), options),
  );
}
