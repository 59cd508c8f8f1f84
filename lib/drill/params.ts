// The drill's parameters, one schema for the API, the drill form and the CLI,
// with a sentence for every refusal so the operator knows exactly what to fix.
import { z } from "zod";
import { DRILL_TOPIC } from "@/lib/events/topics";
import { parseWith, type Parsed } from "@/lib/events/validation";
import { SLOW_LIMITS } from "@/lib/model/runtime";

export const DRILL_LIMITS = {
  rate: { min: 1, max: 50_000 },
  durationSec: { min: 5, max: 600 },
  recordBytes: { min: 64, max: 10_000 },
} as const;

/** Seconds at the start whose throughput is not yet representative (connections, metadata). */
export const WARMUP_SEC = 2;
/** The kill must leave at least one second of baseline after the warm-up. */
export const MIN_KILL_AT_SEC = WARMUP_SEC + 1;

/** partition / isolate / slow: network faults (the local runtime as root); the "restart" heals them. */
export const DRILL_MODES = ["kill", "stop", "pause", "partition", "isolate", "slow"] as const;
/** slow's delay when none is given. */
export const DEFAULT_SLOW_DELAY_MS = 200;
/**
 * What the drill does to the cluster under load:
 * single: break one broker (mode) at kill-at, bring it back at restart-at;
 * controller-failover: the same to the active KRaft controller;
 * rolling-restart: restart every broker in turn (graceful stop, start), each once the
 *   previous is back in every ISR — the zero-downtime upgrade; starts at kill-at;
 * cascade: break one broker at kill-at and a second at second-at while the first is
 *   still down (on 3 nodes: quorum and min ISR lost), both back at restart-at;
 * safety: the safety comparison (lib/drill/safety.ts) — its own fault sequence on two
 *   scratch topics, unsafe and safe settings; rate, duration and the times do not apply.
 */
export const DRILL_SCENARIOS = ["single", "controller-failover", "rolling-restart", "cascade", "safety"] as const;
export type DrillScenario = (typeof DRILL_SCENARIOS)[number];

/** "auto": a broker that leads partitions of the drill topic; "controller": the active KRaft controller. */
export type DrillBroker = "auto" | "controller" | number;

/** The names the operator sees (CLI flags, form labels), used in every message. */
export const DRILL_PARAM_LABELS: Record<string, string> = {
  rate: "rate",
  durationSec: "duration",
  recordBytes: "record-bytes",
  broker: "broker",
  mode: "mode",
  killAtSec: "kill-at",
  restartAtSec: "restart-at",
  topic: "topic",
  delayMs: "delay-ms",
  scenario: "scenario",
  secondAtSec: "second-at",
};

const wholeIn = (label: string, unit: string, min: number, max: number) =>
  z.number({ error: `${label} must be a number` }).refine((v) => Number.isInteger(v) && v >= min && v <= max, {
    error: (iss) => `${label} must be a whole number from ${min} to ${max}${unit} (got ${String(iss.input)})`,
  });

const inRange = (v: unknown, min: number, max: number): v is number =>
  typeof v === "number" && Number.isInteger(v) && v >= min && v <= max;

export const drillParamsSchema = z
  .strictObject({
    rate: wholeIn("rate", " events/s", DRILL_LIMITS.rate.min, DRILL_LIMITS.rate.max).default(10_000),
    durationSec: wholeIn("duration", " s", DRILL_LIMITS.durationSec.min, DRILL_LIMITS.durationSec.max).default(60),
    recordBytes: wholeIn("record-bytes", " bytes", DRILL_LIMITS.recordBytes.min, DRILL_LIMITS.recordBytes.max).default(200),
    // One custom check rather than a union, so any bad value gets the one sentence listing all forms.
    broker: z
      .custom<DrillBroker>((v) => v === "auto" || v === "controller" || (Number.isInteger(v) && (v as number) >= 1), {
        error: (iss) => `broker must be auto, controller or a broker id (a whole number >= 1), not ${JSON.stringify(iss.input)}`,
      })
      .default("auto"),
    scenario: z.enum(DRILL_SCENARIOS, { error: `scenario must be one of ${DRILL_SCENARIOS.join(" | ")}` }).default("single"),
    mode: z.enum(DRILL_MODES, { error: `mode must be one of ${DRILL_MODES.join(" | ")}` }).default("kill"),
    killAtSec: wholeIn("kill-at", " s", MIN_KILL_AT_SEC, DRILL_LIMITS.durationSec.max).default(20),
    restartAtSec: wholeIn("restart-at", " s", 1, DRILL_LIMITS.durationSec.max).optional(),
    /** cascade only: when the second broker breaks (default: halfway between kill-at and restart-at). */
    secondAtSec: wholeIn("second-at", " s", MIN_KILL_AT_SEC + 1, DRILL_LIMITS.durationSec.max).optional(),
    topic: z
      .string()
      .regex(/^[A-Za-z0-9._-]{1,249}$/, "topic must be 1-249 characters of A-Z a-z 0-9 . _ -")
      .default(DRILL_TOPIC),
    /** slow only: what every answer of the broker waits (default 200 ms). */
    delayMs: wholeIn("delay-ms", " ms", SLOW_LIMITS.delayMs.min, SLOW_LIMITS.delayMs.max).optional(),
  })
  .superRefine((p, ctx) => {
    // Order checks only between values that are themselves valid, so one mistake gives one message.
    const { min, max } = DRILL_LIMITS.durationSec;
    const duration = inRange(p.durationSec, min, max) ? p.durationSec : undefined;
    const killAt = inRange(p.killAtSec, MIN_KILL_AT_SEC, max) ? p.killAtSec : undefined;
    const restartAt = inRange(p.restartAtSec, 1, max) ? p.restartAtSec : undefined;
    if (p.delayMs !== undefined && p.mode !== "slow") {
      ctx.addIssue({ code: "custom", path: ["delayMs"], message: `delay-ms is for --mode slow only (mode is ${p.mode})` });
    }
    if (killAt !== undefined && duration !== undefined && killAt >= duration) {
      ctx.addIssue({
        code: "custom",
        path: ["killAtSec"],
        message: `kill-at (${killAt} s) must be before the end of the drill (${duration} s)`,
      });
    }
    const second = inRange(p.secondAtSec, MIN_KILL_AT_SEC + 1, max) ? p.secondAtSec : undefined;
    scenarioIssues(p, { killAt, restartAt, second }).forEach(([path, message]) => ctx.addIssue({ code: "custom", path: [path], message }));
    if (restartAt === undefined) return;
    if (killAt !== undefined && restartAt <= killAt) {
      ctx.addIssue({
        code: "custom",
        path: ["restartAtSec"],
        message: `restart-at (${restartAt} s) must be after kill-at (${killAt} s)`,
      });
    }
    if (duration !== undefined && restartAt > duration) {
      ctx.addIssue({
        code: "custom",
        path: ["restartAtSec"],
        message: `restart-at (${restartAt} s) must be no later than the end of the drill (${duration} s)`,
      });
    }
  });

