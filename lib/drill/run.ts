// One Black Friday drill, start to report: connect the producer lanes, drive the
// load, break the chosen broker at kill-at and bring it back at restart-at,
// sample URP and leaders every 500 ms, read the topic back and verify, write the
// report. Framework-free: the dashboard and the CLI differ only in how broker
// actions are carried out (monitor.act vs the runtime) — see DrillDeps.
import { randomBytes } from "node:crypto";
import { LeadershipProbe } from "@/lib/kafka/producer-metadata";
import { connectDrillProducer, type DrillProducer } from "@/lib/kafka/producer-drill";
import { truncateTopic } from "@/lib/kafka/topics";
import type { ActionParams, BrokerAction } from "@/lib/runtime/types";
import { sleep } from "@/lib/util/poll";
import { busiestLeader, diffLeaders, ledBy, leadersOf, underReplicated } from "./leaders";
import { DEFAULT_SLOW_DELAY_MS, type DrillParams } from "./params";
import type { DrillPhase, DrillProgress, LeaderMove, StoredDrillReport } from "./progress";
import { DrillPump, type PumpSabotage } from "./pump";
import { readBackAndVerify } from "./readback";
import { encodeDrillRecord } from "./record";
import { buildDrillReport } from "./report";
import { perSecondSeries, type GaugeSample } from "./series";
import { reportIdFor, writeReport } from "./store";
import type { VerifyResult } from "./verify";

export interface DrillDeps {
  bootstrap: readonly string[];
  /** Brokers the runtime controls (an explicit --broker must be one of them). */
  brokerIds: readonly number[];
  /** Carries out a broker action: monitor.act in the dashboard, the runtime from the CLI. */
  act: (id: number, action: BrokerAction, params?: ActionParams) => Promise<unknown>;
  reportsDir: string;
  log?: (line: string) => void;
}

export interface DrillRunOptions {
  params: DrillParams;
  /** Producer instances (each its own idempotent producer id); default 2. */
  lanes?: number;
  /** Test-only: deliberately broken delivery, to prove the verifier can fail. */
  testOnly?: { sabotage?: PumpSabotage; unsafe?: { acks: 0 | 1 | -1; idempotent: boolean } };
}

export interface DrillOutcome {
  report: StoredDrillReport;
  path: string;
}

const SAMPLE_MS = 500;
const DRAIN_MS = 20_000;
const URP_SETTLE_MS = 60_000;
const restoreOf = (mode: DrillParams["mode"]): BrokerAction => (mode === "pause" ? "resume" : mode === "partition" || mode === "isolate" || mode === "slow" ? "heal" : "start");
const LEFT_AS: Record<DrillParams["mode"], string> = { kill: "down", stop: "down", pause: "paused", partition: "partitioned", isolate: "isolated", slow: "slowed" };
/** What the break action takes: slow, its delay. */
const breakParams = (p: DrillParams): ActionParams => (p.mode === "slow" ? { slow: { delayMs: p.delayMs ?? DEFAULT_SLOW_DELAY_MS, jitterMs: 0 } } : {});
const errText = (err: unknown) => (err instanceof Error ? err.message : String(err));

export class DrillRun {
  readonly id: string;
  private readonly runTag = `r${Date.now().toString(36)}${randomBytes(2).toString("hex")}`;
  private readonly abort = new AbortController();
  private phase: DrillPhase = "starting";
  private startedAt: number | null = null;
  private targetBrokerId: number | null = null;
  private killedAt: number | null = null;
  private restartedAt: number | null = null;
  /** True while the broker is down because of us (so cancel must bring it back). */
  private broken = false;
  private pump: DrillPump | null = null;
  private readonly urp: GaugeSample[] = [];
  private readonly moves: LeaderMove[] = [];
  private leaders = new Map<number, number>();
  private movedPartitions: number[] = [];
  private readonly notes: string[] = [];
  private error: string | null = null;
  private sampling = false;
  private readonly lanes: number;

