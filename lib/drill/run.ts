// One Black Friday drill, start to report: connect the producer lanes, drive the
// load, carry out the scenario's steps (break, restore, restart in turn) while
// sampling the cluster every 250 ms, read the topic back and verify, write the
// report. Framework-free: the dashboard and the CLI differ only in how broker
// actions are carried out (monitor.act vs the runtime) — see DrillDeps.
import { randomBytes } from "node:crypto";
import { ClusterView } from "@/lib/kafka/cluster-view";
import { connectDrillProducer, type DrillProducer } from "@/lib/kafka/producer-drill";
import { connectKafkajsDrillProducer } from "@/lib/kafka/producer-drill-kafkajs";
import { truncateTopic } from "@/lib/kafka/topics";
import type { ActionParams, BrokerAction } from "@/lib/runtime/types";
import { sleep } from "@/lib/util/poll";
import { ledBy } from "./leaders";
import { DEFAULT_SLOW_DELAY_MS, type DrillParams } from "./params";
import type { DrillPhase, DrillProgress, StoredDrillReport } from "./progress";
import { DrillPump, type PumpSabotage } from "./pump";
import { readBackAndVerify } from "./readback";
import { encodeDrillRecord } from "./record";
import { buildDrillReport } from "./report";
import { DrillSampler, SAMPLE_MS } from "./sampler";
import { planScenario, restoreOf } from "./scenarios";
import { perSecondSeries } from "./series";
import type { StepRecord } from "./steps";
import { reportIdFor, writeReport } from "./store";
import type { VerifyResult } from "./verify";

/** How long the warm-up retries a record whose partition has no reachable leader yet. */
const WARMUP_MS = 30_000;

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
  /** Test and benchmark only: deliberately broken delivery, or the old kafkajs producer as a reference. */
  testOnly?: { sabotage?: PumpSabotage; unsafe?: { acks: 0 | 1 | -1; idempotent: boolean }; kafkajsProducer?: boolean };
}

export interface DrillOutcome {
  report: StoredDrillReport;
  path: string;
}

