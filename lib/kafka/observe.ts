// One poll of the cluster: metadata, KRaft quorum (asked of each voter), high
// watermarks, each broker's own liveness probe, the canary write, consumer-group
// offsets, per-broker JMX figures. Each kind of request has connections of its
// own (Kafka answers one request per connection at a time, so sharing would let
// a slow kind of request starve another), every call is bounded by the timeout,
// and any part that fails leaves its field empty (or last known) without taking
// the rest down with it.
import type { Admin } from "kafkajs";
import type { BrokerMetricsSample, CanaryObservation, ConsumerGroupLag, Observation, PartitionState } from "@/lib/model/cluster";
import { withTimeout } from "@/lib/util/poll";
import { CanaryWriter } from "./canary";
import { kafkaClient } from "./client";
import { scrapeBrokerMetrics } from "./jmx-metrics";
import { errorText, LivenessProber } from "./liveness";
import { listLatestOffsets } from "./list-offsets";
import { GroupSampler, withLag } from "./group-sampler";
import { LogDirSampler } from "./log-dirs";
import { firstAnswer, metadataFrom, type Metadata } from "./metadata";
import { QuorumProber } from "./quorum-probe";
import { ensureCanaryTopic } from "./topics";
import { WirePool } from "./wire";

export interface ObserverOptions {
  bootstrap: readonly string[];
  timeoutMs: number;
  /** JMX exporter URL per broker id, when the runtime knows them. */
  metricsEndpoints?: Readonly<Record<number, string>>;
  /** KRaft controller endpoint per voter id, when the runtime knows them. */
  controllerEndpoints?: Readonly<Record<number, string>>;
  /** Cap on consumer groups examined per poll (a real cluster can have thousands). */
  maxGroups?: number;
  /** The canary topic to write each poll; null/undefined = no canary. */
  canaryTopic?: string | null;
}

const CONFIG_TTL_MS = 30_000;
const SESSION_TTL_MS = 300_000;
const CANARY_CREATE_RETRY_MS = 30_000;
const CLIENT_ID = "streamsocial-monitor";

export interface ObserveHints {
  cutOff?: readonly number[];
}

export class KafkaObserver {
  private readonly data: WirePool;
  private readonly liveness: LivenessProber;
  private readonly quorumProber: QuorumProber;
  private readonly canary: CanaryWriter | null;
  private readonly logDirs: LogDirSampler;
  private readonly groupSampler: GroupSampler;
  private preferred: string | undefined;
  /** Every broker address learned from metadata: asked when the bootstrap addresses fail. */
  private readonly known = new Map<number, string>();
  private admin: Admin | undefined;
  private adminReady: Promise<void> | undefined;
  private minIsr: { at: number; byTopic: Record<string, number>; fallback: number } = { at: 0, byTopic: {}, fallback: 1 };
  private session: { at: number; ms: number | null } = { at: 0, ms: null };
  private lastGroups: ConsumerGroupLag[] = [];
  private canaryCreateAt = 0;

  constructor(private readonly opts: ObserverOptions) {
    this.data = new WirePool(CLIENT_ID, opts.timeoutMs);
    this.liveness = new LivenessProber(CLIENT_ID, opts.timeoutMs);
    this.quorumProber = new QuorumProber(CLIENT_ID, opts.timeoutMs, opts.controllerEndpoints);
    this.canary = opts.canaryTopic ? new CanaryWriter(CLIENT_ID, opts.canaryTopic, opts.timeoutMs) : null;
    this.logDirs = new LogDirSampler(CLIENT_ID);
    this.groupSampler = new GroupSampler(() => this.kafkaAdmin(), () => this.resetAdmin(), opts.timeoutMs, opts.maxGroups);
  }

