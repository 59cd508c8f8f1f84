// One poll of the cluster: metadata, KRaft quorum (asked of each voter), high
// watermarks, each broker's own liveness probe, the canary write, consumer-group
// offsets, per-broker JMX figures. Each kind of request has connections of its
// own (Kafka answers one request per connection at a time, so sharing would let
// a slow kind of request starve another), every call is bounded by the timeout,
// and any part that fails leaves its field empty (or last known) without taking
// the rest down with it.
import type { Admin } from "kafkajs";
import type { CanaryObservation, LivenessProbe, ConsumerGroupLag, Observation, PartitionState, PollPart, PollTimings } from "@/lib/model/cluster";
import { withTimeout } from "@/lib/util/poll";
import { CanaryWriter } from "./canary";
import { ConfigCache } from "./config-cache";
import { kafkaClient } from "./client";
import { errorText, LivenessProber } from "./liveness";
import { HighWatermarkReader } from "./high-watermarks";
import { GroupSampler, withLag } from "./group-sampler";
import { LogDirSampler } from "./log-dirs";
import { MetricsSampler } from "./metrics-sampler";
import { firstAnswer, metadataFrom, type Metadata } from "./metadata";
import { QuorumProber } from "./quorum-probe";
import { ensureCanaryTopic } from "./topics";
import { WirePool } from "./wire";

export interface ObserverOptions {
  bootstrap: readonly string[];
  timeoutMs: number;
  /** JMX exporter URL per broker id, when the runtime knows them. */
  metricsEndpoints?: Readonly<Record<number, string>>;
  /** How often the JMX exporters are scraped (in the background). */
  metricsIntervalMs?: number;
  /** KRaft controller endpoint per voter id, when the runtime knows them. */
  controllerEndpoints?: Readonly<Record<number, string>>;
  /** Cap on consumer groups examined per poll (a real cluster can have thousands). */
  maxGroups?: number;
  /** The canary topic to write each poll; null/undefined = no canary. */
  canaryTopic?: string | null;
}

const CANARY_CREATE_RETRY_MS = 30_000;
const CLIENT_ID = "streamsocial-monitor";

export interface ObserveHints {
  cutOff?: readonly number[];
}

export class KafkaObserver {
  private readonly data: WirePool;
  private readonly offsets: HighWatermarkReader;
  private readonly liveness: LivenessProber;
  private readonly quorumProber: QuorumProber;
  private readonly canary: CanaryWriter | null;
  private readonly logDirs: LogDirSampler;
  private readonly metricsSampler: MetricsSampler;
  private readonly groupSampler: GroupSampler;
  private preferred: string | undefined;
  /** Every broker address learned from metadata: asked when the bootstrap addresses fail. */
  private readonly known = new Map<number, string>();
  private admin: Admin | undefined;
  private adminReady: Promise<void> | undefined;
  private readonly configs: ConfigCache;
  private lastGroups: ConsumerGroupLag[] = [];
  private canaryCreateAt = 0;
  /** The last canary round that finished, and the one in flight (rounds run beside the polls, one at a time). */
  private canaryLast: CanaryObservation | null = null;
  private canaryRun: Promise<void> | null = null;
  private canaryStarted = false;

  constructor(private readonly opts: ObserverOptions) {
    this.data = new WirePool(CLIENT_ID, opts.timeoutMs);
    this.offsets = new HighWatermarkReader(this.data);
    this.liveness = new LivenessProber(CLIENT_ID, opts.timeoutMs);
    this.quorumProber = new QuorumProber(CLIENT_ID, opts.timeoutMs, opts.controllerEndpoints);
    this.canary = opts.canaryTopic ? new CanaryWriter(CLIENT_ID, opts.canaryTopic, opts.timeoutMs) : null;
    this.logDirs = new LogDirSampler(CLIENT_ID);
    this.metricsSampler = new MetricsSampler(opts.metricsEndpoints ?? {}, opts.timeoutMs, opts.metricsIntervalMs);
    this.configs = new ConfigCache(() => this.kafkaAdmin(), () => this.resetAdmin(), opts.timeoutMs);
    this.groupSampler = new GroupSampler(() => this.kafkaAdmin(), () => this.resetAdmin(), opts.timeoutMs, opts.maxGroups);
  }

