// The cluster as a client under test sees it, cheap enough to sample every
// 250 ms during a drill: every partition's leader and ISR, merged across every
// broker's answer by leader epoch (a frozen or partitioned broker's stale view
// is outvoted, never waited for), which brokers the others still list (a fenced
// broker is gone from their metadata), and the active KRaft controller.
import { describeQuorumV2, metadataV12 } from "@platformatic/kafka";
import type { PartitionState } from "@/lib/model/cluster";
import { answersWithin, firstAnswer } from "./metadata";
import { answerEvenWithErrors, WirePool } from "./wire";

export interface ClusterSample {
  t: number;
  partitions: PartitionState[];
  /** Brokers listed in the metadata of some other broker: registered and not fenced. */
  registered: number[];
}

/** After the first answer, how long the other brokers get to contribute. */
const GRACE_MS = 150;

interface Answer {
  brokers: { id: number; address: string }[];
  partitions: (PartitionState & { epoch: number })[];
}

export class ClusterView {
  private readonly pool: WirePool;
  private readonly quorumPool: WirePool;
  private readonly addresses = new Map<number, string>();

  constructor(
    private readonly bootstrap: readonly string[],
    clientId: string,
    timeoutMs = 1000,
  ) {
    this.pool = new WirePool(`${clientId}-view`, timeoutMs);
    this.quorumPool = new WirePool(`${clientId}-quorum`, timeoutMs);
  }

  /** Throws only when no broker answers. */
  async sample(): Promise<ClusterSample> {
    const candidates = [...new Set([...this.bootstrap, ...this.addresses.values()])];
    const answers = await answersWithin(candidates, (address) => this.ask(address), GRACE_MS);
    return { t: Date.now(), ...mergeAnswers(answers.map((a) => ({ from: this.idOf(a.address), ...a.value }))) };
  }

  /** The active controller (quorum leader), or null when the quorum has none. */
  async controllerId(): Promise<number | null> {
    const { value } = await firstAnswer(this.bootstrap, (address) =>
      this.quorumPool.request(address, (c) => describeQuorumV2.api.async(c, [{ topicName: "__cluster_metadata", partitions: [{ partitionIndex: 0 }] }])),
    );
    const p = value.topics[0]?.partitions[0];
    return p && p.errorCode === 0 && p.leaderId >= 0 ? p.leaderId : null;
  }

  close(): void {
    this.pool.close();
    this.quorumPool.close();
  }

  private idOf(address: string): number | null {
    for (const [id, a] of this.addresses) if (a === address) return id;
    return null;
  }

  private async ask(address: string): Promise<Answer> {
    const res = await this.pool.request(address, (c) => answerEvenWithErrors(metadataV12.api.async(c, null, false, false)));
    const brokers = res.brokers.map((b) => ({ id: b.nodeId, address: `${b.host}:${b.port}` }));
    for (const b of brokers) this.addresses.set(b.id, b.address);
    const partitions = res.topics.flatMap((t) =>
      t.name
        ? t.partitions.map((p) => ({ topic: t.name!, partition: p.partitionIndex, leader: p.leaderId, epoch: p.leaderEpoch, replicas: p.replicaNodes, isr: p.isrNodes, offlineReplicas: p.offlineReplicas }))
        : [],
    );
    return { brokers, partitions };
  }
}

/**
 * Pure: per partition the entry with the highest leader epoch (the first answer's on
 * a tie); a broker is registered when another broker lists it, or when it is the
 * only one that answered at all.
 */
export function mergeAnswers(answers: readonly (Answer & { from: number | null })[]): Omit<ClusterSample, "t"> {
  const best = new Map<string, PartitionState & { epoch: number }>();
  for (const a of answers) {
    for (const p of a.partitions) {
      const key = `${p.topic}\u0000${p.partition}`;
      const known = best.get(key);
      if (!known || p.epoch > known.epoch) best.set(key, p);
    }
  }
  const registered = new Set<number>();
  const lone = answers.length === 1;
  for (const a of answers) for (const b of a.brokers) if (lone || a.from === null || b.id !== a.from) registered.add(b.id);
  const partitions = [...best.values()]
    .map(({ epoch: _epoch, ...p }) => p)
    .sort((a, b) => (a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : a.partition - b.partition));
  return { partitions, registered: [...registered].sort((a, b) => a - b) };
}