  /**
   * One poll. `hints.cutOff`: brokers a network fault of ours cuts off from their
   * peers; their metadata is frozen (a zombie's view), so they are asked last.
   */
  async observe(now = Date.now(), hints: ObserveHints = {}): Promise<Observation> {
    let md: { address: string; value: Metadata };
    try {
      const [trusted, zombies] = this.candidates(hints.cutOff ?? []);
      const ask = (a: string) => metadataFrom(this.data, a);
      md = await firstAnswer(trusted, ask).catch((err: unknown) => (zombies.length > 0 ? firstAnswer(zombies, ask) : Promise.reject(err)));
    } catch (err) {
      // Nothing answered metadata: each known broker's probe and the voters still say why.
      const [liveness, quorum] = await Promise.all([this.liveness.probeAll(this.known), this.quorumProber.probe(null, now)]);
      return {
        ...emptyObservation(now, `no broker answers on ${this.candidates().flat().join(",")}: ${errorText(err)}`),
        liveness,
        voterViews: quorum.views,
        quorumVia: quorum.via,
        sessionTimeoutMs: this.session.ms,
      };
    }
    const { address, value: metadata } = md;
    this.preferred = address;
    for (const b of metadata.brokers) this.known.set(b.id, `${b.host}:${b.port}`);
    // Committed offsets come from the background (a dead coordinator never holds the poll up); the lag is against this poll's high watermarks.
    const groupOffsets = this.groupSampler.current(now);
    const [quorum, highWatermarks, liveness, minIsr, metrics, canary] = await Promise.all([
      this.quorumProber.probe(address, now),
      this.highWatermarks(metadata.partitions),
      this.liveness.probeAll(this.known),
      this.minIsrByTopic(metadata.partitions),
      this.metrics(),
      this.canaryRound(metadata, now),
      this.sessionTimeout(metadata.brokers.map((b) => b.id)),
    ]);
    const groups = withLag(groupOffsets, highWatermarks) ?? this.lastGroups;
    this.lastGroups = groups;
    return {
      at: now,
      reachable: true,
      registered: metadata.brokers,
      responsive: Object.entries(liveness).flatMap(([id, p]) => (p.ok ? [Number(id)] : [])).sort((a, b) => a - b),
      partitions: metadata.partitions,
      minIsr,
      quorum: quorum.quorum,
      highWatermarks,
      groups,
      metrics,
      liveness,
      voterViews: quorum.views,
      quorumVia: quorum.via,
      sessionTimeoutMs: this.session.ms,
      answeredBy: address,
      canary,
      // Registered brokers only: a fenced or dead one keeps its last sample, asked again once it is back.
      disks: this.logDirs.current(new Map(metadata.brokers.map((b) => [b.id, `${b.host}:${b.port}`])), now),
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

  /** ListOffsets(latest) goes to each partition's leader; one request per leader. */
  private async highWatermarks(partitions: PartitionState[]): Promise<Record<string, Record<number, number>>> {
    const byLeader = new Map<number, Map<string, number[]>>();
    for (const p of partitions) {
      if (p.leader < 0) continue;
      let topics = byLeader.get(p.leader);
      if (!topics) byLeader.set(p.leader, (topics = new Map()));
      let list = topics.get(p.topic);
      if (!list) topics.set(p.topic, (list = []));
      list.push(p.partition);
    }
    const out: Record<string, Record<number, number>> = {};
    await Promise.all(
      [...byLeader].map(async ([leader, topics]) => {
        const address = this.known.get(leader);
        if (!address) return;
        try {
          await this.data.request(address, (c) => listLatestOffsets(c, topics, out));
        } catch {
          // leader unreachable: its partitions have no sample this poll
        }
      }),
    );
    return out;
  }

  private async canaryRound(metadata: Metadata, now: number): Promise<CanaryObservation | null> {
    if (!this.canary) return null;
    const result = await this.canary.round(metadata.partitions, this.known, now);
    if (result.writes.length === 0 && now - this.canaryCreateAt > CANARY_CREATE_RETRY_MS && metadata.brokers.length > 0) {
      // Created in the background: a slow CreateTopics must not hold up the poll.
      this.canaryCreateAt = now;
      ensureCanaryTopic([...this.known.values()], this.canary.topic, metadata.brokers.map((b) => b.id)).catch(() => {});
    }
    return result;
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

  /** min.insync.replicas per topic, refreshed every 30 s (configs rarely change). */
  private async minIsrByTopic(partitions: PartitionState[]): Promise<Record<string, number>> {
    const topics = [...new Set(partitions.map((p) => p.topic))];
    const now = Date.now();
    const missing = topics.some((t) => this.minIsr.byTopic[t] === undefined);
    if (now - this.minIsr.at > CONFIG_TTL_MS || missing) {
      try {
        const admin = await this.kafkaAdmin();
        const res = await withTimeout(
          admin.describeConfigs({
            includeSynonyms: false,
            resources: topics.map((name) => ({ type: 2, name, configNames: ["min.insync.replicas"] })),
          }),
          this.opts.timeoutMs,
          "describeConfigs timed out",
        );
        const byTopic: Record<string, number> = {};
        for (const r of res.resources) {
          const v = Number(r.configEntries.find((e) => e.configName === "min.insync.replicas")?.configValue);
          if (Number.isInteger(v) && v > 0) byTopic[r.resourceName] = v;
        }
        this.minIsr = { at: now, byTopic, fallback: this.minIsr.fallback };
      } catch {
        this.resetAdmin();
      }
    }
    return Object.fromEntries(topics.map((t) => [t, this.minIsr.byTopic[t] ?? this.minIsr.fallback]));
  }

  /** broker.session.timeout.ms from the cluster's own config (how long Kafka waits before fencing a silent broker). */
  private async sessionTimeout(brokerIds: number[]): Promise<void> {
    const now = Date.now();
    const id = brokerIds[0];
    if (id === undefined || (this.session.ms !== null && now - this.session.at < SESSION_TTL_MS)) return;
    try {
      const admin = await this.kafkaAdmin();
      const res = await withTimeout(
        admin.describeConfigs({ includeSynonyms: false, resources: [{ type: 4, name: String(id), configNames: ["broker.session.timeout.ms"] }] }),
        this.opts.timeoutMs,
        "describeConfigs timed out",
      );
      const v = Number(res.resources[0]?.configEntries.find((e) => e.configName === "broker.session.timeout.ms")?.configValue);
      if (Number.isInteger(v) && v > 0) this.session = { at: now, ms: v };
    } catch {
      this.resetAdmin();
    }
  }

  private async metrics(): Promise<Record<number, BrokerMetricsSample>> {
    const endpoints = Object.entries(this.opts.metricsEndpoints ?? {});
    const samples = await Promise.all(endpoints.map(async ([id, url]) => [Number(id), await scrapeBrokerMetrics(url, this.opts.timeoutMs)] as const));
    const out: Record<number, BrokerMetricsSample> = {};
    for (const [id, s] of samples) if (s) out[id] = s;
    return out;
  }
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