  constructor(
    private readonly deps: DrillDeps,
    private readonly opts: DrillRunOptions,
    now = Date.now(),
  ) {
    this.id = reportIdFor(now);
    this.lanes = Math.max(1, Math.min(8, opts.lanes ?? 2));
  }

  get producerIds(): string[] {
    return Array.from({ length: this.lanes }, (_, i) => `${this.runTag}-${i}`);
  }

  cancel(): void {
    if (!this.abort.signal.aborted) this.notes.push(`cancelled by the operator during ${this.phase}`);
    this.abort.abort();
  }

  get cancelled(): boolean {
    return this.abort.signal.aborted;
  }

  progress(): DrillProgress {
    const p = this.pump;
    const now = Date.now();
    const startedAt = this.startedAt;
    const end = startedAt === null ? now : Math.min(now, startedAt + this.opts.params.durationSec * 1000);
    return {
      id: this.id,
      params: this.opts.params,
      phase: this.phase,
      startedAt,
      elapsedSec: startedAt === null ? 0 : Math.max(0, (end - startedAt) / 1000),
      targetBrokerId: this.targetBrokerId,
      killedAt: this.killedAt,
      restartedAt: this.restartedAt,
      generated: p?.generated ?? 0,
      acked: p?.acked.length ?? 0,
      errors: sum(p?.errorSamples),
      retries: sum(p?.retrySamples),
      skipped: p?.skipped ?? 0,
      abandoned: p?.abandoned ?? 0,
      pending: p?.pending ?? 0,
      urp: this.urp.at(-1)?.value ?? null,
      series:
        startedAt === null || !p
          ? []
          : perSecondSeries({ startedAt, finishedAt: Math.max(startedAt + 1, end), killedAt: this.killedAt, restartedAt: this.restartedAt, acks: p.ackSamples, errors: p.errorSamples, retries: p.retrySamples, urp: this.urp }),
      leaderMoves: this.moves.slice(-100),
      notes: [...this.notes],
      error: this.error,
    };
  }

  async run(): Promise<DrillOutcome> {
    const { params } = this.opts;
    const log = this.deps.log ?? (() => {});
    const probe = new LeadershipProbe(this.deps.bootstrap, 1000);
    const producers: DrillProducer[] = [];
    let sampler: Promise<void> = Promise.resolve();
    try {
      for (let i = 0; i < this.lanes; i++) {
        producers.push(
          await connectDrillProducer({ bootstrap: this.deps.bootstrap, topic: params.topic, clientId: `streamsocial-drill-${i}`, unsafe: this.opts.testOnly?.unsafe }),
        );
      }
      const dropped = await truncateTopic(this.deps.bootstrap, params.topic).catch((e: unknown) => {
        this.notes.push(`could not truncate ${params.topic} before the run (${e instanceof Error ? e.message : String(e)}): the read-back covers earlier runs too`);
        return 0;
      });
      if (dropped > 0) log(`drill ${this.id}: truncated ${dropped} records of earlier runs from ${params.topic}`);
      await this.warmUp(producers);
      await this.sample(probe); // leaders before the start, so "auto" has something to go on
      this.sampling = true;
      sampler = this.sampleLoop(probe);
      if (this.abort.signal.aborted) throw new Error("cancelled before the start");
      this.startedAt = Date.now();
      this.phase = "running";
      log(`drill ${this.id}: ${params.rate} events/s for ${params.durationSec} s on ${params.topic}, ${params.mode} at ${params.killAtSec} s`);
      this.pump = new DrillPump({
        lanes: producers.map((producer, i) => ({ producer, producerId: this.producerIds[i]! })),
        rate: params.rate,
        durationSec: params.durationSec,
        recordBytes: params.recordBytes,
        startedAt: this.startedAt,
        drainMs: DRAIN_MS,
        signal: this.abort.signal,
        sabotage: this.opts.testOnly?.sabotage,
      });
      const pumping = this.pump.run().then(() => {
        if (this.phase === "running") this.phase = "draining";
      });
      await Promise.all([pumping, this.schedule(probe, log)]);
      const finishedAt = Math.max(this.startedAt + 1000, this.pump.generationEndedAt ?? Date.now());
      const lastAck = this.pump.ackSamples.at(-1)?.t ?? 0;
      if (this.broken && this.cancelled) await this.restore(log);
      let verify: VerifyResult | null = null;
      if (this.cancelled) {
        this.notes.push("verification skipped: the drill was cancelled");
      } else {
        this.phase = "verifying";
        if (this.restartedAt !== null) await this.waitForUrpClear();
        verify = await this.verifyRun(log);
      }
      if (this.broken) this.notes.push(`broker ${this.targetBrokerId} was left ${LEFT_AS[params.mode]} (no restart-at given)`);
      if (this.pump.skipped > 0) this.notes.push(`${this.pump.skipped} records not generated: their partition's backlog was full`);
      if (this.pump.abandoned > 0) this.notes.push(`${this.pump.abandoned} records given up after the drain deadline (last error: ${this.pump.lastError ?? "none"})`);
      this.sampling = false;
      await sampler;
      const report = this.buildReport(Math.max(finishedAt, Math.min(lastAck, finishedAt + DRAIN_MS)), verify);
      const path = writeReport(this.deps.reportsDir, report);
      this.phase = this.cancelled ? "cancelled" : "done";
      return { report, path };
    } catch (err) {
      this.error = errText(err);
      this.phase = "failed";
      if (this.broken) await this.restore(log).catch(() => {});
      throw err;
    } finally {
      this.sampling = false;
      await sampler.catch(() => {});
      probe.close();
      await Promise.all(producers.map((p) => p.disconnect().catch(() => {})));
    }
  }

