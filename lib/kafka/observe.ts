// One poll of the cluster: metadata, KRaft quorum, high watermarks, broker
// liveness, consumer-group offsets, per-broker JMX figures. Every call is bounded
// by the timeout; any part that fails leaves its field empty (or last known) and
// never takes the rest down with it.
import { apiVersionsV3, describeQuorumV2, listOffsetsV9, metadataV12 } from "@platformatic/kafka";
import type { Admin } from "kafkajs";
import type { BrokerMetricsSample, ConsumerGroupLag, Observation, PartitionState, QuorumState } from "@/lib/model/cluster";
import { withTimeout } from "@/lib/util/poll";
import { kafkaClient } from "./client";
import { scrapeBrokerMetrics } from "./jmx-metrics";
import { answerEvenWithErrors, WirePool } from "./wire";

export interface ObserverOptions {
  bootstrap: readonly string[];
  timeoutMs: number;
  /** JMX exporter URL per broker id, when the runtime knows them. */
  metricsEndpoints?: Readonly<Record<number, string>>;
  /** Cap on consumer groups examined per poll (a real cluster can have thousands). */
  maxGroups?: number;
}

interface Metadata {
  brokers: { id: number; host: string; port: number }[];
  partitions: PartitionState[];
}

const CONFIG_TTL_MS = 30_000;
const toNum = (v: bigint) => Number(v);

export class KafkaObserver {
  private readonly pool: WirePool;
  private preferred: string | undefined;
  private admin: Admin | undefined;
  private adminReady: Promise<void> | undefined;
  private minIsr: { at: number; byTopic: Record<string, number>; fallback: number } = { at: 0, byTopic: {}, fallback: 1 };
  private lastGroups: ConsumerGroupLag[] = [];

  constructor(private readonly opts: ObserverOptions) {
    this.pool = new WirePool("streamsocial-monitor", opts.timeoutMs);
  }

  async observe(now = Date.now()): Promise<Observation> {
    let md: { address: string; metadata: Metadata };
    try {
      md = await this.metadata();
    } catch (err) {
      return emptyObservation(now, `no broker answers on ${this.opts.bootstrap.join(",")}: ${message(err)}`);
    }
    const { address, metadata } = md;
    const addressOf = new Map(metadata.brokers.map((b) => [b.id, `${b.host}:${b.port}`]));
    const [quorum, highWatermarks, responsive, minIsr, metrics] = await Promise.all([
      this.quorum(address).catch(() => null),
      this.highWatermarks(metadata.partitions, addressOf),
      this.responsive(addressOf),
      this.minIsrByTopic(metadata.partitions),
      this.metrics(),
    ]);
    const groups = await this.groups(highWatermarks);
    return {
      at: now,
      reachable: true,
      registered: metadata.brokers,
      responsive,
      partitions: metadata.partitions,
      minIsr,
      quorum,
      highWatermarks,
      groups,
      metrics,
    };
  }

  close(): void {
    this.pool.close();
    const admin = this.admin;
    this.admin = undefined;
    this.adminReady = undefined;
    admin?.disconnect().catch(() => {});
  }

  /** Asks the last broker that answered first, then every other one at once. */
  private async metadata(): Promise<{ address: string; metadata: Metadata }> {
    const ask = async (address: string) => ({ address, metadata: await this.metadataFrom(address) });
    if (this.preferred) {
      try {
        return await ask(this.preferred);
      } catch {
        // fall through to the others
      }
    }
    const others = this.opts.bootstrap.filter((a) => a !== this.preferred);
    const first = await Promise.any(others.map(ask)).catch((e: AggregateError) => {
      throw e.errors[0] ?? e;
    });
    this.preferred = first.address;
    return first;
  }

  private async metadataFrom(address: string): Promise<Metadata> {
    const res = await this.pool.request(address, (c) => answerEvenWithErrors(metadataV12.api.async(c, null, false, false)));
    const partitions: PartitionState[] = [];
    for (const t of res.topics) {
      if (!t.name) continue;
      for (const p of t.partitions) {
        partitions.push({
          topic: t.name,
          partition: p.partitionIndex,
          leader: p.leaderId,
          replicas: p.replicaNodes,
          isr: p.isrNodes,
          offlineReplicas: p.offlineReplicas,
        });
      }
    }
    partitions.sort((a, b) => (a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : a.partition - b.partition));
    return { brokers: res.brokers.map((b) => ({ id: b.nodeId, host: b.host, port: b.port })).sort((a, b) => a.id - b.id), partitions };
  }

  private async quorum(address: string): Promise<QuorumState | null> {
    const res = await this.pool.request(address, (c) =>
      describeQuorumV2.api.async(c, [{ topicName: "__cluster_metadata", partitions: [{ partitionIndex: 0 }] }]),
    );
    const p = res.topics[0]?.partitions[0];
    if (!p || p.errorCode !== 0) return null;
    const leo = toNum(p.currentVoters.find((v) => v.replicaId === p.leaderId)?.logEndOffset ?? p.highWatermark);
    const member = (v: (typeof p.currentVoters)[number]) => ({
      id: v.replicaId,
      logEndOffset: toNum(v.logEndOffset),
      lag: Math.max(0, leo - toNum(v.logEndOffset)),
      lastFetchTimestamp: v.lastFetchTimestamp >= 0n ? toNum(v.lastFetchTimestamp) : null,
      lastCaughtUpTimestamp: v.lastCaughtUpTimestamp >= 0n ? toNum(v.lastCaughtUpTimestamp) : null,
    });
    return {
      leaderId: p.leaderId,
      leaderEpoch: p.leaderEpoch,
      highWatermark: toNum(p.highWatermark),
      voters: p.currentVoters.map(member),
      observers: p.observers.map(member),
    };
  }

