// The Black Friday drill against the real test cluster: a short drill with a
// hard kill loses nothing and its figures agree with an independent count; a
// deliberately broken producer is caught by the verifier; the API's rules (one
// at a time, validation, cancel restores the broker) hold.
import fs from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { DRILL_TOPIC } from "@/lib/events/topics";
import { parseDrillParams, type DrillParams } from "@/lib/drill/params";
import { DrillRun } from "@/lib/drill/run";
import { DrillService } from "@/lib/drill/service";
import type { StoredDrillReport } from "@/lib/drill/progress";
import { readReport } from "@/lib/drill/store";
import { pollUntil } from "@/lib/util/poll";
import { countRunRecords, drillDeps } from "./drill-helpers";
import { busiestLeader, electPreferredLeaders, partitions, testKafka, testRuntime, waitHealed } from "./helpers";

const params = (input: Record<string, unknown>): DrillParams => {
  const p = parseDrillParams(input);
  if (!p.ok) throw new Error(p.error);
  return p.value;
};

const netSupport = await testRuntime().network.support();
if (!netSupport.ok) console.warn(`[drill] partition drill skipped: ${netSupport.reason}`);
const slowSupport = await testRuntime().network.slowSupport();
if (!slowSupport.ok) console.warn(`[drill] slow drill skipped: ${slowSupport.reason}`);

afterAll(async () => {
  await testRuntime().network.healAll();
  expect(await waitHealed()).toBe(true);
});

