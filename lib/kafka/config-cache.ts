// The two configuration values the monitor needs from Kafka: min.insync.replicas
// per topic and broker.session.timeout.ms. They rarely change, so they are read
// in the background and the poll uses what is known: a DescribeConfigs of a
// thousand topics (or one waiting on a slow broker) never holds up a poll. Only
// the very first read is waited for, so the first snapshot already judges
// under-min-ISR partitions by each topic's own setting.
import type { Admin } from "kafkajs";
import { withTimeout } from "@/lib/util/poll";

const MIN_ISR_TTL_MS = 30_000;
/** A new topic is looked up at its first sight, but no more often than this while its answer is missing. */
const MISSING_RETRY_MS = 2_000;
const SESSION_TTL_MS = 300_000;
/** Kafka's own default min.insync.replicas, used for a topic not read yet. */
const DEFAULT_MIN_ISR = 1;

const TOPIC = 2;
const BROKER = 4;

export class ConfigCache {
  /** A Map, not a record: a topic may be called "__proto__". */
  private minIsr = new Map<string, number>();
  private minIsrAt = 0;
  private minIsrTriedAt = 0;
  private minIsrRun: Promise<void> | null = null;
  private minIsrFirst: Promise<void> | null = null;
  private session: { at: number; ms: number | null } = { at: 0, ms: null };
  private sessionRun: Promise<void> | null = null;
  private sessionFirst: Promise<void> | null = null;

  constructor(
    private readonly admin: () => Promise<Admin>,
    private readonly resetAdmin: () => void,
    private readonly timeoutMs: number,
  ) {}

  /** min.insync.replicas of each topic as known now; starts a background refresh when due. */
  async minIsrFor(topics: readonly string[], now = Date.now()): Promise<Record<string, number>> {
    const missing = topics.filter((t) => !this.minIsr.has(t));
    const stale = this.minIsrFirst === null || now - this.minIsrAt > MIN_ISR_TTL_MS;
    if ((stale || (missing.length > 0 && now - this.minIsrTriedAt > MISSING_RETRY_MS)) && !this.minIsrRun) {
      this.minIsrTriedAt = now;
      // Every topic when the values are old; otherwise only those not read yet (a new topic among a thousand).
      this.minIsrRun = (stale ? this.readMinIsr(topics, now) : this.readMinIsr(missing, null)).finally(() => (this.minIsrRun = null));
      this.minIsrFirst ??= this.minIsrRun;
      if (this.minIsrFirst === this.minIsrRun) await this.minIsrRun;
    }
    return Object.fromEntries(topics.map((t) => [t, this.minIsr.get(t) ?? DEFAULT_MIN_ISR]));
  }

  /** broker.session.timeout.ms as last read (null until read); refreshed in the background every 5 minutes. */
  async sessionTimeoutMs(brokerId: number | undefined, now = Date.now()): Promise<number | null> {
    const due = this.session.ms === null || now - this.session.at > SESSION_TTL_MS;
    if (brokerId !== undefined && due && !this.sessionRun) {
      this.sessionRun = this.readSessionTimeout(brokerId, now).finally(() => (this.sessionRun = null));
      this.sessionFirst ??= this.sessionRun;
      if (this.sessionFirst === this.sessionRun) await this.sessionRun;
    }
    return this.session.ms;
  }

  /** `askedAt` null: a partial read, merged into what is known without renewing its age. */
  private async readMinIsr(topics: readonly string[], askedAt: number | null): Promise<void> {
    try {
      const admin = await this.admin();
      const res = await withTimeout(
        admin.describeConfigs({
          includeSynonyms: false,
          resources: topics.map((name) => ({ type: TOPIC, name, configNames: ["min.insync.replicas"] })),
        }),
        this.timeoutMs * 4,
        "describeConfigs (min.insync.replicas) timed out",
      );
      const byTopic = askedAt === null ? this.minIsr : new Map<string, number>();
      for (const r of res.resources) {
        const v = Number(r.configEntries.find((e) => e.configName === "min.insync.replicas")?.configValue);
        if (Number.isInteger(v) && v > 0) byTopic.set(r.resourceName, v);
      }
      if (askedAt !== null) {
        this.minIsr = byTopic;
        this.minIsrAt = askedAt;
      }
    } catch {
      this.resetAdmin();
    }
  }

  private async readSessionTimeout(brokerId: number, now: number): Promise<void> {
    try {
      const admin = await this.admin();
      const res = await withTimeout(
        admin.describeConfigs({ includeSynonyms: false, resources: [{ type: BROKER, name: String(brokerId), configNames: ["broker.session.timeout.ms"] }] }),
        this.timeoutMs,
        "describeConfigs (broker.session.timeout.ms) timed out",
      );
      const v = Number(res.resources[0]?.configEntries.find((e) => e.configName === "broker.session.timeout.ms")?.configValue);
      if (Number.isInteger(v) && v > 0) this.session = { at: now, ms: v };
    } catch {
      this.resetAdmin();
    }
  }
}