  /** ListOffsets(latest) goes to each partition's leader; one request per leader. */
  private async highWatermarks(
    partitions: PartitionState[],
    addressOf: Map<number, string>,
  ): Promise<Record<string, Record<number, number>>> {
    const byLeader = new Map<number, Map<string, number[]>>();
    for (const p of partitions) {
      if (p.leader < 0) continue;
      const topics = byLeader.get(p.leader) ?? new Map<string, number[]>();
      topics.set(p.topic, [...(topics.get(p.topic) ?? []), p.partition]);
      byLeader.set(p.leader, topics);
    }
    const out: Record<string, Record<number, number>> = {};
    await Promise.all(
      [...byLeader].map(async ([leader, topics]) => {
        const address = addressOf.get(leader);
        if (!address) return;
        const request = [...topics].map(([name, ps]) => ({
          name,
          partitions: ps.map((partitionIndex) => ({ partitionIndex, currentLeaderEpoch: -1, timestamp: -1n })),
        }));
        try {
          const res = await this.pool.request(address, (c) => answerEvenWithErrors(listOffsetsV9.api.async(c, -1, 0, request)));
          for (const t of res.topics) {
            for (const p of t.partitions) {
              if (p.errorCode !== 0 || p.offset < 0n) continue;
              (out[t.name] ??= {})[p.partitionIndex] = toNum(p.offset);
            }
          }
        } catch {
          // leader unreachable: its partitions have no sample this poll
        }
      }),
    );
    return out;
  }

  /** Brokers that answer an ApiVersions request in time (a frozen JVM accepts TCP but never answers). */
  private async responsive(addressOf: Map<number, string>): Promise<number[]> {
    const ids = await Promise.all(
      [...addressOf].map(async ([id, address]) => {
        try {
          await this.pool.request(address, (c) => apiVersionsV3.api.async(c, "streamsocial-monitor", "1.0"));
          return id;
        } catch {
          return undefined;
        }
      }),
    );
    return ids.filter((id): id is number => id !== undefined).sort((a, b) => a - b);
  }

  private async kafkaAdmin(): Promise<Admin> {
    if (!this.admin) {
      const admin = kafkaClient({ bootstrap: this.opts.bootstrap, clientId: "streamsocial-monitor", timeoutMs: this.opts.timeoutMs, retries: 0 }).admin();
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

  private async groups(highWatermarks: Record<string, Record<number, number>>): Promise<ConsumerGroupLag[]> {
    try {
      const admin = await this.kafkaAdmin();
      const budget = this.opts.timeoutMs;
      const { groups } = await withTimeout(admin.listGroups(), budget, "listGroups timed out");
      const ids = groups.map((g) => g.groupId).sort().slice(0, this.opts.maxGroups ?? 50);
      if (ids.length === 0) return (this.lastGroups = []);
      const described = await withTimeout(admin.describeGroups(ids), budget, "describeGroups timed out");
      const offsets = await Promise.all(
        ids.map((groupId) => withTimeout(admin.fetchOffsets({ groupId }), budget, "fetchOffsets timed out").catch(() => [])),
      );
      this.lastGroups = ids.map((groupId, i) => {
        const d = described.groups.find((g) => g.groupId === groupId);
        const topics = (offsets[i] ?? []).map((t) => ({
          topic: t.topic,
          lag: t.partitions.reduce((sum, p) => {
            const committed = Number(p.offset);
            const hw = highWatermarks[t.topic]?.[p.partition];
            return committed >= 0 && hw !== undefined ? sum + Math.max(0, hw - committed) : sum;
          }, 0),
        }));
        return {
          groupId,
          state: d?.state ?? "Unknown",
          members: d?.members.length ?? 0,
          totalLag: topics.reduce((s, t) => s + t.lag, 0),
          topics,
        };
      });
    } catch {
      this.resetAdmin();
    }
    return this.lastGroups;
  }

  private async metrics(): Promise<Record<number, BrokerMetricsSample>> {
    const endpoints = Object.entries(this.opts.metricsEndpoints ?? {});
    const samples = await Promise.all(endpoints.map(async ([id, url]) => [Number(id), await scrapeBrokerMetrics(url, this.opts.timeoutMs)] as const));
    const out: Record<number, BrokerMetricsSample> = {};
    for (const [id, s] of samples) if (s) out[id] = s;
    return out;
  }
}

function emptyObservation(at: number, error: string): Observation {
  return { at, reachable: false, error, registered: [], responsive: [], partitions: [], minIsr: {}, quorum: null, highWatermarks: {}, groups: [], metrics: {} };
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
