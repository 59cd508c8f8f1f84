// `npm run traffic` flags → the same params the API takes, refused with the same sentences.
import { fail, parseWith, type Parsed } from "@/lib/events/validation";
import { trafficParamsSchema, type TrafficParams } from "./params";

const NUMERIC: Record<string, keyof TrafficParams> = {
  "--rate": "rate",
  "--duration": "durationSec",
  "--max-events": "maxEvents",
  "--failure-rate": "failureRate",
  "--poison-rate": "poisonRate",
  "--max-attempts": "maxAttempts",
  "--backoff-ms": "retryBackoffMs",
};
const KNOWN = [...Object.keys(NUMERIC), "--mix"];

export const TRAFFIC_USAGE =
  "usage: npm run traffic -- --rate <1..20000> --duration <1..3600 s> [--max-events N] [--mix 70,25,5]\n" +
  "         [--failure-rate 0..0.5] [--poison-rate 0..0.1] [--max-attempts 1..10] [--backoff-ms 10..10000]";

/** "70,25,5" → percents of user_action, content_interaction, system_event. */
function parseMix(raw: string): Record<string, unknown> | string {
  const parts = raw.split(",").map((s) => s.trim());
  const nums = parts.map(Number);
  if (parts.length !== 3 || parts.some((p) => p === "") || nums.some((n) => !Number.isFinite(n))) {
    return `--mix expects three numbers, user_action,content_interaction,system_event in percent (got '${raw}')`;
  }
  return { user_action: nums[0], content_interaction: nums[1], system_event: nums[2] };
}

export function parseTrafficCliArgs(argv: readonly string[]): Parsed<TrafficParams> {
  const input: Record<string, unknown> = {};
  const errors: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const [flag = "", inline] = argv[i]!.split("=", 2);
    if (!KNOWN.includes(flag)) {
      errors.push(`unknown argument '${argv[i]}' (known: ${KNOWN.join(", ")})`);
      continue;
    }
    const raw = inline ?? argv[++i];
    if (flag === "--mix") {
      const mix = parseMix(raw ?? "");
      if (typeof mix === "string") errors.push(mix);
      else input.mix = mix;
      continue;
    }
    const n = Number(raw);
    if (raw === undefined || raw.trim() === "" || !Number.isFinite(n)) errors.push(`${flag} expects a number, got '${raw ?? ""}'`);
    else input[NUMERIC[flag]!] = n;
  }
  return errors.length > 0 ? fail(errors) : parseWith(trafficParamsSchema, input, { durationSec: "duration" });
}
