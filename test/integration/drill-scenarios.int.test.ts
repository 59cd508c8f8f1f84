// The drill's scenarios on the real test cluster, each checked against evidence
// of the test's own: its own metadata samples (who leads, who is in sync), its
// own writes and consumers, the brokers' own logs and configuration.
import fs from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { DRILL_TOPIC, STREAMSOCIAL_TOPICS } from "@/lib/events/topics";
import { kafkaClient } from "@/lib/kafka/client";
import { ClusterView } from "@/lib/kafka/cluster-view";
import { parseDrillParams, type DrillParams } from "@/lib/drill/params";
import { decodeDrillRecord } from "@/lib/drill/record";
import { DrillRun } from "@/lib/drill/run";
import { SafetyComparison } from "@/lib/drill/safety";
import type { SafetyRun } from "@/lib/drill/safety-report";
import { localLayout } from "@/lib/runtime/local-layout";
import { pollUntil, sleep } from "@/lib/util/poll";
import { countRunRecords, drillDeps } from "./drill-helpers";
import { electPreferredLeaders, partitions, testConfig, testKafka, testRuntime, waitHealed } from "./helpers";

const params = (input: Record<string, unknown>): DrillParams => {
  const p = parseDrillParams(input);
  if (!p.ok) throw new Error(p.error);
  return p.value;
};

afterAll(async () => {
  expect(await waitHealed()).toBe(true);
});

/** The active controller, from DescribeQuorum (setup, not evidence). */
async function activeController(): Promise<number | null> {
  const view = new ClusterView(testRuntime().bootstrap, "it-scenarios");
  try {
    return await view.controllerId();
  } finally {
    view.close();
  }
}

/**
 * The test's own look at the drill topic, asked of each broker other than `frozen`
 * every 250 ms on a loop of its own (a kafkajs admin bootstrapped on that broker asks
 * it for metadata), each answer stamped when it arrived: when each partition's leader
 * changed in that broker's view. Loops of their own, so one slow answer leaves the
 * other broker's timeline as sharp as it was.
 */
function watchLeaders(topic: string, frozen: number) {
  const runtime = testRuntime();
  /** `t`: the sample that showed the new leader; `prevT`: the one before it, which still showed the old. */
  const moves: { broker: number; t: number; prevT: number; partition: number; to: number }[] = [];
  let on = true;
  const loops = runtime.brokerIds
    .filter((id) => id !== frozen)
    .map(async (broker) => {
      const client = kafkaClient({ bootstrap: [runtime.bootstrap[runtime.brokerIds.indexOf(broker)]!], clientId: "it-scenarios-leaders", timeoutMs: 1000, retries: 0 }).admin();
      await client.connect();
      let last = new Map<number, number>();
      let lastT = 0;
      while (on) {
        try {
          const md = await client.fetchTopicMetadata({ topics: [topic] });
          const t = Date.now();
          const now = new Map(md.topics[0]!.partitions.map((p) => [p.partitionId, p.leader]));
          for (const [p, l] of now) if (last.has(p) && last.get(p) !== l) moves.push({ broker, t, prevT: lastT, partition: p, to: l });
          last = now;
          lastT = t;
        } catch {
          // a sample that could not be taken is no evidence either way
        }
        await sleep(250);
      }
      await client.disconnect();
    });
  /**
   * The sharpest evidence of `partition`'s first move away from `frozen` after `from`: each
   * broker's first sight of it (a later move, e.g. after the thaw, is another event), and of
   * those the one whose two samples lie closest together.
   */
  const moveOf = (partition: number, from: number) => {
    const first = new Map<number, (typeof moves)[number]>();
    for (const m of moves) if (m.partition === partition && m.t >= from && m.to !== frozen && (first.get(m.broker)?.t ?? Infinity) > m.t) first.set(m.broker, m);
    return [...first.values()].sort((a, b) => a.t - a.prevT - (b.t - b.prevT))[0];
  };
  return { moveOf, stop: async () => ((on = false), await Promise.all(loops)) };
}