  private buildReport(finishedAt: number, verify: VerifyResult | null): StoredDrillReport {
    const pump = this.pump!;
    const base = buildDrillReport({
      id: this.id,
      params: this.opts.params,
      targetBrokerId: this.targetBrokerId,
      verify,
      notes: this.notes,
      startedAt: this.startedAt!,
      finishedAt,
      killedAt: this.killedAt,
      restartedAt: this.restartedAt,
      acks: pump.ackSamples,
      errors: pump.errorSamples,
      retries: pump.retrySamples,
      urp: this.urp,
      partitionAcks: pump.partitionAcks,
      movedPartitions: this.movedPartitions,
    });
    return {
      ...base,
      producerIds: this.producerIds,
      lanes: this.lanes,
      cancelled: this.cancelled,
      leaderMoves: this.moves,
      counts: { generated: pump.generated, skipped: pump.skipped, abandoned: pump.abandoned },
      ...(this.opts.testOnly ? { sabotage: { duplicatesSent: pump.duplicatesSent, liesTold: pump.liesTold } } : {}),
    };
  }

  /** Kill at kill-at, restore at restart-at; both skipped when cancelled first. */
  private async schedule(probe: LeadershipProbe, log: (l: string) => void): Promise<void> {
    const { params } = this.opts;
    const startedAt = this.startedAt!;
    await this.sleepUntil(startedAt + params.killAtSec * 1000);
    if (this.cancelled) return;
    const target = await this.resolveTarget(probe);
    if (target === null) {
      this.notes.push(`no broker to ${params.mode}: could not resolve '${params.broker}'`);
      return;
    }
    this.targetBrokerId = target;
    this.movedPartitions = ledBy(this.leaders, target);
    const t = Date.now();
    try {
      await this.deps.act(target, params.mode, breakParams(params));
      this.killedAt = t;
      this.broken = true;
      log(`drill ${this.id}: ${params.mode} broker ${target} at ${((t - startedAt) / 1000).toFixed(1)} s (it led partitions ${this.movedPartitions.join(", ") || "none"})`);
    } catch (err) {
      this.notes.push(`${params.mode} of broker ${target} failed: ${errText(err)}`);
      return;
    }
    if (params.restartAtSec === undefined) return;
    await this.sleepUntil(startedAt + params.restartAtSec * 1000);
    if (this.cancelled) return;
    await this.restore(log);
  }

