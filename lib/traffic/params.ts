// Background traffic's parameters: one schema for the API body and the CLI,
// always bounded in rate, time and count.
import { z } from "zod";
import { fail, parseWith, type Parsed } from "@/lib/events/validation";

export const TRAFFIC_LIMITS = { rate: { min: 1, max: 5000 }, durationSec: { min: 1, max: 3600 } } as const;
export const TRAFFIC_GROUPS = ["feed", "notification", "analytics"] as const;
export type TrafficGroup = (typeof TRAFFIC_GROUPS)[number];

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

export const trafficParamsSchema = z.strictObject({
  rate: whole("rate", " events/s", TRAFFIC_LIMITS.rate.min, TRAFFIC_LIMITS.rate.max).default(200),
  durationSec: whole("duration", " s", TRAFFIC_LIMITS.durationSec.min, TRAFFIC_LIMITS.durationSec.max).default(120),
  /** Stop after this many events even if time remains; never more than rate × duration. */
  maxEvents: z.number().int().positive("maxEvents must be a whole number >= 1").optional(),
});
export type TrafficParams = z.output<typeof trafficParamsSchema>;

/** The count bound actually applied. */
export const eventBudget = (p: TrafficParams) => Math.min(p.maxEvents ?? Infinity, p.rate * p.durationSec);

export const trafficActionSchema = z.discriminatedUnion(
  "action",
  [
    z.strictObject({ action: z.literal("start"), rate: z.unknown().optional(), durationSec: z.unknown().optional() }),
    z.strictObject({ action: z.literal("stop") }),
  ],
  { error: 'action must be "start" or "stop"' },
);

export type TrafficAction = { action: "start"; params: TrafficParams } | { action: "stop" };

/** The POST /api/traffic body. */
export function parseTrafficAction(input: unknown): Parsed<TrafficAction> {
  const head = parseWith(trafficActionSchema, input);
  if (!head.ok) return head;
  if (head.value.action === "stop") return { ok: true, value: { action: "stop" } };
  const { action: _a, ...rest } = head.value;
  const params = parseWith(trafficParamsSchema, Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)), { durationSec: "duration" });
  return params.ok ? { ok: true, value: { action: "start", params: params.value } } : params;
}

/** `--rate 200 --duration 120 [--max-events N]` */
export function parseTrafficCliArgs(argv: readonly string[]): Parsed<TrafficParams> {
  const flags: Record<string, keyof TrafficParams> = { "--rate": "rate", "--duration": "durationSec", "--max-events": "maxEvents" };
  const input: Record<string, unknown> = {};
  const errors: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const [flag = "", inline] = argv[i]!.split("=", 2);
    const field = flags[flag];
    if (!field) {
      errors.push(`unknown argument '${argv[i]}' (known: ${Object.keys(flags).join(", ")})`);
      continue;
    }
    const raw = inline ?? argv[++i];
    const n = Number(raw);
    if (raw === undefined || raw.trim() === "" || !Number.isFinite(n)) errors.push(`${flag} expects a number, got '${raw ?? ""}'`);
    else input[field] = n;
  }
  return errors.length > 0 ? fail(errors) : parseWith(trafficParamsSchema, input, { durationSec: "duration" });
}
