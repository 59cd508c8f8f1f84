// The safety comparison, run for real: the same fault sequence on two scratch
// topics, one with the unsafe settings and one with the safe ones, each read
// back by a fresh consumer. The sequence (one partition, replicas [L, F1, F2]):
//   1. write while all is well (every replica has it);
//   2. freeze both followers — they stay in the ISR (nothing can shrink it: on three
//      combined nodes the quorum is lost too) — and write again: with acks=1 the
//      leader alone acknowledges, with acks=all nothing is acknowledged;
//   3. kill the leader, thaw the followers: one of them is elected (it is in the
//      ISR, a clean election) without the records only the leader had;
//   4. write once more, read everything back, compare with what was acknowledged;
//   5. bring the old leader back, wait until every replica is in sync, delete the topic.
// Only the scratch topics are written, and every broker is running again at the end.
import { randomBytes } from "node:crypto";
import { ClusterView } from "@/lib/kafka/cluster-view";
import { connectDrillProducer } from "@/lib/kafka/producer-drill";
import { brokerConfigs, createScratchTopic, deleteScratchTopics, highWatermark } from "@/lib/kafka/scratch-topics";
import { pollUntil } from "@/lib/util/poll";
import type { DrillParams } from "./params";
import type { DrillProgress } from "./progress";
import type { DrillDeps } from "./run";
import { readBackAndVerify } from "./readback";
import { safetyVerdict, type SafetyReport, type SafetyRun, type SafetySettings } from "./safety-report";
import { SafetyWriter } from "./safety-writer";
import { backInEveryIsr } from "./sampler";
import { reportIdFor, writeReport } from "./store";

export interface SafetyOptions {
  recordsWhileFrozen?: number;
  recordBytes?: number;
  /** Test only: called after the comparison's own read-back, before the topic is put away, so a test can read it with its own consumer. */
  testOnly?: { afterReadBack?: (run: SafetyRun) => Promise<void> };
}

const SETTINGS: Record<SafetySettings, { acks: -1 | 1; idempotent: boolean; minIsr: number; unclean: boolean }> = {
  unsafe: { acks: 1, idempotent: false, minIsr: 1, unclean: true },
  safe: { acks: -1, idempotent: true, minIsr: 2, unclean: false },
};
const FROZEN_WRITE_MS = 4000;
const errText = (err: unknown) => (err instanceof Error ? err.message : String(err));

export class SafetyComparison {
  readonly id: string;
  private readonly tag = `${Date.now().toString(36)}${randomBytes(2).toString("hex")}`;
  private readonly abort = new AbortController();
  private readonly notes: string[] = [];
  private readonly runs: SafetyRun[] = [];
  private current: SafetyRun | null = null;
  private startedAt: number | null = null;
  private finished: "done" | "cancelled" | "failed" | null = null;
  phase = "starting";

  constructor(
    private readonly deps: DrillDeps,
    private readonly opts: SafetyOptions = {},
    now = Date.now(),
  ) {
    this.id = reportIdFor(now);
  }

  cancel(): void {
    if (!this.abort.signal.aborted) this.notes.push(`cancelled by the operator during the ${this.phase}`);
    this.abort.abort();
  }

  /** What the drill page shows while it runs (the drill's progress shape, with the runs so far). */
  progress(params: DrillParams): DrillProgress {
    const runs = [...this.runs, ...(this.current ? [this.current] : [])].map((r) => ({ ...r, steps: [...r.steps], writes: [...r.writes] }));
    return {
      id: this.id, params, phase: this.finished ?? (this.phase === "restoring" ? "restoring" : "running"), startedAt: this.startedAt, elapsedSec: this.startedAt === null ? 0 : (Date.now() - this.startedAt) / 1000,
      targetBrokerId: this.current?.leaderBefore ?? null, killedAt: null, restartedAt: null, generated: 0,
      acked: runs.reduce((n, r) => n + r.writes.reduce((m, w) => m + w.acked, 0), 0), errors: runs.reduce((n, r) => n + r.writes.reduce((m, w) => m + w.failedAttempts, 0), 0),
      retries: 0, skipped: 0, abandoned: 0, pending: 0, urp: null, series: [], leaderMoves: [], steps: [], controllerId: null,
      safety: { phase: this.phase, runs }, notes: [...this.notes], error: null,
    };
  }

  topicOf(settings: SafetySettings): string {
    return `streamsocial_safety_${this.tag}_${settings}`;
  }

  async run(): Promise<{ report: SafetyReport; path: string }> {
    try {
      const out = await this.runAll();
      this.finished = this.abort.signal.aborted ? "cancelled" : "done";
      return out;
    } catch (err) {
      this.finished = "failed";
      throw err;
    }
  }