  /**
   * One poll. `hints.cutOff`: brokers a network fault of ours cuts off from their
   * peers; their metadata is frozen (a zombie's view), so they are asked last.
   */
  async observe(now = Date.now(), hints: ObserveHints = {}): Promise<Observation> {
    const timings: PollTimings = {};
    const timed = <T>(part: PollPart, work: Promise<T>): Promise<T> => {
      const t0 = performance.now();
      return work.finally(() => (timings[part] = Math.round(performance.now() - t0)));
    };
    // The probes need no metadata: they start with it, on connections of their own, and the poll
    // waits for the slowest of them rather than for metadata and then them.
    const probed = new Map(this.known);
    const livenessEarly = timed("liveness", this.liveness.probeAll(probed));
    const quorumVia = this.preferred;
    const quorumEarly = quorumVia !== undefined ? timed("quorum", this.quorumProber.probe(quorumVia, now)) : null;
    let md: { address: string; value: Metadata };
    try {
      const [trusted, zombies] = this.candidates(hints.cutOff ?? []);
      const ask = (a: string) => metadataFrom(this.data, a);
      md = await timed("metadata", firstAnswer(trusted, ask).catch((err: unknown) => (zombies.length > 0 ? firstAnswer(zombies, ask) : Promise.reject(err))));
    } catch (err) {
      // Nothing answered metadata: each known broker's probe and the voters still say why.
      const [liveness, quorum] = await Promise.all([livenessEarly, quorumEarly ?? this.quorumProber.probe(null, now)]);
      return {
        ...emptyObservation(now, `no broker answers on ${this.candidates().flat().join(",")}: ${errorText(err)}`),
        liveness,
        voterViews: quorum.views,
        quorumVia: quorum.via,
        sessionTimeoutMs: await this.configs.sessionTimeoutMs(undefined),
        timings,
      };
    }
    const { address, value: metadata } = md;
    this.preferred = address;
    for (const b of metadata.brokers) this.known.set(b.id, `${b.host}:${b.port}`);
    // Brokers first learned from this answer are probed now (the first poll's, every broker).
    const newcomers = new Map([...this.known].filter(([id, a]) => probed.get(id) !== a));
    const liveness = Promise.all([livenessEarly, newcomers.size > 0 ? this.liveness.probeAll(newcomers) : Promise.resolve<Record<number, LivenessProbe>>({})]).then(([a, b]) => ({ ...a, ...b }));
    // Asked through a broker (no controller endpoint known) that has not answered: ask the one that just did.
    const quorumProbe = quorumEarly
      ? quorumEarly.then((q) => (q.quorum === null && q.via === "brokers" && quorumVia !== address ? this.quorumProber.probe(address, now) : q))
      : timed("quorum", this.quorumProber.probe(address, now));
    // Committed offsets come from the background (a dead coordinator never holds the poll up); the lag is against this poll's high watermarks.
    const groupOffsets = this.groupSampler.current(now);
    const [quorum, highWatermarks, livenessById, minIsr, canary, sessionTimeoutMs] = await Promise.all([
      quorumProbe,
      timed("offsets", this.offsets.read(metadata.partitions, this.known)),
      liveness,
      timed("configs", this.configs.minIsrFor(topicsOf(metadata.partitions), now)),
      this.canaryRound(metadata, now),
      this.configs.sessionTimeoutMs(metadata.brokers[0]?.id, now),
    ]);
    const groups = withLag(groupOffsets, highWatermarks) ?? this.lastGroups;
    this.lastGroups = groups;
    return {
      at: now,
      reachable: true,
      registered: metadata.brokers,
      responsive: Object.entries(livenessById).flatMap(([id, p]) => (p.ok ? [Number(id)] : [])).sort((a, b) => a - b),
      partitions: metadata.partitions,
      minIsr,
      quorum: quorum.quorum,
      highWatermarks,
      groups,
      ...this.metricsSampler.current(now),
      liveness: livenessById,
      voterViews: quorum.views,
      quorumVia: quorum.via,
      sessionTimeoutMs,
      answeredBy: address,
      canary,
      // Registered brokers only: a fenced or dead one keeps its last sample, asked again once it is back.
      disks: this.logDirs.current(new Map(metadata.brokers.map((b) => [b.id, `${b.host}:${b.port}`])), now),
      timings,
    };
  }

