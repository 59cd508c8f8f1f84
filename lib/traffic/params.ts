// Background traffic's parameters: one schema for the API body and the CLI,
// always bounded in rate, time and count. Rate, mix and the failure settings
// can also be changed while a run goes on ("set").
import { z } from "zod";
import { fail, parseWith, type Parsed } from "@/lib/events/validation";
import { FLOW_HANDLERS, type FlowHandler } from "@/lib/model/flow";
import type { TrafficSettings } from "@/lib/model/traffic";

// 20,000/s leaves room above the 10,000/s benchmark; every run still ends at its time bound.
export const TRAFFIC_LIMITS = {
  rate: { min: 1, max: 20_000 },
  durationSec: { min: 1, max: 3600 },
  failureRate: { min: 0, max: 0.5 },
  poisonRate: { min: 0, max: 0.1 },
  maxAttempts: { min: 1, max: 10 },
  retryBackoffMs: { min: 10, max: 10_000 },
} as const;
export const TRAFFIC_GROUPS = FLOW_HANDLERS;
export type TrafficGroup = FlowHandler;

/** What each subscriber reads: the feed ignores system events; notifications and analytics read all. */
export const TRAFFIC_SUBSCRIPTIONS: Record<TrafficGroup, readonly string[]> = {
  feed: ["user_action", "content_interaction"],
  notification: ["user_action", "content_interaction", "system_event"],
  analytics: ["user_action", "content_interaction", "system_event"],
};

const whole = (label: string, unit: string, min: number, max: number) =>
  z.number({ error: `${label} must be a number` }).refine((v) => Number.isInteger(v) && v >= min && v <= max, {
    error: (iss) => `${label} must be a whole number from ${min} to ${max}${unit} (got ${String(iss.input)})`,
  });

const fraction = (label: string, max: number) =>
  z.number({ error: `${label} must be a number` }).refine((v) => Number.isFinite(v) && v >= 0 && v <= max, {
    error: (iss) => `${label} must be a fraction from 0 to ${max} (${max * 100} %) (got ${String(iss.input)})`,
  });

const share = (label: string) => whole(`mix.${label}`, " %", 0, 100);

/** Percent of events per category; whole numbers adding up to 100. */
export const mixSchema = z
  .strictObject(
    { user_action: share("user_action"), content_interaction: share("content_interaction"), system_event: share("system_event") },
    { error: "mix must be an object {user_action, content_interaction, system_event} of whole percents" },
  )
  .refine((m) => m.user_action + m.content_interaction + m.system_event === 100, {
    error: (iss) => {
      const m = iss.input as Record<string, number>;
      return `mix must add up to 100 % (got ${(m.user_action ?? 0) + (m.content_interaction ?? 0) + (m.system_event ?? 0)} %)`;
    },
  });
export type TrafficMix = z.output<typeof mixSchema>;
export const DEFAULT_TRAFFIC_MIX: TrafficMix = { user_action: 70, content_interaction: 25, system_event: 5 };

const L = TRAFFIC_LIMITS;
const adjustable = {
  rate: whole("rate", " events/s", L.rate.min, L.rate.max),
  mix: mixSchema,
  failureRate: fraction("failureRate", L.failureRate.max),
  poisonRate: fraction("poisonRate", L.poisonRate.max),
};

export const trafficParamsSchema = z.strictObject({
  rate: adjustable.rate.default(200),
  durationSec: whole("duration", " s", L.durationSec.min, L.durationSec.max).default(120),
  /** Stop after this many events even if time remains; never more than rate × duration. */
  maxEvents: z.number().int().positive("maxEvents must be a whole number >= 1").optional(),
  mix: adjustable.mix.default(DEFAULT_TRAFFIC_MIX),
  /** Each handling attempt fails with this probability (injected; 0 = off). */
  failureRate: adjustable.failureRate.default(0),
  /** Share of generated events that are poison (every attempt fails). */
  poisonRate: adjustable.poisonRate.default(0),
  maxAttempts: whole("maxAttempts", "", L.maxAttempts.min, L.maxAttempts.max).default(3),
  retryBackoffMs: whole("retryBackoffMs", " ms", L.retryBackoffMs.min, L.retryBackoffMs.max).default(200),
});
export type TrafficParams = z.output<typeof trafficParamsSchema>;
// The model's copy of the shape (lib/model/traffic.ts) must stay the schema's output: tsc fails here if they part.
export const PARAMS_MATCH_MODEL: TrafficParams extends TrafficSettings ? (TrafficSettings extends TrafficParams ? true : never) : never = true;
export type TrafficParamsInput = z.input<typeof trafficParamsSchema>;

/** What "set" may change while a run goes on: at least one of them. */
export const trafficAdjustSchema = z
  .strictObject({ rate: adjustable.rate.optional(), mix: adjustable.mix.optional(), failureRate: adjustable.failureRate.optional(), poisonRate: adjustable.poisonRate.optional() })
  .refine((a) => Object.values(a).some((v) => v !== undefined), { error: "set needs at least one of rate, mix, failureRate, poisonRate" });
export type TrafficAdjust = z.output<typeof trafficAdjustSchema>;

/** The count bound actually applied. */
export const eventBudget = (p: Pick<TrafficParams, "rate" | "durationSec" | "maxEvents">) => Math.min(p.maxEvents ?? Infinity, p.rate * p.durationSec);

export type TrafficAction = { action: "start"; params: TrafficParams } | { action: "stop" } | { action: "set"; adjust: TrafficAdjust };

const ACTIONS = ["start", "stop", "set"];

/** The POST /api/traffic body. */
export function parseTrafficAction(input: unknown): Parsed<TrafficAction> {
  const action = typeof input === "object" && input !== null ? (input as { action?: unknown }).action : undefined;
  if (typeof action !== "string" || !ACTIONS.includes(action)) return fail(['action must be "start", "stop" or "set"']);
  const { action: _a, ...rest } = input as Record<string, unknown>;
  const fields = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
  if (action === "stop") return Object.keys(fields).length === 0 ? { ok: true, value: { action: "stop" } } : fail([`stop takes no other field (got ${Object.keys(fields).join(", ")})`]);
  if (action === "set") {
    const adjust = parseWith(trafficAdjustSchema, fields);
    return adjust.ok ? { ok: true, value: { action: "set", adjust: adjust.value } } : adjust;
  }
  const params = parseWith(trafficParamsSchema, fields, { durationSec: "duration" });
  return params.ok ? { ok: true, value: { action: "start", params: params.value } } : params;
}