/** What each scenario accepts beyond the common fields, as [field, sentence] refusals. */
function scenarioIssues(
  p: { scenario: DrillScenario; broker: DrillBroker; mode: DrillMode; restartAtSec?: number; secondAtSec?: number },

  t: { killAt?: number; restartAt?: number; second?: number },
): [string, string][] {
  const out: [string, string][] = [];
  if (p.secondAtSec !== undefined && p.scenario !== "cascade") out.push(["secondAtSec", `second-at is for --scenario cascade only (scenario is ${p.scenario})`]);
  if (p.scenario === "controller-failover" && typeof p.broker === "number") {
    out.push(["broker", `broker ${p.broker} does not apply to controller-failover: it breaks the active controller (leave broker out)`]);
  }
  if (p.scenario === "rolling-restart") {
    if (p.mode !== "kill" && p.mode !== "stop") out.push(["mode", `mode ${p.mode} does not apply to rolling-restart: each broker is restarted gracefully`]);
    if (p.restartAtSec !== undefined) out.push(["restartAtSec", "restart-at does not apply to rolling-restart: each broker is restarted at once (stop, start)"]);
    if (p.broker !== "auto") out.push(["broker", "broker does not apply to rolling-restart: it restarts every broker (leave broker out)"]);
  }
  if (p.scenario === "safety") {
    if (p.broker !== "auto") out.push(["broker", "broker does not apply to safety: it picks a leader that is not the controller and its two followers"]);
    if (p.mode !== "kill") out.push(["mode", `mode ${p.mode} does not apply to safety: its sequence freezes the followers and kills the leader`]);
    if (p.restartAtSec !== undefined) out.push(["restartAtSec", "restart-at does not apply to safety: every broker is brought back after each run"]);
  }
  if (p.scenario === "cascade") {
    if (p.restartAtSec === undefined) out.push(["restartAtSec", "restart-at is needed by cascade: both brokers come back then"]);
    const second = t.second;
    if (second !== undefined && t.killAt !== undefined && second <= t.killAt) out.push(["secondAtSec", `second-at (${second} s) must be after kill-at (${t.killAt} s)`]);
    if (second !== undefined && t.restartAt !== undefined && second >= t.restartAt) out.push(["secondAtSec", `second-at (${second} s) must be before restart-at (${t.restartAt} s): the first broker is still down then`]);
    if (second === undefined && t.killAt !== undefined && t.restartAt !== undefined && t.restartAt - t.killAt < 2) {
      out.push(["restartAtSec", `restart-at must be at least 2 s after kill-at for cascade: the second break comes between them`]);
    }
  }
  return out;
}

/** cascade's second break: second-at, or halfway between kill-at and restart-at. */
export function secondAtOf(p: Pick<DrillParams, "killAtSec" | "restartAtSec" | "secondAtSec">): number {
  return p.secondAtSec ?? Math.floor((p.killAtSec + (p.restartAtSec ?? p.killAtSec + 2)) / 2);
}

export type DrillParams = z.output<typeof drillParamsSchema>;
export type DrillParamsInput = z.input<typeof drillParamsSchema>;
export type DrillMode = DrillParams["mode"];

/** Validates a JSON body or form values; omitted fields take the lesson's defaults. */
export function parseDrillParams(input: unknown): Parsed<DrillParams> {
  return parseWith(drillParamsSchema, input, DRILL_PARAM_LABELS);
}