describe("drill scenarios", () => {
  // 20 s frozen: past the session timeout + 3 s by 11 s, so a client that waited for the thaw would fail it.
  it("a 20 s freeze of the leader-heavy broker at 10,000 events/s: writes reach the new leaders within session timeout + 3 s, nothing is lost", async () => {
    const kafka = testKafka("it-freeze");
    expect(await waitHealed()).toBe(true);
    await electPreferredLeaders();
    // Not the active controller: freezing it adds a controller election to Kafka's part, which no client can shorten.
    const controller = await activeController();
    const leaders = (await partitions(kafka, [DRILL_TOPIC])).map((p) => p.leader);
    const target = [...new Set(leaders)].filter((b) => b !== controller).sort((a, b) => leaders.filter((l) => l === b).length - leaders.filter((l) => l === a).length || a - b)[0]!;
    const watch = watchLeaders(DRILL_TOPIC, target);
    const run = new DrillRun(drillDeps(true), { params: params({ rate: 10_000, durationSec: 30, killAtSec: 5, restartAtSec: 25, broker: target, mode: "pause" }) });
    const { report } = await run.run();
    await watch.stop();
    const freeze = report.steps![0]!;
    const sessionMs = testConfig().LOCAL_SESSION_TIMEOUT_MS;
    console.log(`freeze: fenced ${freeze.fencedMs} ms, kafka ${freeze.kafkaPartMs} ms, client ${freeze.clientPartMs} ms, first write ${report.figures.firstWriteAfterKillMs} ms`);

    expect(freeze).toMatchObject({ kind: "break", action: "pause", brokerId: target, error: null });
    expect(report.steps![1]!.startedAt! - freeze.startedAt!).toBeGreaterThanOrEqual(19_000); // it was frozen for 20 s
    expect(report.movedPartitions.length).toBeGreaterThan(0);
    // Every moved partition took a write from a new leader within the session timeout + 3 s.
    expect(report.figures.firstWrites.every((w) => w.ms !== null && w.ms <= sessionMs + 3000)).toBe(true);
    // Kafka's part as the report tells it agrees with the test's own samples: the move happened
    // between one broker's last sample with the old leader and its first with the new one (at most
    // 3 s apart: a metadata answer can wait seconds under 10,000 events/s on 2 cores), and the
    // report's moment lies in that window, give or take its own 250 ms sampling and a second.
    for (const p of report.movedPartitions) {
      const seen = watch.moveOf(p, freeze.startedAt!);
      expect(seen, `the test saw partition ${p} move`).toBeDefined();
      expect(seen!.t - seen!.prevT, `the test's samples around partition ${p}'s move`).toBeLessThanOrEqual(3000);
      const f = freeze.failover.find((x) => x.partition === p)!;
      expect(f.electedMs!).toBeGreaterThanOrEqual(seen!.prevT - freeze.startedAt! - 1000);
      expect(f.electedMs!).toBeLessThanOrEqual(seen!.t - freeze.startedAt! + 1000);
    }
    const v = report.verify!;
    expect([v.missing.count, v.duplicates.count, v.outOfOrder.count]).toEqual([0, 0, 0]);
    expect(v.acked).toBeGreaterThan(240_000);
    const independent = await countRunRecords(kafka, DRILL_TOPIC, report.producerIds, v.found + v.unackedPresent);
    expect(independent.distinct).toBeGreaterThanOrEqual(v.acked);
    expect(await waitHealed()).toBe(true);
  });

  it("rolling-restart at 2,000 events/s restarts every broker exactly once, each after the previous is back in every ISR, and loses nothing", async () => {
    const kafka = testKafka("it-rolling");
    expect(await waitHealed()).toBe(true);
    const runtime = testRuntime();
    const layout = localLayout(testConfig().dataDir, testConfig().LOCAL_PORT_BASE);
    const started = () => layout.nodes.map((n) => (fs.readFileSync(n.logFile, "utf8").match(/Kafka Server started/g) ?? []).length);
    const startsBefore = started();
    // The test's own view every 500 ms: which brokers are missing from an ISR they belong to.
    const topics = STREAMSOCIAL_TOPICS.map((t) => t.name);
    const outOfSync: { t: number; brokers: number[] }[] = [];
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        try {
          const ps = await partitions(kafka, topics);
          const out = [...new Set(ps.flatMap((p) => p.replicas.filter((r) => !p.isr.includes(r))))];
          outOfSync.push({ t: Date.now(), brokers: out });
        } catch {
          // no sample
        }
        await sleep(500);
      }
    })();
    const run = new DrillRun(drillDeps(true), { params: params({ scenario: "rolling-restart", rate: 2000, durationSec: 300, killAtSec: 5 }) });
    const { report } = await run.run();
    sampling = false;
    await sampler;
    const steps = report.steps!;
    console.log(steps.map((s) => `${s.label}: at ${s.atActualSec} s, back in ISR after ${s.backInIsrMs} ms`).join("\n"));

    expect(steps.map((s) => s.action)).toEqual(["restart", "restart", "restart"]);
    expect(steps.map((s) => s.brokerId).sort()).toEqual([...runtime.brokerIds].sort());
    for (const [i, s] of steps.entries()) {
      expect(s.error).toBeNull();
      expect(s.backInIsrAt).not.toBeNull();
      if (i > 0) expect(s.startedAt!).toBeGreaterThanOrEqual(steps[i - 1]!.backInIsrAt!);
    }
    // Each JVM started exactly once more (the brokers' own logs), never two out of sync at once (the test's own samples).
    expect(started().map((n, i) => n - startsBefore[i]!)).toEqual([1, 1, 1]);
    expect(outOfSync.length).toBeGreaterThan(20);
    expect(outOfSync.filter((s) => s.brokers.length > 1)).toEqual([]);
    expect(new Set(outOfSync.flatMap((s) => s.brokers))).toEqual(new Set(runtime.brokerIds));
    expect(report.criteria.checks.find((c) => c.name === "every broker restarted once, in turn")?.passed).toBe(true);
    const v = report.verify!;
    expect([v.missing.count, v.duplicates.count]).toEqual([0, 0]);
    const independent = await countRunRecords(kafka, DRILL_TOPIC, report.producerIds, v.found + v.unackedPresent);
    expect(independent.distinct).toBeGreaterThanOrEqual(v.acked);
    expect(await waitHealed()).toBe(true);
  });

  it("cascade: with two brokers down the writes fail (the test's own write too) and say so, and nothing acknowledged is lost", async () => {
    const kafka = testKafka("it-cascade");
    expect(await waitHealed()).toBe(true);
    const run = new DrillRun(drillDeps(true), { params: params({ scenario: "cascade", rate: 2000, durationSec: 60, killAtSec: 5, secondAtSec: 12, restartAtSec: 24, mode: "kill" }) });
    const running = run.run();
    // The test's own acks=all write while both are down: refused (or never acknowledged).
    // Raced with the run itself, so a run that fails before its second step fails the test with its own error.
    const secondDone = pollUntil(() => run.progress().steps[1]?.doneAt != null, { timeoutMs: 60_000, intervalMs: 100 });
    expect(await Promise.race([secondDone, running.then(() => false)])).toBe(true);
    const producer = kafka.producer({ allowAutoTopicCreation: false, retry: { retries: 0 } });
    await producer.connect();
    const own = await producer.send({ topic: DRILL_TOPIC, acks: -1, timeout: 3000, messages: [{ key: "cascade-probe", value: "x" }] }).then(() => "acknowledged", (e: unknown) => (e instanceof Error ? e.message : String(e)));
    await producer.disconnect().catch(() => {});
    const { report } = await running;
    const steps = report.steps!;
    console.log(`cascade: own write during the double outage: ${own}; window ${JSON.stringify(steps[1]!.window)}`);

    expect(own).not.toBe("acknowledged");
    expect(steps.map((s) => [s.kind, s.action])).toEqual([["break", "kill"], ["break", "kill"], ["restore", "start"], ["restore", "start"]]);
    expect(new Set(steps.map((s) => s.brokerId)).size).toBe(2);
    expect(steps[1]!.window.failedAttempts).toBeGreaterThan(0);
    expect(steps[1]!.window.reasons.length).toBeGreaterThan(0); // the failures say why
    const check = (name: string) => report.criteria.checks.find((c) => c.name === name);
    expect(check("writes refused while both were down")?.passed).toBe(true);
    expect(check("recovery after their return")?.value).not.toBeNull();
    const v = report.verify!;
    expect(v.missing.count).toBe(0);
    expect(check("zero data loss")?.passed).toBe(true);
    const independent = await countRunRecords(kafka, DRILL_TOPIC, report.producerIds, v.found + v.unackedPresent);
    expect(independent.distinct).toBeGreaterThanOrEqual(v.acked);
    expect(await waitHealed()).toBe(true);
  });

  it("the safety comparison: acks=1 / min ISR 1 / unclean election lose acknowledged records, the safe settings none; afterwards the scratch topics are gone and no broker setting changed", async () => {
    const kafka = testKafka("it-safety");
    expect(await waitHealed()).toBe(true);
    const admin = kafka.admin();
    await admin.connect();
    const brokerConfigs = async () =>
      JSON.stringify((await admin.describeConfigs({ includeSynonyms: false, resources: testRuntime().brokerIds.map((id) => ({ type: 4, name: String(id) })) })).resources.map((r) => [r.resourceName, r.configEntries.map((e) => [e.configName, e.configValue])]));
    const configsBefore = await brokerConfigs();
    // The test's own consumer reads each scratch topic before the comparison puts it away.
    const seenByTest = new Map<string, Set<string>>();
    const ownRead = async (run: SafetyRun) => {
      const consumer = kafka.consumer({ groupId: `it-safety-${run.settings}-${Date.now()}` });
      const ids = new Set<string>();
      await consumer.connect();
      await consumer.subscribe({ topic: run.topic, fromBeginning: true });
      await consumer.run({ eachMessage: async ({ message }) => {
        const r = decodeDrillRecord(message.value);
        if (r.ok && r.value.producerId === run.producerId) ids.add(`${r.value.producerId}#${r.value.seq}`);
      } });
      await pollUntil(() => ids.size >= (run.readBack?.found ?? 0) + (run.readBack?.unackedPresent ?? 0), { timeoutMs: 60_000, intervalMs: 200 });
      await sleep(2000); // anything beyond what the comparison found would show up here
      await consumer.disconnect();
      seenByTest.set(run.settings, ids);
    };
    const comparison = new SafetyComparison(drillDeps(true), { testOnly: { afterReadBack: ownRead } });
    const { report } = await comparison.run();
    const [unsafe, safe] = report.runs;
    console.log(report.verdict.summary);

    expect(unsafe!.settings).toBe("unsafe");
    expect(safe!.settings).toBe("safe");
    expect([unsafe!.error, safe!.error]).toEqual([null, null]);
    // The unsafe run lost acknowledged records; the test's own consumer does not find them either.
    expect(unsafe!.readBack!.lost.count).toBeGreaterThan(0);
    // The test sees what the comparison found: the acknowledged records there, and any sent without an
    // acknowledgement that landed anyway (a timed-out acks=1 batch written before it timed out).
    expect(seenByTest.get("unsafe")!.size).toBe(unsafe!.readBack!.found + unsafe!.readBack!.unackedPresent);
    for (const id of unsafe!.readBack!.lost.ids) expect(seenByTest.get("unsafe")!.has(id)).toBe(false);
    // Only what the old leader alone held is lost: at most the records written while the followers
    // were frozen; the first 100 (replicated) and the last 100 (the new leader's own) are all there.
    // The read-back waited until the new leader's acknowledged offsets were committed (readable).
    expect(unsafe!.steps.find((st) => st.label.startsWith("wait until the high watermark passes"))?.ok).toBe(true);
    const frozen = unsafe!.writes.find((w) => w.phase === "frozen")!;
    expect(unsafe!.readBack!.lost.count).toBeLessThanOrEqual(frozen.acked);
    const outside = [...Array(100).keys(), ...Array.from({ length: 100 }, (_, i) => 100 + frozen.attempted + i)];
    expect(outside.filter((seq) => !seenByTest.get("unsafe")!.has(`${unsafe!.producerId}#${seq}`))).toEqual([]);
    // The safe run lost nothing: everything acknowledged is there, by the test's own count.
    expect(safe!.readBack!.lost.count).toBe(0);
    expect(seenByTest.get("safe")!.size).toBeGreaterThanOrEqual(safe!.readBack!.acked);
    expect(safe!.writes.find((w) => w.phase === "frozen")!.acked).toBe(0); // refused while the followers were frozen
    expect(report.verdict.demonstrated).toBe(true);
    // Put back: no scratch topic left, every broker running, no broker setting changed.
    const topics = await admin.listTopics();
    expect(topics.filter((t) => t.startsWith("streamsocial_safety_"))).toEqual([]);
    expect((await testRuntime().list()).every((p) => p.status === "running")).toBe(true);
    expect(await brokerConfigs()).toBe(configsBefore);
    await admin.disconnect();
    expect(await waitHealed()).toBe(true);
  });
});
