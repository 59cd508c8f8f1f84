// Input schemas of the Event flow's API.
import { z } from "zod";

export const FLOW_HISTORY_MAX_SEC = 900;
export const UI_SAMPLES_MAX = 500;
export const UI_LATENCY_MAX_MS = 600_000;

/** GET /api/flow?history=300: chart points of the last N seconds. */
export const flowQuery = z.object({
  history: z
    .string()
    .regex(/^\d{1,4}$/, "history must be a whole number of seconds")
    .transform(Number)
    .pipe(z.number().max(FLOW_HISTORY_MAX_SEC, `history must be at most ${FLOW_HISTORY_MAX_SEC} seconds`))
    .optional()
    .default(300),
});

/** POST /api/flow/ui-latency: what a browser measured, created → rendered, in ms. */
export const uiLatencyBody = z.strictObject({
  samples: z
    .array(
      z
        .number({ error: "each sample must be a number of milliseconds" })
        .refine((v) => Number.isFinite(v) && v >= 0 && v <= UI_LATENCY_MAX_MS, { error: `each sample must be 0..${UI_LATENCY_MAX_MS} ms` }),
      { error: "samples must be an array of milliseconds" },
    )
    .min(1, "samples must not be empty")
    .max(UI_SAMPLES_MAX, `at most ${UI_SAMPLES_MAX} samples per report`),
});