  close(): void {
    this.data.close();
    this.liveness.close();
    this.quorumProber.close();
    this.canary?.close();
    this.logDirs.close();
    this.resetAdmin();
  }

  /** The last broker that answered, then the configured bootstrap, then every broker learned since; apart, the cut-off ones. */
  private candidates(cutOff: readonly number[] = []): [string[], string[]] {
    const all = [this.preferred, ...this.opts.bootstrap, ...this.known.values()].filter((a): a is string => a !== undefined);
    const zombies = new Set(cutOff.flatMap((id) => (this.known.has(id) ? [this.known.get(id) as string] : [])));
    const unique = [...new Set(all)];
    return [unique.filter((a) => !zombies.has(a)), unique.filter((a) => zombies.has(a))];
  }

  /**
   * The canary's last finished round; starts the next one unless one is still in
   * flight. The poll does not wait for it (an acks=all write waits on the
   * followers, ~140 ms on a loaded 10,000-partition cluster here, which would
   * hold every other figure back); only the first round is waited for. Each round
   * keeps the time of the poll that started it, so the verdict counts rounds, not polls.
   */
  private async canaryRound(metadata: Metadata, now: number): Promise<CanaryObservation | null> {
    const canary = this.canary;
    if (!canary) return null;
    if (!this.canaryRun) {
      this.canaryRun = canary
        .round(metadata.partitions, this.known, now)
        .then((result) => {
          this.canaryLast = result;
          if (result.writes.length === 0 && now - this.canaryCreateAt > CANARY_CREATE_RETRY_MS && metadata.brokers.length > 0) {
            // Created in the background: a slow CreateTopics must not hold up the poll.
            this.canaryCreateAt = now;
            ensureCanaryTopic([...this.known.values()], canary.topic, metadata.brokers.map((b) => b.id)).catch(() => {});
          }
        })
        .catch(() => {})
        .finally(() => (this.canaryRun = null));
      if (!this.canaryStarted) {
        this.canaryStarted = true;
        await this.canaryRun;
      }
    }
    return this.canaryLast;
  }

  private async kafkaAdmin(): Promise<Admin> {
    if (!this.admin) {
      const bootstrap = this.candidates().flat();
      const admin = kafkaClient({ bootstrap, clientId: CLIENT_ID, timeoutMs: this.opts.timeoutMs, retries: 0 }).admin();
      this.admin = admin;
      this.adminReady = admin.connect();
    }
    await withTimeout(this.adminReady ?? Promise.resolve(), this.opts.timeoutMs, "admin connect timed out");
    return this.admin;
  }

  private resetAdmin(): void {
    const admin = this.admin;
    this.admin = undefined;
    this.adminReady = undefined;
    admin?.disconnect().catch(() => {});
  }
}

/** Each topic once, in the order the (sorted) partitions give them. */
function topicsOf(partitions: readonly PartitionState[]): string[] {
  const out: string[] = [];
  for (const p of partitions) if (out[out.length - 1] !== p.topic) out.push(p.topic);
  return out;
}

export function emptyObservation(at: number, error: string): Observation {
  return {
    at,
    reachable: false,
    error,
    registered: [],
    responsive: [],
    partitions: [],
    minIsr: {},
    quorum: null,
    highWatermarks: {},
    groups: [],
    metrics: {},
    liveness: {},
    voterViews: [],
    quorumVia: "brokers",
    sessionTimeoutMs: null,
    answeredBy: null,
    canary: null,
  };
}
