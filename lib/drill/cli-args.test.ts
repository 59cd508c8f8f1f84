import { describe, expect, it } from "vitest";
import { DRILL_TOPIC } from "@/lib/events/topics";
import { parseDrillCliArgs, splitSweepArgs } from "./cli-args";

const args = (s: string) => s.split(" ").filter(Boolean);
function refusal(argv: string[]): string {
  const r = parseDrillCliArgs(argv);
  if (r.ok) throw new Error(`expected a refusal for ${argv.join(" ")}`);
  return r.error;
}

describe("parseDrillCliArgs", () => {
  it("parses the documented example", () => {
    const r = parseDrillCliArgs(args("--rate 10000 --duration 60 --kill-at 20 --restart-at 40 --broker auto --mode kill --record-bytes 200"));
    expect(r).toEqual({
      ok: true,
      value: { rate: 10_000, durationSec: 60, killAtSec: 20, restartAtSec: 40, broker: "auto", scenario: "single", mode: "kill", recordBytes: 200, topic: DRILL_TOPIC },
    });
  });

  it("takes a scenario and cascade's second break", () => {
    const r = parseDrillCliArgs(args("--scenario cascade --kill-at 10 --second-at 15 --restart-at 30"));
    expect(r.ok && r.value).toMatchObject({ scenario: "cascade", killAtSec: 10, secondAtSec: 15, restartAtSec: 30 });
    expect(refusal(args("--scenario nope"))).toBe("scenario must be one of single | controller-failover | rolling-restart | cascade | safety");
  });

  it("takes --flag=value, broker ids and controller", () => {
    const r = parseDrillCliArgs(["--rate=500", "--broker=2", "--topic", "t1"]);
    expect(r.ok && r.value).toMatchObject({ rate: 500, broker: 2, topic: "t1" });
    const c = parseDrillCliArgs(["--broker", "controller", "--mode", "pause"]);
    expect(c.ok && c.value).toMatchObject({ broker: "controller", mode: "pause" });
  });

  it("uses the defaults with no flags", () => {
    expect(parseDrillCliArgs([]).ok).toBe(true);
  });

  it("refuses unknown flags, naming the known ones", () => {
    expect(refusal(args("--speed 5"))).toMatch(/^unknown flag --speed \(known: --rate, --duration/);
  });

  it("refuses a flag without a value", () => {
    expect(refusal(args("--rate"))).toBe("--rate needs a value");
    expect(refusal(args("--rate --duration 60"))).toBe("--rate needs a value");
    expect(refusal(["--rate="])).toBe("--rate needs a value");
  });

  it("refuses non-numbers and stray arguments", () => {
    expect(refusal(args("--rate fast"))).toBe("--rate expects a number, got 'fast'");
    expect(refusal(args("--kill-at 2x"))).toBe("--kill-at expects a number, got '2x'");
    expect(refusal(args("--broker 2x"))).toBe("--broker expects a number, got '2x'");
    expect(refusal(args("10000"))).toMatch(/^unexpected argument '10000'/);
    expect(refusal(args("--rate 1 --rate 2"))).toBe("--rate is given more than once");
  });

  it("reports every command-line mistake at once", () => {
    const r = parseDrillCliArgs(args("--rate x --nope 1 --duration"));
    expect(r.ok === false && r.issues).toHaveLength(3);
  });

  it("applies the same rules as the API", () => {
    expect(refusal(args("--duration 60 --kill-at 70"))).toBe("kill-at (70 s) must be before the end of the drill (60 s)");
    expect(refusal(args("--rate 60000"))).toBe("rate must be a whole number from 1 to 50000 events/s (got 60000)");
    expect(refusal(args("--broker 0"))).toMatch(/^broker must be auto, controller or a broker id/);
  });
});

describe("splitSweepArgs", () => {
  it("takes the sweep's values out and leaves the drill flags", () => {
    expect(splitSweepArgs(args("--sweep-session-timeout 3000,6000,9000 --rate 5000"))).toEqual({ ok: true, value: { sweep: [3000, 6000, 9000], rest: ["--rate", "5000"] } });
    expect(splitSweepArgs(args("--rate 5000"))).toEqual({ ok: true, value: { sweep: null, rest: ["--rate", "5000"] } });
  });

  it("refuses values the cluster cannot take, naming each", () => {
    const r = splitSweepArgs(["--sweep-session-timeout=1000,6000,6000"]);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.issues).toEqual([
      "--sweep-session-timeout: session timeout 1000 must be a whole number of ms from 2000 to 60000",
      "--sweep-session-timeout: each value once",
    ]);
    expect(splitSweepArgs(["--sweep-session-timeout", "6000,x"])).toMatchObject({ ok: false, error: "--sweep-session-timeout: 'x' is not a whole number of ms" });
    expect(splitSweepArgs(["--sweep-session-timeout"]).ok).toBe(false);
  });
});