describe("drill", () => {
  it("a short drill with a hard kill of the leader-heavy broker loses nothing, and its counts agree with an independent read", async () => {
    const kafka = testKafka("it-drill");
    // "auto" picks the busiest leader at kill time: leadership must hold still until then.
    expect(await waitHealed()).toBe(true);
    await electPreferredLeaders();
    const preferred = await pollUntil(async () => (await partitions(kafka, [DRILL_TOPIC])).every((p) => p.leader === p.replicas[0]), {
      timeoutMs: 30_000,
      intervalMs: 250,
    });
    expect(preferred).toBe(true);
    const expectedTarget = busiestLeader(await partitions(kafka, [DRILL_TOPIC]));
    const run = new DrillRun(drillDeps(true), {
      params: params({ rate: 2000, durationSec: 20, killAtSec: 7, restartAtSec: 14, broker: "auto", mode: "kill" }),
    });
    const { report, path } = await run.run();
    console.log(report.figures, report.verify && { ...report.verify, missing: report.verify.missing.count });

    expect(JSON.parse(fs.readFileSync(path, "utf8")).id).toBe(report.id);
    expect(report.targetBrokerId).toBe(expectedTarget);
    expect(report.killedAt).not.toBeNull();
    expect(report.restartedAt).not.toBeNull();
    expect(report.movedPartitions.length).toBeGreaterThan(0);
    const v = report.verify!;
    expect(v).not.toBeNull();
    expect(v.missing.count).toBe(0);
    expect(v.duplicates.count).toBe(0);
    expect(v.outOfOrder.count).toBe(0);
    expect(v.undecodable).toBe(0);
    expect(report.criteria.checks.find((c) => c.name === "zero data loss")?.passed).toBe(true);
    expect(report.figures.recoveryMs).not.toBeNull();
    expect(report.figures.recoveryMs!).toBeLessThan(30_000);
    // Every scheduled record was acknowledged (the drain rode out the outage).
    expect(report.figures.totalAcks).toBe(v.acked);
    expect(v.acked).toBe(report.counts.generated);
    expect(report.counts.generated + report.counts.skipped).toBeGreaterThanOrEqual(2000 * 20 - 2);

    const independent = await countRunRecords(kafka, DRILL_TOPIC, report.producerIds, v.found + v.unackedPresent);
    expect(independent.distinct).toBe(v.found + v.unackedPresent);
    expect(independent.total).toBe(independent.distinct); // no copies in the log
    expect(independent.distinct).toBeGreaterThanOrEqual(v.acked);
    expect(await waitHealed()).toBe(true);
  });

  it.skipIf(!netSupport.ok)("a drill that partitions the leader-heavy broker at 10,000 events/s loses nothing, heals it, and reports its recovery", async () => {
    const kafka = testKafka("it-drill-partition");
    expect(await waitHealed()).toBe(true);
    const run = new DrillRun(drillDeps(true), {
      params: params({ rate: 10_000, durationSec: 24, killAtSec: 6, restartAtSec: 16, broker: "auto", mode: "partition" }),
    });
    const { report } = await run.run();
    const v = report.verify!;
    console.log(`partition drill: ${v.acked} acked, ${v.found} found, recovery ${report.figures.recoveryMs} ms`);
    expect(report.killedAt).not.toBeNull();
    expect(report.restartedAt).not.toBeNull();
    expect(v.missing.count).toBe(0);
    expect(v.duplicates.count).toBe(0);
    expect(v.acked).toBeGreaterThan(200_000);
    expect(report.criteria.checks.find((c) => c.name === "zero data loss")?.passed).toBe(true);
    expect(report.figures.recoveryMs).not.toBeNull();
    // Healed: no fault left on any broker.
    expect((await testRuntime().list()).flatMap((p) => p.faults ?? [])).toEqual([]);
    const independent = await countRunRecords(kafka, DRILL_TOPIC, report.producerIds, v.found + v.unackedPresent);
    expect(independent.distinct).toBeGreaterThanOrEqual(v.acked);
    expect(await waitHealed()).toBe(true);
  });

  it.skipIf(!slowSupport.ok)("a drill that slows the leader-heavy broker by 200 ms loses nothing and heals it", async () => {
    expect(await waitHealed()).toBe(true);
    const run = new DrillRun(drillDeps(true), {
      params: params({ rate: 2_000, durationSec: 16, killAtSec: 4, restartAtSec: 10, broker: "auto", mode: "slow", delayMs: 200 }),
    });
    const { report } = await run.run();
    const v = report.verify!;
    console.log(`slow drill: ${v.acked} acked, ${v.found} found, recovery ${report.figures.recoveryMs} ms`);
    expect(report.killedAt).not.toBeNull();
    expect(report.restartedAt).not.toBeNull();
    expect(v.missing.count).toBe(0);
    expect(v.acked).toBeGreaterThan(20_000);
    expect(report.criteria.checks.find((c) => c.name === "zero data loss")?.passed).toBe(true);
    expect((await testRuntime().list()).flatMap((p) => p.faults ?? [])).toEqual([]);
    expect(await waitHealed()).toBe(true);
  });

  it("catches deliberately broken delivery on real data: duplicates and acknowledged-but-never-written records", async () => {
    const run = new DrillRun(drillDeps(), {
      params: params({ rate: 1000, durationSec: 8, killAtSec: 3, restartAtSec: 5, broker: "auto", mode: "pause" }),
      testOnly: { sabotage: { duplicateEvery: 7, skipEvery: 500 } },
    });
    const { report } = await run.run();
    const v = report.verify!;
    expect(report.sabotage!.liesTold).toBeGreaterThan(0);
    expect(report.sabotage!.duplicatesSent).toBeGreaterThan(0);
    expect(v.missing.count).toBe(report.sabotage!.liesTold);
    expect(v.duplicates.count).toBe(report.sabotage!.duplicatesSent);
    expect(v.lossFree).toBe(false);
    expect(report.criteria.passed).toBe(false);
    expect(report.criteria.checks.find((c) => c.name === "zero data loss")?.passed).toBe(false);
    expect(await waitHealed()).toBe(true);
  });

  it("an idempotence-off, acks=0 producer across a leader kill: the verifier's books balance against the log", async () => {
    const kafka = testKafka("it-drill-unsafe");
    const run = new DrillRun(drillDeps(), {
      params: params({ rate: 2000, durationSec: 12, killAtSec: 4, restartAtSec: 10, broker: "auto", mode: "kill" }),
      testOnly: { unsafe: { acks: 0, idempotent: false } },
    });
    const { report } = await run.run();
    const v = report.verify!;
    console.log(`acks=0 across a kill: ${v.acked} acked, ${v.missing.count} missing, ${v.duplicates.count} duplicates`);
    // Whatever was lost, found + missing accounts for every acknowledged record.
    expect(v.found + v.missing.count).toBe(v.acked);
    const independent = await countRunRecords(kafka, DRILL_TOPIC, report.producerIds, v.found + v.unackedPresent);
    expect(independent.distinct).toBe(v.found + v.unackedPresent);
    expect(independent.total - independent.distinct).toBe(v.duplicates.count);
    expect(await waitHealed()).toBe(true);
  });
});

