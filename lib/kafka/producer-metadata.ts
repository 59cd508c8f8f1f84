// A light look at who leads what, for a producer under test: one Metadata
// request (read even when partitions are leaderless, which kafkajs cannot) and,
// on demand, the active KRaft controller from DescribeQuorum. Cheap enough to
// sample every 500 ms during a drill.
import { describeQuorumV2, metadataV12 } from "@platformatic/kafka";
import type { PartitionState } from "@/lib/model/cluster";
import { answerEvenWithErrors, WirePool } from "./wire";

export class LeadershipProbe {
  private readonly pool: WirePool;
  private preferred: string | undefined;

  constructor(
    private readonly bootstrap: readonly string[],
    timeoutMs = 1000,
  ) {
    this.pool = new WirePool("streamsocial-drill-probe", timeoutMs);
  }

  /** Every partition of every topic. Throws when no broker answers. */
  async partitions(): Promise<PartitionState[]> {
    return this.ask(async (address) => {
      const res = await this.pool.request(address, (c) => answerEvenWithErrors(metadataV12.api.async(c, null, false, false)));
      const out: PartitionState[] = [];
      for (const t of res.topics) {
        if (!t.name) continue;
        for (const p of t.partitions) {
          out.push({ topic: t.name, partition: p.partitionIndex, leader: p.leaderId, replicas: p.replicaNodes, isr: p.isrNodes, offlineReplicas: p.offlineReplicas });
        }
      }
      return out;
    });
  }

  /** The active controller (quorum leader), or null when the quorum has none. */
  async controllerId(): Promise<number | null> {
    return this.ask(async (address) => {
      const res = await this.pool.request(address, (c) =>
        describeQuorumV2.api.async(c, [{ topicName: "__cluster_metadata", partitions: [{ partitionIndex: 0 }] }]),
      );
      const p = res.topics[0]?.partitions[0];
      return p && p.errorCode === 0 && p.leaderId >= 0 ? p.leaderId : null;
    });
  }

  close(): void {
    this.pool.close();
  }

  /** The broker that answered last first, then the others in turn. */
  private async ask<T>(call: (address: string) => Promise<T>): Promise<T> {
    const order = [...(this.preferred ? [this.preferred] : []), ...this.bootstrap.filter((a) => a !== this.preferred)];
    let last: unknown = new Error("no bootstrap servers");
    for (const address of order) {
      try {
        const r = await call(address);
        this.preferred = address;
        return r;
      } catch (err) {
        last = err;
      }
    }
    throw last;
  }
}
