// Samples the dashboard's /api/cluster every 250 ms and, beside it, gathers the
// test's own evidence: each broker's process status (the runtime), a fresh
// ApiVersions probe per broker, and (every 4th sample) the test's own metadata
// and acks=all writes to each canary partition. Bounded: it stops by itself
// after maxMs even when nobody calls stop().
import type { ClusterSnapshot, TimelineEntry } from "@/lib/model/cluster";
import type { BrokerProcess, BrokerRuntime, RuntimeStatus } from "@/lib/runtime/types";
import { sleep } from "@/lib/util/poll";
import { answers, ownMetadata, ownWrite, type OwnMetadata } from "./probes";

export interface MatrixTarget {
  name: string;
  baseUrl: string;
  runtime: BrokerRuntime;
  /** Client address per broker id. */
  brokers: Readonly<Record<number, string>>;
  /** KRaft controller endpoint per voter id. */
  controllers: Readonly<Record<number, string>>;
  canaryTopic: string;
  kafkaHome: string;
  javaBin: string;
  /**
   * Kafka's MetadataQuorumCommand run another way than from this host against
   * `controllers` (Docker: inside a running container, where the controllers'
   * advertised names resolve). Gets the nodes whose process runs.
   */
  quorumLeader?: (running: readonly BrokerProcess[]) => Promise<number | null>;
  /** Extra request headers for the dashboard (a token, for instance). */
  headers?: Record<string, string>;
  /**
   * Kafka's own account of the cluster since `since` (ms), asked when a heal never
   * completes or Kafka is stuck (evidence.ts), with a thread dump of `dump`'s nodes.
   */
  evidence?: (since: number, dump: readonly number[]) => Promise<string>;
}

export interface Sample {
  at: number;
  snapshot: ClusterSnapshot | null;
  apiMs: number;
  apiStatus: number;
  procs: Record<number, RuntimeStatus>;
  answers: Record<number, boolean>;
  /** Present on every 4th sample. */
  metadata?: OwnMetadata | null;
  writes?: Record<number, boolean>;
}

export const SAMPLE_EVERY_MS = 250;
/** A probe still waiting this long counts as unanswered. */
const PROBE_STALE_MS = 1500;

interface ProbeState {
  ok: boolean;
  doneAt: number;
  inFlightSince: number | null;
}

/**
 * Three loops, so a hanging probe never slows the dashboard's sampling: the API
 * every 250 ms, one fresh-connection probe loop per broker, and the test's own
 * metadata + writes once a second. Each API sample records the evidence as it
 * stands at that moment.
 */
export class Sampler {
  readonly samples: Sample[] = [];
  private running = false;
  private loops: Promise<void>[] = [];
  private readonly probes = new Map<number, ProbeState>();
  private pendingWrites: Pick<Sample, "metadata" | "writes"> | null = null;

  constructor(private readonly target: MatrixTarget) {}

  start(maxMs = 240_000): void {
    this.running = true;
    const until = Date.now() + maxMs;
    const live = () => this.running && Date.now() < until;
    const every = async (ms: number, work: () => Promise<void>) => {
      while (live()) {
        const t0 = Date.now();
        await work();
        await sleep(Math.max(0, ms - (Date.now() - t0)));
      }
    };
    this.loops = [
      every(SAMPLE_EVERY_MS, async () => void this.samples.push(await this.sample())),
      every(1000, async () => void (this.pendingWrites = await this.ownWrites())),
      ...Object.entries(this.target.brokers).map(([id, address]) =>
        every(SAMPLE_EVERY_MS, async () => {
          const state = this.probes.get(Number(id)) ?? { ok: false, doneAt: 0, inFlightSince: null };
          this.probes.set(Number(id), { ...state, inFlightSince: Date.now() });
          const ok = await answers(address);
          this.probes.set(Number(id), { ok, doneAt: Date.now(), inFlightSince: null });
        }),
      ),
    ];
  }

  async stop(): Promise<Sample[]> {
    this.running = false;
    await Promise.all(this.loops);
    return this.samples;
  }

  private answering(id: number, now: number): boolean {
    const p = this.probes.get(id);
    if (!p || !p.ok) return false;
    if (p.inFlightSince !== null && now - p.inFlightSince > PROBE_STALE_MS) return false;
    return now - p.doneAt <= PROBE_STALE_MS + SAMPLE_EVERY_MS;
  }

  private async sample(): Promise<Sample> {
    const at = Date.now();
    const [api, procs] = await Promise.all([
      this.api(),
      this.target.runtime.list().then((l) => Object.fromEntries(l.map((p) => [p.id, p.status]))).catch(() => ({})),
    ]);
    const ids = Object.keys(this.target.brokers).map(Number);
    const writes = this.pendingWrites;
    this.pendingWrites = null;
    return { at, ...api, procs, answers: Object.fromEntries(ids.map((id) => [id, this.answering(id, at)])), ...(writes ?? {}) };
  }
  private async api(): Promise<Pick<Sample, "snapshot" | "apiMs" | "apiStatus">> {
    const t0 = Date.now();
    try {
      const res = await fetch(`${this.target.baseUrl}/api/cluster`, { headers: this.target.headers, signal: AbortSignal.timeout(10_000) });
      const body = res.ok ? ((await res.json()) as ClusterSnapshot) : null;
      return { snapshot: body, apiMs: Date.now() - t0, apiStatus: res.status };
    } catch {
      return { snapshot: null, apiMs: Date.now() - t0, apiStatus: 0 };
    }
  }

  private async ownWrites(): Promise<Pick<Sample, "metadata" | "writes">> {
    const metadata = await ownMetadata(Object.values(this.target.brokers), this.target.canaryTopic);
    const writes: Record<number, boolean> = {};
    await Promise.all(
      Object.entries(metadata?.leaders ?? {}).map(async ([p, leader]) => {
        const address = this.target.brokers[leader];
        writes[Number(p)] = address ? await ownWrite(address, this.target.canaryTopic, Number(p)) : false;
      }),
    );
    return { metadata, writes };
  }
}

export async function timelineOf(target: MatrixTarget): Promise<TimelineEntry[]> {
  const res = await fetch(`${target.baseUrl}/api/timeline?limit=1000`, { headers: target.headers, signal: AbortSignal.timeout(10_000) });
  return ((await res.json()) as { entries: TimelineEntry[] }).entries;
}

/** The matrix target for a cluster our runtime runs (local processes or Docker) and the dashboard watching it. */
export function runtimeTarget(
  name: string,
  baseUrl: string,
  runtime: BrokerRuntime & { controllerEndpoints: Readonly<Record<number, string>> },
  cfg: { CANARY_TOPIC: string; kafkaHome: string; JAVA_BIN: string },
  headers?: Record<string, string>,
): MatrixTarget {
  return {
    name,
    baseUrl,
    runtime,
    brokers: Object.fromEntries(runtime.bootstrap.map((a, i) => [runtime.brokerIds[i] as number, a])),
    controllers: runtime.controllerEndpoints,
    canaryTopic: cfg.CANARY_TOPIC,
    kafkaHome: cfg.kafkaHome,
    javaBin: cfg.JAVA_BIN,
    ...(headers ? { headers } : {}),
  };
}
