// The live monitor: polls Kafka every interval, reacts to runtime changes at
// once (a kill shows without waiting for the next poll), and keeps the latest
// snapshot, the history ring and the timeline. Framework-free: the Next server,
// the tests and the benches all drive this same class.
import type { BrokerAction, BrokerProcess, BrokerRuntime } from "@/lib/runtime/types";
import { runAction } from "@/lib/runtime/types";
import { isCutOff, NETWORK_ACTIONS, type ActionParams } from "@/lib/model/runtime";
import { sleep, withTimeout } from "@/lib/util/poll";
import { actionEntry } from "./action-entry";
import { DEFAULT_HISTORY_BYTES, historyPoint, RingBuffer } from "./history";
import { notableTopics } from "./topic-digest";
import { TopicIndex } from "./topic-index";
import { buildSnapshot, type PreviousPoll } from "./snapshot";
import { detectTransitions, initialTimelineState, type TimelineState } from "./timeline";
import type { ClusterSnapshot, HistoryPoint, Observation, PartitionState, RuntimeInfo, TimelineEntry, TopicSummary } from "@/lib/model/cluster";

export interface ObservationSource {
  /** `hints.cutOff`: brokers our own network faults cut off (their metadata is a zombie's). */
  observe(now?: number, hints?: { cutOff?: readonly number[] }): Promise<Observation>;
  close(): void;
}

export type MonitorEvent = { type: "snapshot"; snapshot: ClusterSnapshot } | { type: "timeline"; entry: TimelineEntry };

export interface MonitorOptions {
  runtime: BrokerRuntime;
  source: ObservationSource;
  bootstrap: readonly string[];
  pollIntervalMs: number;
  /** Bound on runtime calls made by the poll loop (list, available). */
  runtimeTimeoutMs?: number;
}

const TIMELINE_CAPACITY = 2000;

export class Monitor {
  /** `topics`: every topic's summary; the snapshot carries only the notable ones. */
  private last: (PreviousPoll & { partitions: PartitionState[]; topics: TopicSummary[] }) | null = null;
  private index: TopicIndex | undefined;
  private processes: BrokerProcess[] | null = null;
  private runtimeInfo: RuntimeInfo;
  private readonly known = new Set<number>();
  private readonly historyRing = new RingBuffer<HistoryPoint>({ capacity: 3600, maxBytes: DEFAULT_HISTORY_BYTES });
  private readonly entries: TimelineEntry[] = [];
  private tstate: TimelineState = initialTimelineState();
  private seq = 0;
  private readonly listeners = new Set<(e: MonitorEvent) => void>();
  private running = false;
  private wake: (() => void) | undefined;
  private unwatch: (() => void) | undefined;
  private firstSnapshot: Promise<void>;
  private resolveFirst!: () => void;

  constructor(private readonly opts: MonitorOptions) {
    this.runtimeInfo = { kind: opts.runtime.kind, available: false, reason: "not checked yet" };
    this.firstSnapshot = new Promise((r) => (this.resolveFirst = r));
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.unwatch = this.opts.runtime.watch((p) => this.onRuntimeChange(p));
    void this.loop();
  }

  stop(): void {
    this.running = false;
    this.unwatch?.();
    this.wake?.();
    this.opts.source.close();
  }

  get snapshot(): ClusterSnapshot | null {
    return this.last?.snapshot ?? null;
  }

  /**
   * The latest snapshot as JSON, serialised once per snapshot rather than once
   * per request: a hundred clients polling cost one stringify a second.
   */
  get snapshotJson(): string | null {
    const s = this.snapshot;
    if (!s) return null;
    if (this.json?.seq !== s.seq) this.json = { seq: s.seq, text: JSON.stringify(s) };
    return this.json.text;
  }

  private json: { seq: number; text: string } | undefined;

  /** The latest partition table (the snapshot holds only per-topic summaries). */
  get partitions(): readonly PartitionState[] {
    return this.last?.partitions ?? [];
  }

  /** Every topic and partition of the latest poll, for paged queries; built on first use, once per snapshot. */
  get topicIndex(): TopicIndex {
    if (!this.index) {
      const last = this.last;
      this.index = new TopicIndex({
        partitions: last?.partitions ?? [],
        topics: last?.topics ?? [],
        minIsr: last?.observation.minIsr ?? {},
        down: new Set((last?.snapshot.brokers ?? []).filter((b) => b.effectivelyDown).map((b) => b.id)),
        canElect: last?.snapshot.quorumVerdict.status !== "lost",
        groups: last?.snapshot.groups ?? [],
      });
    }
    return this.index;
  }

