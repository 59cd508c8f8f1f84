import { describe, expect, it } from "vitest";
import { T0, drillReportFixture, safetyReportFixture, sweepReportFixture, v1DrillReportFixture } from "@/test/fixtures/reports";
import { compareReports } from "./report-compare";
import { CLIENT_REPORT_ID, isReportId } from "./report-id";
import { REPORT_ID_PATTERN, reportIdFor } from "./store";

const line = (c: ReturnType<typeof compareReports>, key: string) => {
  const l = c.figures.find((f) => f.key === key);
  if (!l) throw new Error(`no figure ${key}`);
  return l;
};

describe("compareReports: two drills", () => {
  // A: 6.5 s stall (fails degradation); B: a 3 s stall, a day later, version 1.
  const a = drillReportFixture();
  const b = v1DrillReportFixture({ startedAt: T0 + 86_400_000, stallUntilSec: 13, lost: 2 });
  const c = compareReports(a, b);

  it("lines up the key figures with B − A and which way it went", () => {
    expect(c.sameKind).toBe(true);
    const rec = line(c, "recovery");
    expect([rec.a?.value, rec.b?.value, rec.diff, rec.change]).toEqual([7_400, 3_900, -3_500, "better"]);
    const deg = line(c, "degradation");
    expect(deg.a?.value).toBeCloseTo(65, 6);
    expect(deg.b?.value).toBeCloseTo(30, 6);
    expect(deg.change).toBe("better");
    const lost = line(c, "lost");
    expect([lost.a?.value, lost.b?.value, lost.diff, lost.change]).toEqual([0, 2, 2, "worse"]);
    expect(line(c, "baseline").change).toBe("same");
    expect(line(c, "peakUrp").change).toBeNull(); // no better way for a peak count
  });

  it("keeps Kafka's part and the client's part for the version-2 report only, and says why", () => {
    for (const key of ["kafkaPart", "clientPart", "fenced"]) {
      const l = line(c, key);
      expect(l.b).toBeUndefined();
      expect(l.diff).toBeNull();
    }
    expect(line(c, "kafkaPart").a?.value).toBe(6_100);
    expect(line(c, "clientPart").a?.value).toBe(400);
    // Shared figures come first.
    const firstOnlyA = c.figures.findIndex((f) => !f.b);
    expect(c.figures.slice(0, firstOnlyA).every((f) => f.a && f.b)).toBe(true);
    expect(c.notShared).toContain("Only A measures: first break: fenced; first failover: Kafka's part; first failover: the client's part.");
    expect(c.notShared.some((s) => s.startsWith("B is a version-1 report"))).toBe(true);
  });

  it("lines up parameters and criteria, marking what differs", () => {
    expect(c.params.find((p) => p.key === "rate")).toMatchObject({ a: "1,000 events/s", b: "1,000 events/s", differs: false });
    expect(c.params.find((p) => p.key === "version")).toMatchObject({ a: "2", b: "1", differs: true });
    const deg = c.criteria.find((x) => x.name === "throughput degradation");
    expect([deg?.a?.passed, deg?.b?.passed]).toEqual([false, true]);
    expect(c.criteria.find((x) => x.name === "zero data loss")?.b?.passed).toBe(false);
  });
});

describe("compareReports: different kinds", () => {
  it("a drill and a safety comparison share only what both measure, and say so", () => {
    const c = compareReports(drillReportFixture(), safetyReportFixture());
    expect(c.sameKind).toBe(false);
    const shared = c.figures.filter((f) => f.a && f.b).map((f) => f.key);
    expect(shared).toEqual(["acked", "lost"]);
    expect(line(c, "lost").b).toMatchObject({ value: 0, note: "the safe run" });
    expect(line(c, "recovery").b).toBeUndefined();
    expect(line(c, "safety.unsafe.lost").a).toBeUndefined();
    expect(line(c, "safety.unsafe.lost").b?.value).toBe(3);
    expect(c.notShared[0]).toBe("A is a Black Friday drill, B a safety comparison: they compare on the 2 figures both measure and the parameters both have.");
    expect(c.notShared).toContain("B is a safety comparison: it has no throughput series, recovery or degradation (it writes a fixed batch, not a timed load).");
    expect(c.params.find((p) => p.key === "recordBytes")).toMatchObject({ a: "200 bytes", b: "200 bytes", differs: false });
    expect(c.params.find((p) => p.key === "rate")).toMatchObject({ b: null, differs: true });
    expect(c.criteria.map((x) => [x.name, Boolean(x.a), Boolean(x.b)])).toContainEqual(["the safe settings lose none", false, true]);
  });

  it("two sweeps line up by session timeout", () => {
    const slower = sweepReportFixture();
    slower.points = slower.points.map((p) => ({ ...p, recoveryMs: p.recoveryMs === null ? null : p.recoveryMs + 1_000 }));
    const c = compareReports(sweepReportFixture(), slower);
    expect(line(c, "sweep.6000.recovery")).toMatchObject({ diff: 1_000, change: "worse" });
    expect(c.notShared.filter((s) => s.startsWith("Only"))).toEqual([]);
  });
});

describe("report ids in the browser", () => {
  it("are checked by the same pattern the store uses", () => {
    expect(CLIENT_REPORT_ID.source).toBe(REPORT_ID_PATTERN.source);
    expect(isReportId(reportIdFor(T0))).toBe(true);
    for (const bad of ["../cluster", "drill-1", "drill-20261127T120000000Z/../../x", "", null]) expect(isReportId(bad)).toBe(false);
  });
});