describe("drill service (what the API routes call)", () => {
  const deps = drillDeps();
  const service = () =>
    new DrillService({ runtimeKind: "local", brokerIds: deps.brokerIds, bootstrap: deps.bootstrap, act: deps.act, reportsDir: deps.reportsDir });
  const refusal = (fn: () => unknown) => {
    try {
      fn();
    } catch (err) {
      return err as { status: number; code: string; message: string };
    }
    throw new Error("expected a refusal");
  };

  it("refuses bad parameters with 422 and a clear message, starting nothing", () => {
    const s = service();
    const before = s.list().reports.length;
    const bad = refusal(() => s.start({ rate: 0, killAtSec: 70, durationSec: 60 }));
    expect(bad.status).toBe(422);
    expect(bad.code).toBe("invalid_params");
    expect(bad.message).toContain("rate must be a whole number from 1 to 50000 events/s (got 0)");
    expect(bad.message).toContain("kill-at (70 s) must be before the end of the drill (60 s)");
    expect(refusal(() => s.start({ nope: 1 })).status).toBe(422);
    const unknown = refusal(() => s.start({ broker: 9 }));
    expect([unknown.status, unknown.message]).toEqual([422, "broker 9 is not one of this cluster's brokers (1, 2, 3)"]);
    const readOnly = new DrillService({ ...deps, runtimeKind: "none" });
    expect(refusal(() => readOnly.start({})).code).toBe("read_only");
    expect(s.list().running).toBeNull();
    expect(s.list().reports.length).toBe(before);
    expect(refusal(() => s.cancel()).status).toBe(404);
    expect(refusal(() => s.get("../../etc/passwd")).status).toBe(422);
    expect(refusal(() => s.get("drill-20000101T000000000Z")).status).toBe(404);
  });

  it("runs one drill at a time (409), and a cancel brings the killed broker back", async () => {
    const s = service();
    const started = s.start({ rate: 300, durationSec: 60, killAtSec: 3, restartAtSec: 50, mode: "kill" });
    expect(["starting", "running"]).toContain(started.phase);
    const second = refusal(() => s.start({ rate: 100, durationSec: 10, killAtSec: 5 }));
    expect([second.status, second.code]).toEqual([409, "drill_running"]);
    // A second service on the same data dir (another process, say) is refused by the lock.
    const other = refusal(() => service().start({ rate: 100, durationSec: 10, killAtSec: 5 }));
    expect([other.status, other.code]).toEqual([409, "drill_running"]);

    expect(await pollUntil(() => s.list().running?.killedAt != null, { timeoutMs: 30_000, intervalMs: 200 })).toBe(true);
    const victim = s.list().running!.targetBrokerId!;
    expect((await testRuntime().list()).find((p) => p.id === victim)?.status).toBe("exited");
    expect(s.list().running!.acked).toBeGreaterThan(0);
    expect(s.cancel().id).toBe(started.id);
    const outcome = await s.settled();
    const report = outcome?.report as StoredDrillReport | undefined;
    expect(report?.cancelled).toBe(true);
    expect(report?.restartedAt).not.toBeNull();
    // The cancel's restore is a step of its own in the report.
    expect(report?.steps?.at(-1)).toMatchObject({ kind: "restore", action: "start", brokerId: victim, error: null });
    expect((await testRuntime().list()).find((p) => p.id === victim)?.status).toBe("running");
    expect(s.list().running).toBeNull();
    expect(s.list().last?.phase).toBe("cancelled");
    expect(s.list().reports[0]?.id).toBe(started.id);
    expect((s.get(started.id) as { id: string }).id).toBe(started.id);
    expect((readReport(deps.reportsDir, started.id) as StoredDrillReport | null)?.cancelled).toBe(true);
    expect(await waitHealed()).toBe(true);
  });
});
