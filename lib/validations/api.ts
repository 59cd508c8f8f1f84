// Input schemas of the HTTP API. Route handlers parse with these and nothing else.
import { z } from "zod";
import { CLIENT_REPORT_ID } from "@/lib/drill/report-id";
import { STATE_FILTERS } from "@/lib/model/topics";
import { BROKER_ACTIONS, SLOW_LIMITS } from "@/lib/model/runtime";

export const brokerActionParams = z.object({
  id: z
    .string()
    .regex(/^\d{1,6}$/, "broker id must be a whole number")
    .transform(Number),
  action: z.enum(BROKER_ACTIONS, { message: `action must be one of ${BROKER_ACTIONS.join(", ")}` }),
});

const ms = (name: string, l: { min: number; max: number }) =>
  z
    .number({ message: `${name} must be a number of milliseconds` })
    .int(`${name} must be a whole number of milliseconds`)
    .min(l.min, `${name} must be at least ${l.min}`)
    .max(l.max, `${name} must be at most ${l.max}`);

/** POST /api/brokers/N/slow body, and the CLI's --delay-ms/--jitter-ms. */
export const slowBody = z
  .object({ delayMs: ms("delayMs", SLOW_LIMITS.delayMs), jitterMs: ms("jitterMs", SLOW_LIMITS.jitterMs).optional().default(0) })
  .strict();

const intParam = (min: number, max: number, name: string) =>
  z
    .string()
    .regex(/^\d{1,15}$/, `${name} must be a whole number`)
    .transform(Number)
    .pipe(z.number().int().min(min, `${name} must be at least ${min}`).max(max, `${name} must be at most ${max}`));

export const historyQuery = z.object({
  minutes: intParam(1, 60, "minutes").optional().default(15),
});

export const timelineQuery = z.object({
  /** Entries with an id greater than this. */
  since: intParam(0, Number.MAX_SAFE_INTEGER, "since").optional().default(0),
  limit: intParam(1, 1000, "limit").optional().default(200),
});

const stateFilter = z.enum(STATE_FILTERS, { message: `state must be one of ${STATE_FILTERS.join(", ")}` }).optional().default("all");
/** Topic names are Kafka's: letters, digits, . _ - (at most 249). */
const topicName = z.string().regex(/^[A-Za-z0-9._-]{1,249}$/, "topic must be a Kafka topic name (letters, digits, . _ -; at most 249)");

/** GET /api/topics: a page of topic summaries, trouble first. */
export const topicsQuery = z.object({
  q: z.string().max(249, "q must be at most 249 characters").optional(),
  state: stateFilter,
  offset: intParam(0, 1_000_000, "offset").optional().default(0),
  limit: intParam(1, 500, "limit").optional().default(50),
});

/** GET /api/topics/partitions: a page of partitions, worst first; one topic or all. */
export const partitionsQuery = z.object({
  topic: topicName.optional(),
  state: stateFilter,
  offset: intParam(0, 10_000_000, "offset").optional().default(0),
  limit: intParam(1, 1000, "limit").optional().default(100),
});

export const REPORT_EXPORT_FORMATS = ["md", "json"] as const;

/** GET /api/drills/{id}/export?format=md|json: the id from the path, the format from the query. */
export const reportExportParams = z.object({
  id: z.string().regex(CLIENT_REPORT_ID, "not a report id: one looks like drill-20250101T120000123Z"),
  format: z.enum(REPORT_EXPORT_FORMATS, { message: "format must be md (Markdown) or json" }).optional().default("md"),
});

/** Query params as a plain object; a repeated key is an error, not a silent pick. */
export function queryObject(url: string, allowed: readonly string[]): Record<string, string> {
  const params = new URL(url).searchParams;
  const out: Record<string, string> = {};
  for (const [k, v] of params) {
    if (!allowed.includes(k)) throw new z.ZodError([{ code: "custom", path: [k], message: `unknown parameter (allowed: ${allowed.join(", ") || "none"})`, input: v }]);
    if (k in out) throw new z.ZodError([{ code: "custom", path: [k], message: "given more than once", input: v }]);
    out[k] = v;
  }
  return out;
}