  private async runAll(): Promise<{ report: SafetyReport; path: string }> {
    const startedAt = Date.now();
    this.startedAt = startedAt;
    const { bootstrap, brokerIds } = this.deps;
    if (brokerIds.length < 3) throw new Error(`the safety comparison needs 3 brokers (this cluster has ${brokerIds.length})`);
    const view = new ClusterView(bootstrap, "streamsocial-safety");
    const configsBefore = await brokerConfigs(bootstrap, brokerIds).catch(() => null);
    const runs = this.runs;
    try {
      for (const settings of ["unsafe", "safe"] as const) {
        if (this.abort.signal.aborted) break;
        this.phase = `${settings} run`;
        runs.push(await this.runOnce(settings, view));
        this.current = null;
      }
    } finally {
      view.close();
    }
    this.phase = "restoring";
    const topicsDeleted = await deleteScratchTopics(bootstrap, [this.topicOf("unsafe"), this.topicOf("safe")]).catch((e: unknown) => {
      this.notes.push(`could not delete the scratch topics: ${errText(e)}`);
      return [];
    });
    const configsAfter = await brokerConfigs(bootstrap, brokerIds).catch(() => null);
    const endView = new ClusterView(bootstrap, "streamsocial-safety-end");
    const brokersRunning = await this.healthy(endView, 5_000).finally(() => endView.close());
    const report: SafetyReport = {
      kind: "safety",
      version: 1,
      id: this.id,
      startedAt,
      finishedAt: Date.now(),
      params: { recordsWhileFrozen: this.opts.recordsWhileFrozen ?? 500, recordBytes: this.opts.recordBytes ?? 200 },
      runs,
      verdict: safetyVerdict(runs),
      restored: { topicsDeleted, brokersRunning, brokerConfigUnchanged: configsBefore && configsAfter ? JSON.stringify(configsBefore) === JSON.stringify(configsAfter) : null },
      notes: this.notes,
    };
    return { report, path: writeReport(this.deps.reportsDir, report) };
  }

