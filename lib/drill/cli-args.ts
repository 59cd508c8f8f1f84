// `--rate 10000 --duration 60 --kill-at 20 ...` → validated DrillParams. Typing
// mistakes on the command line get the same clear sentences as the API.
import { fail, type Parsed } from "@/lib/events/validation";
import { parseDrillParams, type DrillParams } from "./params";
import { sweepValueIssues } from "./sweep-values";

type Field = keyof DrillParams;

/** Flag → parameter and how its text becomes a value. */
const FLAGS: Record<string, { field: Field; kind: "number" | "string" | "broker" }> = {
  "--rate": { field: "rate", kind: "number" },
  "--duration": { field: "durationSec", kind: "number" },
  "--record-bytes": { field: "recordBytes", kind: "number" },
  "--kill-at": { field: "killAtSec", kind: "number" },
  "--restart-at": { field: "restartAtSec", kind: "number" },
  "--broker": { field: "broker", kind: "broker" },
  "--mode": { field: "mode", kind: "string" },
  "--topic": { field: "topic", kind: "string" },
  "--delay-ms": { field: "delayMs", kind: "number" },
  "--scenario": { field: "scenario", kind: "string" },
  "--second-at": { field: "secondAtSec", kind: "number" },
};

export const DRILL_CLI_USAGE = [
  "--sweep-session-timeout <ms,ms,...>   restart the local cluster with each broker.session.timeout.ms and run",
  "                         the same hard-kill drill on each (defaults then: --duration 30 --kill-at 8 --restart-at 20)",
  "--scenario <single|controller-failover|rolling-restart|cascade|safety>   what to do (default single;",
  "                         safety: the unsafe vs safe settings comparison on scratch topics)",
  "--rate <events/s>        1..50000 (default 10000)",
  "--duration <s>           5..600 (default 60)",
  "--record-bytes <bytes>   64..10000 (default 200)",
  "--kill-at <s>            when to break the broker (rolling-restart: the first restart), before the end (default 20)",
  "--restart-at <s>         when to bring it back, after kill-at (default: never)",
  "--broker <id|auto|controller>   which broker (default auto)",
  "--mode <kill|stop|pause|partition|isolate|slow> how to break it (default kill; restart-at heals a network fault)",
  "--delay-ms <ms>          slow only: the added delay, 1..10000 (default 200)",
  "--second-at <s>          cascade only: when the second broker breaks (default: halfway to restart-at)",
  "--topic <name>           default streamsocial_drill",
].join("\n");

function toValue(flag: string, kind: "number" | "string" | "broker", raw: string): { value: unknown } | { error: string } {
  if (kind === "string") return { value: raw };
  if (kind === "broker" && !/^[+-]?\d/.test(raw)) return { value: raw };
  const n = Number(raw);
  if (raw.trim() === "" || !Number.isFinite(n)) return { error: `${flag} expects a number, got '${raw}'` };
  return { value: n };
}

/** argv without the node/script names. Accepts `--flag value` and `--flag=value`. */
export function parseDrillCliArgs(argv: readonly string[]): Parsed<DrillParams> {
  const input: Record<string, unknown> = {};
  const errors: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith("--")) {
      errors.push(`unexpected argument '${arg}' (flags look like --rate 10000)`);
      continue;
    }
    const eq = arg.indexOf("=");
    const flag = eq === -1 ? arg : arg.slice(0, eq);
    const spec = FLAGS[flag];
    if (!spec) {
      errors.push(`unknown flag ${flag} (known: ${Object.keys(FLAGS).join(", ")})`);
      if (eq === -1 && argv[i + 1] !== undefined && !argv[i + 1]!.startsWith("--")) i++; // skip its value
      continue;
    }
    let raw: string | undefined;
    if (eq !== -1) raw = arg.slice(eq + 1);
    else if (argv[i + 1] !== undefined && !argv[i + 1]!.startsWith("--")) raw = argv[++i];
    if (raw === undefined || raw === "") {
      errors.push(`${flag} needs a value`);
      continue;
    }
    if (spec.field in input) {
      errors.push(`${flag} is given more than once`);
      continue;
    }
    const parsed = toValue(flag, spec.kind, raw);
    if ("error" in parsed) errors.push(parsed.error);
    else input[spec.field] = parsed.value;
  }
  return errors.length > 0 ? fail(errors) : parseDrillParams(input);
}

/** Takes `--sweep-session-timeout 3000,6000,9000` out of argv; the rest are drill flags. */
export function splitSweepArgs(argv: readonly string[]): Parsed<{ sweep: number[] | null; rest: string[] }> {
  const rest: string[] = [];
  let sweep: number[] | null = null;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const flag = "--sweep-session-timeout";
    if (arg !== flag && !arg.startsWith(`${flag}=`)) {
      rest.push(arg);
      continue;
    }
    const raw = arg.includes("=") ? arg.slice(arg.indexOf("=") + 1) : argv[++i];
    if (raw === undefined || raw === "") return fail([`${flag} needs a list of ms, e.g. 3000,6000,9000`]);
    const parts = raw.split(",").map((v) => v.trim());
    const notNumbers = parts.filter((v) => !/^\d+$/.test(v));
    if (notNumbers.length > 0) return fail(notNumbers.map((v) => `${flag}: '${v}' is not a whole number of ms`));
    const values = parts.map(Number);
    const issues = sweepValueIssues(values);
    if (issues.length > 0) return fail(issues.map((x) => `${flag}: ${x}`));
    sweep = values;
  }
  return { ok: true, value: { sweep, rest } };
}
