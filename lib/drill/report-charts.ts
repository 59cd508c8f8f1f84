// The kept report's charts as SVG: a drill's throughput and URP with its step
// marks on a seconds-since-start axis, and a sweep's recovery against the
// session timeout. Pure; report-svg.ts draws them.
import type { StoredDrillReport } from "./progress";
import { lineChartSvg, type SvgMark, type SvgPoint } from "./report-svg";
import type { SweepPoint, SweepReport } from "./sweep-report";

type DrillLike = Pick<StoredDrillReport, "series" | "marks" | "params" | "targetBrokerId">;

/** What happened when, as chart marks: each step of a v2 report, else the kill and the restart. */
export function drillMarks(r: DrillLike): SvgMark[] {
  const steps = r.marks.steps ?? [];
  if (steps.length > 0) return steps.map((s) => ({ x: s.sec, label: s.label }));
  const who = r.targetBrokerId === null ? "" : ` ${r.targetBrokerId}`;
  return [
    ...(r.marks.killSec !== null ? [{ x: r.marks.killSec, label: `${r.params.mode}${who}` }] : []),
    ...(r.marks.restartSec !== null ? [{ x: r.marks.restartSec, label: `back${who}` }] : []),
  ];
}

const seconds = (n: number) => `${+n.toFixed(1)} s`;

/** Seconds the drill's series covers (one point per second). */
export const drillSpanSec = (r: Pick<StoredDrillReport, "series">) => Math.max(1, r.series.length);

export function throughputSvg(r: DrillLike, xDomain: readonly [number, number] = [0, drillSpanSec(r)]): string {
  return lineChartSvg({
    title: "Acknowledged events per second",
    xLabel: "seconds since the start",
    yLabel: "acks/s",
    series: [{ label: "acks/s", color: "#0369a1", points: r.series.map((p) => [p.t, p.acks]) }],
    marks: drillMarks(r),
    xDomain,
    formatX: seconds,
  });
}

export function urpSvg(r: DrillLike, xDomain: readonly [number, number] = [0, drillSpanSec(r)]): string {
  return lineChartSvg({
    title: "Under-replicated partitions",
    xLabel: "seconds since the start",
    yLabel: "URP",
    integerY: true,
    series: [{ label: "URP", color: "#b45309", step: true, points: r.series.map((p) => [p.t, p.urp]) }],
    marks: drillMarks(r),
    xDomain,
    formatX: seconds,
  });
}

/** Recovery (and Kafka's part of it) against broker.session.timeout.ms, one point per value. */
export function sweepSvg(r: SweepReport): string {
  const pts = [...r.points].sort((a, b) => a.sessionTimeoutMs - b.sessionTimeoutMs);
  const at = (pick: (p: SweepPoint) => number | null) =>
    pts.map((p): SvgPoint => {
      const v = pick(p);
      return [p.sessionTimeoutMs / 1000, v === null ? null : v / 1000];
    });
  const xs = pts.map((p) => p.sessionTimeoutMs / 1000);
  return lineChartSvg({
    title: "Recovery against broker.session.timeout.ms",
    xLabel: "broker.session.timeout.ms (s)",
    yLabel: "seconds after the kill",
    series: [
      { label: "fenced", color: "#7e22ce", points: at((p) => p.fencedMs) },
      { label: "new leader (Kafka's part)", color: "#b45309", points: at((p) => p.kafkaPartMs) },
      { label: "recovery (≥ 90 % of baseline)", color: "#0369a1", points: at((p) => p.recoveryMs) },
    ],
    xDomain: [0, Math.max(1, ...xs)],
    formatX: seconds,
    formatY: seconds,
  });
}