  private async runOnce(settings: SafetySettings, view: ClusterView): Promise<SafetyRun> {
    const s = SETTINGS[settings];
    const t0 = Date.now();
    const topic = this.topicOf(settings);
    const signal = this.abort.signal;
    const run: SafetyRun = {
      settings, topic, producerId: `${this.tag}-${settings}`, producer: { acks: s.acks, idempotent: s.idempotent }, topicConfig: { minInsyncReplicas: s.minIsr, uncleanLeaderElection: s.unclean },
      leaderBefore: null, followers: [], leaderAfter: null, electedAfterMs: null, steps: [], writes: [], readBack: null, error: null,
    };
    this.current = run;
    const step = async (label: string, fn: () => Promise<string | void>) => {
      if (signal.aborted) throw new Error("cancelled by the operator");
      try {
        const detail = await fn();
        run.steps.push({ label, atMs: Date.now() - t0, ok: true, ...(detail ? { detail } : {}) });
      } catch (err) {
        run.steps.push({ label, atMs: Date.now() - t0, ok: false, detail: errText(err) });
        throw err;
      }
    };
    const paused: number[] = [];
    let killed: number | null = null;
    try {
      await step("wait until every broker is back in every ISR", async () => {
        if (!(await this.healthy(view, 120_000))) throw new Error("the cluster did not become healthy within 120 s");
      });
      const { leader, followers } = await this.pickReplicas(view);
      run.leaderBefore = leader;
      run.followers = followers;
      await step(`create ${topic}: replicas [${[leader, ...followers].join(", ")}], min ISR ${s.minIsr}, unclean election ${s.unclean}`, () =>
        createScratchTopic(this.deps.bootstrap, { name: topic, replicas: [leader, ...followers], configs: { "min.insync.replicas": String(s.minIsr), "unclean.leader.election.enable": String(s.unclean) } }),
      );
      const producer = await connectDrillProducer({ bootstrap: this.deps.bootstrap, topic, clientId: `streamsocial-safety-${settings}`, unsafe: { acks: s.acks, idempotent: s.idempotent } });
      const writer = new SafetyWriter(producer, run.producerId, this.opts.recordBytes ?? 200);
      try {
        await step("write 100 records with every replica in sync", async () => {
          run.writes.push(await writer.write("before", 100, Date.now() + 30_000, signal));
          const replicated = await pollUntil(async () => (await highWatermark(this.deps.bootstrap, topic)) >= writer.acked.length, { timeoutMs: 10_000, intervalMs: 100 });
          if (!replicated) throw new Error("the followers did not catch up with the first records");
        });
        await step(`freeze both followers (${followers.join(", ")})`, async () => {
          for (const id of followers) {
            await this.deps.act(id, "pause");
            paused.push(id);
          }
        });
        const n = this.opts.recordsWhileFrozen ?? 500;
        await step(`write ${n} records (acks=${s.acks === -1 ? "all" : s.acks}) while they are frozen`, async () => {
          const w = await writer.write("frozen", n, Date.now() + FROZEN_WRITE_MS, signal);
          run.writes.push(w);
          return `${w.acked} acknowledged, ${w.failedAttempts} failed attempts${w.firstError ? ` (${w.firstError})` : ""}`;
        });
        const killedAt = Date.now();
        await step(`kill the leader (${leader})`, async () => {
          await this.deps.act(leader, "kill");
          killed = leader;
        });
        await step("thaw the followers", async () => {
          for (const id of [...paused]) {
            await this.deps.act(id, "resume");
            paused.splice(paused.indexOf(id), 1);
          }
        });
        await step("wait for a new leader", async () => {
          const elected = await pollUntil(async () => {
            const p = (await view.sample()).partitions.find((x) => x.topic === topic);
            if (p && p.leader >= 0 && p.leader !== leader) run.leaderAfter = p.leader;
            return run.leaderAfter !== null;
          }, { timeoutMs: 90_000, intervalMs: 250 });
          if (!elected) throw new Error("no new leader within 90 s");
          run.electedAfterMs = Date.now() - killedAt;
          return `broker ${run.leaderAfter} after ${(run.electedAfterMs / 1000).toFixed(1)} s`;
        });
        await step("write 100 more records to the new leader", async () => {
          run.writes.push(await writer.write("after", 100, Date.now() + 30_000, signal));
          if (writer.unsent > 0) throw new Error(`${writer.unsent} records could not be written to the new leader`);
        });
        // With acks=1 the new leader answers before its follower has the records, and a consumer
        // reads only below the high watermark: read back now and they would count as lost.
        const end = producer.ackedEnd(0);
        if (end !== null) {
          await step(`wait until the high watermark passes the new leader's last acknowledged offset (${end - 1})`, async () => {
            const committed = await pollUntil(async () => (await highWatermark(this.deps.bootstrap, topic)) >= end, { timeoutMs: 60_000, intervalMs: 200 });
            if (!committed) throw new Error(`the high watermark stayed below ${end} for 60 s: the read-back could not prove anything`);
          });
        }
      } finally {
        await producer.disconnect().catch(() => {});
      }
      await step("read the topic back with a fresh consumer", async () => {
        const r = await readBackAndVerify({ bootstrap: this.deps.bootstrap, topic, groupId: `streamsocial-safety-verify-${this.tag}-${settings}`, warmupId: "-", producerIds: [writer.producerId], acked: writer.acked });
        if (!r.verify) throw new Error(r.note ?? "no verdict");
        const v = r.verify;
        run.readBack = { acked: v.acked, found: v.found, lost: { count: v.missing.count, ids: v.missing.sample.map((m) => `${m.producerId}#${m.seq}`) }, unackedPresent: v.unackedPresent };
        return `${v.found} of ${v.acked} acknowledged records found, ${v.missing.count} lost`;
      });
      await this.opts.testOnly?.afterReadBack?.(run);
    } catch (err) {
      run.error = errText(err);
    } finally {
      await this.putBack(run, paused, killed, view, t0);
    }
    return run;
  }

  /** Thaws, starts, waits until every replica is in sync again: whatever happened above. */
  private async putBack(run: SafetyRun, paused: number[], killed: number | null, view: ClusterView, t0: number): Promise<void> {
    const note = (label: string, ok: boolean, detail?: string) => run.steps.push({ label, atMs: Date.now() - t0, ok, ...(detail ? { detail } : {}) });
    for (const id of paused) await this.deps.act(id, "resume").then(() => note(`thaw broker ${id}`, true), (e: unknown) => note(`thaw broker ${id}`, false, errText(e)));
    if (killed !== null) await this.deps.act(killed, "start").then(() => note(`start broker ${killed}`, true), (e: unknown) => note(`start broker ${killed}`, false, errText(e)));
    const ok = await this.healthy(view, 180_000);
    note("every broker back in every ISR", ok, ok ? undefined : "not within 180 s");
    if (!ok) this.notes.push(`after the ${run.settings} run the cluster was not back in sync within 180 s`);
  }

  /** A leader that is not the active controller (its kill then costs no controller election), and two followers. */
  private async pickReplicas(view: ClusterView): Promise<{ leader: number; followers: number[] }> {
    const controller = await view.controllerId().catch(() => null);
    const ids = [...this.deps.brokerIds].sort((a, b) => a - b);
    const leader = ids.find((id) => id !== controller) ?? ids[0]!;
    return { leader, followers: ids.filter((id) => id !== leader).slice(0, 2) };
  }

  private async healthy(view: ClusterView, timeoutMs: number): Promise<boolean> {
    return pollUntil(async () => {
      const s = await view.sample();
      return this.deps.brokerIds.every((id) => backInEveryIsr(id, s.registered, s.partitions));
    }, { timeoutMs, intervalMs: 500 });
  }
}