const DRAIN_MS = 20_000;
const URP_SETTLE_MS = 60_000;
/** After a rolling restart, this much more traffic shows the cluster settled. */
const TAIL_MS = 5_000;
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
  private steps: StepRecord[] = [];
  /** Brokers broken by a step and not yet restored (a cancel must bring them back), in order. */
  private readonly broken: number[] = [];
  private readonly backInIsr: Promise<void>[] = [];
  private pump: DrillPump | null = null;
  private sampler: DrillSampler | null = null;
  private readonly notes: string[] = [];
  private error: string | null = null;
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

  /** The first step that ran, and the last restore or restart: the figures' kill and restart. */
  private get firstStep(): StepRecord | undefined {
    return this.steps.find((s) => s.startedAt !== null && s.error === null && s.kind !== "restore");
  }

  private get lastReturn(): StepRecord | undefined {
    return this.steps.filter((s) => s.startedAt !== null && s.error === null && s.kind !== "break").at(-1);
  }

  progress(): DrillProgress {
    const p = this.pump;
    const now = Date.now();
    const startedAt = this.startedAt;
    const end = startedAt === null ? now : Math.min(now, startedAt + this.opts.params.durationSec * 1000);
    const killedAt = this.firstStep?.startedAt ?? null;
    const restartedAt = this.lastReturn?.startedAt ?? null;
    const urp = this.sampler?.urp ?? [];
    return {
      id: this.id,
      params: this.opts.params,
      phase: this.phase,
      startedAt,
      elapsedSec: startedAt === null ? 0 : Math.max(0, (end - startedAt) / 1000),
      targetBrokerId: this.firstStep?.brokerId ?? null,
      killedAt,
      restartedAt,
      generated: p?.generated ?? 0,
      acked: p?.acked.length ?? 0,
      errors: sum(p?.errorSamples),
      retries: sum(p?.retrySamples),
      skipped: p?.skipped ?? 0,
      abandoned: p?.abandoned ?? 0,
      pending: p?.pending ?? 0,
      urp: urp.at(-1)?.value ?? null,
      series:
        startedAt === null || !p
          ? []
          : perSecondSeries({ startedAt, finishedAt: Math.max(startedAt + 1, end), killedAt, restartedAt, acks: p.ackSamples, errors: p.errorSamples, retries: p.retrySamples, urp }),
      leaderMoves: (this.sampler?.moves ?? []).slice(-100),
      steps: this.steps.map((s) => ({ ...s })),
      controllerId: this.sampler?.controllerId ?? null,
      notes: [...this.notes],
      error: this.error,
    };
  }

  async run(): Promise<DrillOutcome> {
    const { params } = this.opts;
    const log = this.deps.log ?? (() => {});
    const producers: DrillProducer[] = [];
    try {
      this.sampler = new DrillSampler(new ClusterView(this.deps.bootstrap, "streamsocial-drill"), params.topic);
      for (let i = 0; i < this.lanes; i++) producers.push(await this.connect(i));
      const dropped = await truncateTopic(this.deps.bootstrap, params.topic).catch((e: unknown) => {
        this.notes.push(`could not truncate ${params.topic} before the run (${errText(e)}): the read-back covers earlier runs too`);
        return 0;
      });
      if (dropped > 0) log(`drill ${this.id}: truncated ${dropped} records of earlier runs from ${params.topic}`);
      await this.warmUp(producers);
      await this.sampler.refresh().catch(() => {}); // leaders before the start, so "auto" has something to go on
      this.sampler.start();
      if (this.cancelled) throw new Error("cancelled before the start");
      this.startedAt = Date.now();
      this.phase = "running";
      log(`drill ${this.id}: ${params.rate} events/s for ${params.durationSec} s on ${params.topic}, scenario ${params.scenario} from ${params.killAtSec} s`);
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
      await Promise.all([pumping, this.execute(log)]);
      const finishedAt = Math.max(this.startedAt + 1000, this.pump.generationEndedAt ?? Date.now());
      const lastAck = this.pump.ackSamples.at(-1)?.t ?? 0;
      if (this.broken.length > 0 && this.cancelled) await this.restoreAll(log);
      let verify: VerifyResult | null = null;
      if (this.cancelled) {
        this.notes.push("verification skipped: the drill was cancelled");
      } else {
        this.phase = "verifying";
        if (this.lastReturn) await this.waitForUrpClear();
        verify = await this.verifyRun(log);
      }
      for (const id of this.broken) this.notes.push(`broker ${id} was left ${LEFT_AS[params.mode]} (no restart-at given)`);
      if (this.pump.skipped > 0) this.notes.push(`${this.pump.skipped} records not generated: their partition's backlog was full`);
      if (this.pump.abandoned > 0) this.notes.push(`${this.pump.abandoned} records given up after the drain deadline (last error: ${this.pump.lastError ?? "none"})`);
      await this.sampler.stop();
      await Promise.all(this.backInIsr);
      const report = this.buildReport(Math.max(finishedAt, Math.min(lastAck, finishedAt + DRAIN_MS)), verify);
      const path = writeReport(this.deps.reportsDir, report);
      this.phase = this.cancelled ? "cancelled" : "done";
      return { report, path };
    } catch (err) {
      this.error = errText(err);
      this.phase = "failed";
      if (this.broken.length > 0) await this.restoreAll(log).catch(() => {});
      throw err;
    } finally {
      await this.sampler?.stop().catch(() => {});
      await Promise.all(producers.map((p) => p.disconnect().catch(() => {})));
    }
  }

  private connect(lane: number): Promise<DrillProducer> {
    const { params, testOnly } = this.opts;
    const o = { bootstrap: this.deps.bootstrap, topic: params.topic, clientId: `streamsocial-drill-${lane}`, unsafe: testOnly?.unsafe };
    return testOnly?.kafkajsProducer ? connectKafkajsDrillProducer(o) : connectDrillProducer(o);
  }

  private buildReport(finishedAt: number, verify: VerifyResult | null): StoredDrillReport {
    const pump = this.pump!;
    const sampler = this.sampler!;
    const first = this.firstStep;
    const base = buildDrillReport({
      id: this.id,
      params: this.opts.params,
      targetBrokerId: first?.brokerId ?? null,
      verify,
      notes: this.notes,
      startedAt: this.startedAt!,
      finishedAt,
      killedAt: first?.startedAt ?? null,
      restartedAt: this.lastReturn?.startedAt ?? null,
      acks: pump.ackSamples,
      errors: pump.errorSamples,
      retries: pump.retrySamples,
      urp: sampler.urp,
      partitionAcks: pump.partitionAcks,
      movedPartitions: first?.movedPartitions ?? [],
      // A slowed leader keeps taking writes: its acks are then the first writes.
      movedFrom: this.opts.params.mode === "slow" ? null : (first?.brokerId ?? null),
      steps: this.steps,
      moves: sampler.moves,
      registered: sampler.registered,
      controllers: sampler.controllers,
      brokerIds: this.deps.brokerIds,
    });
    return {
      ...base,
      producerIds: this.producerIds,
      lanes: this.lanes,
      cancelled: this.cancelled,
      leaderMoves: sampler.moves,
      counts: { generated: pump.generated, skipped: pump.skipped, abandoned: pump.abandoned },
      ...(this.opts.testOnly?.sabotage ? { sabotage: { duplicatesSent: pump.duplicatesSent, liesTold: pump.liesTold } } : {}),
    };
  }

  /** Plans the scenario at kill-at (who leads, who controls then) and carries out its steps. */
  private async execute(log: (l: string) => void): Promise<void> {
    const { params } = this.opts;
    const startedAt = this.startedAt!;
    const sampler = this.sampler!;
    await this.sleepUntil(startedAt + params.killAtSec * 1000);
    if (this.cancelled) return;
    await sampler.refresh().catch(() => {}); // the freshest leaders and controller for "auto"
    const plan = planScenario(params, { brokerIds: this.deps.brokerIds, controllerId: sampler.controllerId, leaders: sampler.leaders });
    if (!plan.ok) {
      this.notes.push(`${params.scenario}: ${plan.reason}`);
      return;
    }
    this.steps = plan.steps.map((s) => ({ ...s, startedAt: null, doneAt: null, error: null, movedPartitions: [], backInIsrAt: null }));
    for (const step of this.steps) {
      if (step.atSec !== null) await this.sleepUntil(startedAt + step.atSec * 1000);
      if (this.cancelled) return;
      if (this.pump?.generationEndedAt != null && step.kind !== "restore") {
        this.notes.push(`no traffic left for step ${step.index + 1} (${step.label}): the drill ended first`);
        break;
      }
      await this.runStep(step, log);
      if (step.waitBackInIsr && step.error === null) {
        await this.backInIsr.at(-1);
        if (step.backInIsrAt === null) {
          this.notes.push(`broker ${step.brokerId} was not back in every ISR before the traffic ended; the scenario stopped there`);
          break;
        }
      }
    }
    if (params.scenario === "rolling-restart") this.pump?.endGenerationAt(Date.now() + TAIL_MS);
  }

  private async runStep(step: StepRecord, log: (l: string) => void): Promise<void> {
    const { params } = this.opts;
    step.movedPartitions = ledBy(this.sampler!.leaders, step.brokerId);
    step.startedAt = Date.now();
    try {
      await this.deps.act(step.brokerId, step.action, step.kind === "break" ? breakParams(params) : undefined);
      step.doneAt = Date.now();
      if (step.kind === "break") this.broken.push(step.brokerId);
      else {
        const i = this.broken.indexOf(step.brokerId);
        if (i >= 0) this.broken.splice(i, 1);
        this.backInIsr.push(this.watchBackInIsr(step));
      }
      const moved = step.movedPartitions.length > 0 ? ` (it led partitions ${step.movedPartitions.join(", ")})` : "";
      log(`drill ${this.id}: ${step.action} broker ${step.brokerId} at ${((step.startedAt - this.startedAt!) / 1000).toFixed(1)} s${moved}`);
    } catch (err) {
      step.error = errText(err);
      this.notes.push(`${step.label} failed: ${step.error}`);
    }
  }

  /** Sets backInIsrAt once the sampler sees the broker registered and in every ISR; gives up when sampling ends. */
  private async watchBackInIsr(step: StepRecord): Promise<void> {
    const since = step.startedAt!;
    const deadline = this.startedAt! + this.opts.params.durationSec * 1000 + DRAIN_MS + URP_SETTLE_MS;
    while (this.sampler && Date.now() < deadline && !this.cancelled) {
      if (this.sampler.backInIsr(step.brokerId, since)) {
        step.backInIsrAt = this.sampler.registered.at(-1)!.t;
        return;
      }
      if (this.pump?.generationEndedAt != null && step.kind === "restart") return;
      await sleep(SAMPLE_MS);
    }
  }

  /** Cancelled or failed: brings every broken broker back, the last broken first. */
  private async restoreAll(log: (l: string) => void): Promise<void> {
    const prev = this.phase;
    if (this.cancelled) this.phase = "restoring";
    const action = restoreOf(this.opts.params.mode);
    for (const id of [...this.broken].reverse()) {
      const step: StepRecord = { index: this.steps.length, kind: "restore", action, brokerId: id, atSec: null, waitBackInIsr: false, label: `${action} broker ${id} (the drill was stopped)`, startedAt: null, doneAt: null, error: null, movedPartitions: [], backInIsrAt: null };
      this.steps.push(step);
      await this.runStep(step, log);
    }
    if (this.cancelled) this.phase = prev;
  }

  private get warmupId(): string {
    return `${this.runTag}-warmup`;
  }

  /**
   * One record per partition and lane before the clock starts: connections,
   * producer ids and metadata are then ready, so the first seconds of the
   * baseline measure the cluster rather than the client's start-up. A leader may
   * be moving (a drill right after a restart: the preferred leaders come back),
   * so a failed record is retried as is, as the pump retries, for up to 30 s.
   */
  private async warmUp(producers: readonly DrillProducer[]): Promise<void> {
    const { params } = this.opts;
    const deadline = Date.now() + WARMUP_MS;
    await Promise.all(
      producers.flatMap((producer, lane) =>
        Array.from({ length: producer.partitions }, (_, p) => p)
          .filter((p) => p % producers.length === lane)
          .map(async (p) => {
            const batch = [{ key: "warmup", value: encodeDrillRecord({ producerId: this.warmupId, seq: p, key: "warmup", sentAt: Date.now() }, params.recordBytes) }];
            for (let attempt = 1; ; attempt++) {
              try {
                return await producer.send(p, batch);
              } catch (err) {
                if (this.cancelled || Date.now() >= deadline) throw err;
                if ((err as { retryNow?: unknown }).retryNow !== true) await sleep(Math.min(250, 50 * attempt));
              }
            }
          }),
      ),
    );
  }

  private async waitForUrpClear(): Promise<void> {
    const until = Date.now() + URP_SETTLE_MS;
    const since = this.lastReturn?.startedAt ?? 0;
    while (Date.now() < until && !this.cancelled) {
      const last = this.sampler?.lastUrp;
      if (last && last.value === 0 && last.t > since) return;
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