  private async restore(log: (l: string) => void): Promise<void> {
    if (!this.broken || this.targetBrokerId === null) return;
    const action = restoreOf(this.opts.params.mode);
    const prev = this.phase;
    if (this.cancelled) this.phase = "restoring";
    const t = Date.now();
    try {
      await this.deps.act(this.targetBrokerId, action);
      this.restartedAt ??= t;
      this.broken = false;
      log(`drill ${this.id}: ${action} broker ${this.targetBrokerId} at ${this.startedAt ? ((t - this.startedAt) / 1000).toFixed(1) : "?"} s`);
    } catch (err) {
      this.notes.push(`${action} of broker ${this.targetBrokerId} failed: ${errText(err)}`);
    } finally {
      if (this.cancelled) this.phase = prev;
    }
  }

  private async resolveTarget(probe: LeadershipProbe): Promise<number | null> {
    const { broker } = this.opts.params;
    if (typeof broker === "number") return broker;
    if (broker === "controller") return probe.controllerId().catch(() => null);
    await this.sample(probe).catch(() => {}); // freshest leaders for "auto"
    return busiestLeader(this.leaders);
  }

  private async sample(probe: LeadershipProbe): Promise<void> {
    const partitions = await probe.partitions();
    const t = Date.now();
    this.urp.push({ t, value: underReplicated(partitions) });
    const next = leadersOf(partitions, this.opts.params.topic);
    this.moves.push(...diffLeaders(this.leaders, next, t));
    this.leaders = next;
  }

  /** Bounded by `sampling`, which run() always clears; each pass sleeps. */
  private async sampleLoop(probe: LeadershipProbe): Promise<void> {
    while (this.sampling) {
      const t0 = Date.now();
      await this.sample(probe).catch(() => {});
      await sleep(Math.max(50, SAMPLE_MS - (Date.now() - t0)));
    }
  }

  private get warmupId(): string {
    return `${this.runTag}-warmup`;
  }

  /**
   * One record per partition and lane before the clock starts: connections,
   * producer ids and metadata are then ready, so the first seconds of the
   * baseline measure the cluster rather than the client's start-up.
   */
  private async warmUp(producers: readonly DrillProducer[]): Promise<void> {
    const { params } = this.opts;
    await Promise.all(
      producers.flatMap((producer, lane) =>
        Array.from({ length: producer.partitions }, (_, p) => p)
          .filter((p) => p % producers.length === lane)
          .map((p) =>
            producer.send(p, [{ key: "warmup", value: encodeDrillRecord({ producerId: this.warmupId, seq: p, key: "warmup", sentAt: Date.now() }, params.recordBytes) }]),
          ),
      ),
    );
  }

  private async waitForUrpClear(): Promise<void> {
    const until = Date.now() + URP_SETTLE_MS;
    while (Date.now() < until && !this.cancelled) {
      const last = this.urp.at(-1);
      if (last && last.value === 0 && last.t > (this.restartedAt ?? 0)) return;
      await sleep(SAMPLE_MS);
    }
    this.notes.push(`URP had not returned to 0 ${URP_SETTLE_MS / 1000} s after the traffic ended`);
  }

  private async sleepUntil(at: number): Promise<void> {
    while (!this.cancelled && Date.now() < at) await sleep(Math.min(200, at - Date.now()));
  }

  private async verifyRun(log: (l: string) => void): Promise<VerifyResult | null> {
    const r = await readBackAndVerify({
      bootstrap: this.deps.bootstrap,
      topic: this.opts.params.topic,
      groupId: `streamsocial-drill-verify-${this.runTag}`,
      warmupId: this.warmupId,
      producerIds: this.producerIds,
      acked: this.pump!.acked,
    });
    if (r.note) this.notes.push(r.note);
    if (r.verify) log(`drill ${this.id}: verified ${r.verify.acked} acked against ${r.read} records read in ${(r.ms / 1000).toFixed(1)} s`);
    return r.verify;
  }
}

function sum(samples: readonly { count: number }[] | undefined): number {
  let n = 0;
  for (const s of samples ?? []) n += s.count;
  return n;
}
