import { describe, expect, it } from "vitest";
import { parseDrillParams, type DrillParams } from "./params";
import { buildDrillReport, type BuildReportInput } from "./report";
import { formatReport } from "./report-text";
import { verifyDrill } from "./verify";

const T0 = Date.UTC(2024, 10, 29, 12, 0, 0);
const s = (sec: number) => T0 + sec * 1000;
const parsed = parseDrillParams({ rate: 1000, durationSec: 30, killAtSec: 10, restartAtSec: 20, broker: 2 });
if (!parsed.ok) throw new Error(parsed.error);
const params: DrillParams = parsed.value;

function input(over: Partial<BuildReportInput> = {}): BuildReportInput {
  const acks = [];
  for (let ms = 0; ms < 30_000; ms += 100) {
    const t = ms / 1000;
    acks.push({ t: T0 + ms, count: t >= 10 && t < 12 ? 0 : 100 });
  }
  const acked = Array.from({ length: 50 }, (_, seq) => ({ producerId: "p1", seq, key: "k" }));
  const consumed = acked.map((a, offset) => ({ partition: 0, offset, record: { ...a, sentAt: T0 } }));
  return {
    id: "2024-11-29T12-00-00Z",
    params,
    targetBrokerId: 2,
    startedAt: T0,
    finishedAt: s(30),
    killedAt: s(10),
    restartedAt: s(20),
    acks,
    errors: [{ t: s(10.5), count: 4 }],
    urp: [{ t: s(5), value: 0 }, { t: s(15), value: 3 }, { t: s(24), value: 0 }],
    partitionAcks: [{ partition: 1, t: s(12.2) }],
    movedPartitions: [1],
    verify: verifyDrill({ acked, consumed }),
    ...over,
  };
}

describe("buildDrillReport", () => {
  it("assembles figures, series, marks and criteria", () => {
    const r = buildDrillReport(input());
    expect(r.version).toBe(2);
    expect(r.series).toHaveLength(30);
    expect(r.marks).toEqual({ killSec: 10, restartSec: 20 });
    expect(r.figures.recoveryMs).toBe(2_900);
    expect(r.figures.firstWriteAfterKillMs).toBe(2_200);
    expect(r.figures.urpClearedAfterRestartMs).toBe(4_000);
    expect(r.criteria.passed).toBe(true);
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });
});

describe("formatReport", () => {
  it("prints a passing drill", () => {
    const text = formatReport(buildDrillReport(input()));
    expect(text).toMatch(/^Black Friday drill 2024-11-29T12-00-00Z: PASSED/);
    expect(text).toContain("broker 2 (kill at 10 s, restart at 20 s)");
    expect(text).toContain("1,000 events/s for 30 s, 200-byte records, topic streamsocial_drill");
    expect(text).toMatch(/baseline\s+1,000 acks\/s/);
    expect(text).toMatch(/degradation\s+20\.0 %/);
    expect(text).toMatch(/first write after kill\s+2\.2 s \(partitions 1\)/);
    expect(text).toMatch(/back to >= 90 % baseline\s+2\.9 s after the kill/);
    expect(text).toMatch(/URP back to 0\s+4\.0 s after the restart/);
    expect(text).toMatch(/missing \(data loss\)\s+0\n/);
    expect(text).toMatch(/PASS zero data loss\s+0 records \(must be 0\)/);
    expect(text).toMatch(/PASS recovery time\s+2.9 s \(must be < 30 s\)/);
    expect(text.trimEnd().endsWith("Result: PASSED")).toBe(true);
  });

  it("prints a failing drill with the loss sample and unmeasured figures", () => {
    const acked = Array.from({ length: 10 }, (_, seq) => ({ producerId: "p1", seq, key: "k" }));
    const verify = verifyDrill({ acked, consumed: [] });
    const r = buildDrillReport(
      input({ verify, acks: [], restartedAt: null, movedPartitions: [], notes: ["restart skipped: drill stopped early"] }),
    );
    const text = formatReport(r);
    expect(r.criteria.passed).toBe(false);
    expect(text).toMatch(/: FAILED/);
    expect(text).toMatch(/missing \(data loss\)\s+10  e\.g\. p1#0, p1#1, p1#2, p1#3, p1#4/);
    expect(text).toMatch(/back to >= 90 % baseline\s+n\/a \(no baseline traffic\)/);
    expect(text).toMatch(/degradation\s+n\/a \(no baseline traffic\)/);
    expect(text).toMatch(/URP back to 0\s+n\/a \(no restart\)/);
    expect(text).toMatch(/first write after kill\s+n\/a \(no partition moved\)/);
    expect(text).toMatch(/FAIL recovery time\s+not measured/);
    expect(text).toContain("  - restart skipped: drill stopped early");
    expect(text.trimEnd().endsWith("Result: FAILED")).toBe(true);
  });

  it("says so when the verifier did not run", () => {
    const text = formatReport(buildDrillReport(input({ verify: null })));
    expect(text).toContain("verifier did not run: data loss is unproven");
    expect(text).toMatch(/FAIL zero data loss\s+not measured/);
  });
});