  /** Estimated bytes the chart history holds (bounded by DEFAULT_HISTORY_BYTES). */
  get historyBytes(): number {
    return this.historyRing.bytes;
  }

  get runtime(): BrokerRuntime {
    return this.opts.runtime;
  }

  async waitForSnapshot(timeoutMs: number): Promise<ClusterSnapshot | null> {
    // The common case answers at once: no timer per request once data exists.
    if (!this.snapshot) await Promise.race([this.firstSnapshot, sleep(timeoutMs)]);
    return this.snapshot;
  }

  history(sinceMs: number): HistoryPoint[] {
    return this.historyRing.since(sinceMs);
  }

  timeline(afterId: number, limit: number): TimelineEntry[] {
    const out = this.entries.filter((e) => e.id > afterId);
    return out.slice(Math.max(0, out.length - limit));
  }

  subscribe(listener: (e: MonitorEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Runs an operator action, records it on the timeline, and refreshes at once. */
  async act(id: number, action: BrokerAction, params: ActionParams = {}): Promise<BrokerProcess> {
    try {
      const result = await runAction(this.opts.runtime, id, action, params);
      // What the action did, on screen before any bookkeeping: the runtime's watch would
      // tell too, but only at its next sample (up to 100 ms later).
      if (!(NETWORK_ACTIONS as readonly string[]).includes(action)) this.onRuntimeChange(result);
      this.record(actionEntry(this.tstate, Date.now(), id, action, { ok: true, status: result.status }, params));
      await this.refreshProcesses();
      // A network fault changes no process status (no runtime event): show it now, not at the next poll.
      if ((NETWORK_ACTIONS as readonly string[]).includes(action)) this.rederiveNow();
      this.pollNow();
      return result;
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      this.record(actionEntry(this.tstate, Date.now(), id, action, { ok: false, error: message }, params));
      throw err;
    }
  }

  private cutOff(): number[] {
    return (this.processes ?? []).filter((p) => (p.faults ?? []).some(isCutOff)).map((p) => p.id);
  }

  /** Asks the loop to poll now instead of at the end of its interval. */
  pollNow(): void {
    this.wake?.();
  }

  async pollOnce(): Promise<ClusterSnapshot> {
    const t0 = Date.now();
    const [observation] = await Promise.all([this.track("kafka", this.opts.source.observe(t0, { cutOff: this.cutOff() })), this.track("runtime", this.refreshProcesses())]);
    const snapshot = this.derive(observation, Date.now() - t0, true);
    this.historyRing.push(historyPoint(snapshot));
    return snapshot;
  }

  private async loop(): Promise<void> {
    while (this.running) {
      const t0 = Date.now();
      try {
        // Every call inside a poll is bounded; this bounds the poll as a whole, so
        // even a bug there can only cost one late poll, never the live picture.
        await withTimeout(this.pollOnce(), Math.max(10_000, this.opts.pollIntervalMs * 5), "poll took too long");
      } catch (err) {
        const waiting = [...this.pending].join(", ");
        console.error(`monitor: poll failed${waiting ? ` (still waiting on ${waiting})` : ""}`, err);
      }
      const wait = Math.max(0, this.opts.pollIntervalMs - (Date.now() - t0));
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, wait);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = undefined;
    }
  }

  /** Which parts of the current poll have not answered yet: named when the watchdog fires. */
  private readonly pending = new Set<string>();

  private async track<T>(part: string, work: Promise<T>): Promise<T> {
    this.pending.add(part);
    try {
      return await work;
    } finally {
      this.pending.delete(part);
    }
  }

  private async refreshProcesses(): Promise<void> {
    const rt = this.opts.runtime;
    const budget = this.opts.runtimeTimeoutMs ?? 2000;
    try {
      const availability = await withTimeout(rt.available(), budget, `${rt.kind} runtime did not answer in ${budget} ms`);
      if (!availability.ok) {
        this.runtimeInfo = { kind: rt.kind, available: false, reason: availability.reason };
        this.processes = null;
        return;
      }
      const [processes, faults, slow] = await Promise.all([
        withTimeout(rt.list(), budget, `${rt.kind} runtime did not list brokers in ${budget} ms`),
        rt.network ? withTimeout(rt.network.support(), budget, "network fault support did not answer").catch((e: Error) => ({ ok: false as const, reason: e.message })) : null,
        rt.network ? withTimeout(rt.network.slowSupport(), budget, "slow fault support did not answer").catch((e: Error) => ({ ok: false as const, reason: e.message })) : null,
      ]);
      this.processes = processes;
      this.runtimeInfo = {
        kind: rt.kind,
        available: true,
        reason: null,
        faults:
          faults === null
            ? { available: false, reason: `network faults are not available on the ${rt.kind} runtime` }
            : { ...availabilityInfo(faults), slow: slow === null ? { available: false, reason: null } : availabilityInfo(slow) },
      };
    } catch (err) {
      this.runtimeInfo = { kind: rt.kind, available: false, reason: err instanceof Error ? err.message : String(err) };
      this.processes = null;
    }
  }

  /** A runtime change re-derives the snapshot from the last observation: no Kafka round trip. */
  private onRuntimeChange(p: BrokerProcess): void {
    // A status change says nothing of the node's network faults (they outlive a kill and a start): keep them.
    if (this.processes) this.processes = this.processes.map((x) => (x.id === p.id ? { ...p, faults: p.faults ?? x.faults } : x));
    this.rederiveNow();
    this.pollNow();
  }

  /**
   * The last observation judged again with the runtime as it is now, stamped with
   * the time of the change, not of the old poll: the timeline's durations (URP up
   * at the kill, down at the restart) are then wall-clock true.
   */
  private rederiveNow(): void {
    if (this.last) this.derive(this.last.observation, this.last.snapshot.pollMs, false, Math.max(Date.now(), this.last.observation.at));
  }

  private derive(observation: Observation, pollMs: number, fresh: boolean, stampAt?: number): ClusterSnapshot {
    for (const b of observation.registered) this.known.add(b.id);
    for (const p of this.processes ?? []) this.known.add(p.id);
    // A re-derivation compares rates against the poll before the last one, not against itself.
    const prev = fresh ? this.last : (this.previousOfLast ?? null);
    const full = buildSnapshot({
      prev,
      // The stored observation keeps its own time (rates are computed against it).
      observation: stampAt === undefined ? observation : { ...observation, at: stampAt },
      runtime: this.runtimeInfo,
      processes: this.processes,
      knownBrokerIds: this.known,
      seq: ++this.seq,
      pollMs,
      bootstrap: this.opts.bootstrap,
    });
    // A thousand topics would make every snapshot (and SSE frame) a thousand rows: /api/topics pages them.
    const snapshot: ClusterSnapshot = { ...full, topics: notableTopics(full.topics) };
    for (const b of snapshot.brokers) this.known.add(b.id);
    const prevPartitions = this.last?.partitions ?? [];
    const { entries, state } = detectTransitions(this.last?.snapshot ?? null, snapshot, this.tstate, {
      prev: prevPartitions,
      next: observation.partitions,
    });
    this.tstate = state;
    if (fresh) this.previousOfLast = this.last;
    this.last = { snapshot, observation, partitions: observation.partitions, topics: full.topics };
    this.index = undefined;
    this.emit({ type: "snapshot", snapshot });
    for (const entry of entries) this.pushEntry(entry);
    this.resolveFirst();
    return snapshot;
  }

  private previousOfLast: PreviousPoll | null = null;

  private record({ entry, state }: { entry: TimelineEntry; state: TimelineState }): void {
    this.tstate = state;
    this.pushEntry(entry);
  }

  private pushEntry(entry: TimelineEntry): void {
    this.entries.push(entry);
    if (this.entries.length > TIMELINE_CAPACITY) this.entries.splice(0, this.entries.length - TIMELINE_CAPACITY);
    this.emit({ type: "timeline", entry });
  }

  private emit(event: MonitorEvent): void {
    for (const l of this.listeners) {
      try {
        l(event);
      } catch {
        // one broken subscriber must not stop the others
      }
    }
  }
}

const availabilityInfo = (a: { ok: true } | { ok: false; reason: string }) => (a.ok ? { available: true, reason: null } : { available: false, reason: a.reason });
