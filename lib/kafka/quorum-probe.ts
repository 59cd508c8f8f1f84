// The KRaft quorum, asked of each voter directly (Kafka 4 controllers answer
// DescribeCluster and DescribeQuorum on their own listener, KIP-919), so the
// verdict never depends on a broker forwarding to a controller that may be
// gone. Each voter says which leader it believes in; only the leader itself can
// answer DescribeQuorum, which is the one proof that an active controller exists.
// With pre-vote (KIP-996) a lone survivor keeps naming its dead leader forever,
// so "a voter names a leader" proves nothing on its own.
import { describeClusterV1, describeQuorumV2 } from "@platformatic/kafka";
import type { QuorumState, VoterView } from "@/lib/model/cluster";
import { errorText } from "./liveness";
import { answerEvenWithErrors, WirePool } from "./wire";

const CONTROLLER_ENDPOINTS = 2;
const METADATA_PARTITION = [{ topicName: "__cluster_metadata", partitions: [{ partitionIndex: 0 }] }];
const toNum = (v: bigint) => Number(v);

type DescribeQuorumResponse = Awaited<ReturnType<typeof describeQuorumV2.api.async>>;

export interface QuorumProbe {
  quorum: QuorumState | null;
  views: VoterView[];
  via: "controllers" | "brokers";
}

export class QuorumProber {
  private readonly pool: WirePool;
  /** Controller endpoints learned from DescribeQuorum's node list, when the runtime gave none. */
  private readonly learned = new Map<number, string>();
  private learnedAnswered = false;
  private readonly lastAnswer = new Map<number, number>();

  constructor(
    clientId: string,
    timeoutMs: number,
    private readonly known?: Readonly<Record<number, string>>,
  ) {
    this.pool = new WirePool(`${clientId}-quorum`, timeoutMs);
  }

  /** `broker` is asked (forwarded DescribeQuorum) only when no controller endpoint is usable. */
  async probe(broker: string | null, now: number): Promise<QuorumProbe> {
    const direct = this.directEndpoints();
    if (direct.size > 0) {
      const result = await this.askControllers(direct, now);
      const anyAnswer = result.views.some((v) => v.answered);
      if (anyAnswer && !this.known) this.learnedAnswered = true;
      if (anyAnswer || this.known || this.learnedAnswered) return result;
    }
    return this.askThroughBroker(broker, now);
  }

  close(): void {
    this.pool.close();
  }

  private directEndpoints(): Map<number, string> {
    if (this.known && Object.keys(this.known).length > 0) {
      return new Map(Object.entries(this.known).map(([id, ep]) => [Number(id), ep]));
    }
    return new Map(this.learned);
  }

  private async askControllers(endpoints: Map<number, string>, now: number): Promise<QuorumProbe> {
    let quorum: QuorumState | null = null;
    const views = await Promise.all(
      [...endpoints].map(async ([id, endpoint]): Promise<VoterView> => {
        const [cluster, described] = await Promise.allSettled([
          this.pool.request(endpoint, (c) => describeClusterV1.api.async(c, false, CONTROLLER_ENDPOINTS)),
          this.pool.request(endpoint, (c) => answerEvenWithErrors(describeQuorumV2.api.async(c, METADATA_PARTITION))),
        ]);
        const answered = cluster.status === "fulfilled" || described.status === "fulfilled";
        if (answered) this.lastAnswer.set(id, now);
        const own = described.status === "fulfilled" ? parseQuorum(described.value) : null;
        const confirmedLeader = own !== null && own.leaderId === id;
        if (confirmedLeader && (!quorum || own.leaderEpoch > quorum.leaderEpoch)) quorum = own;
        const leaderId = confirmedLeader ? id : cluster.status === "fulfilled" ? cluster.value.controllerId : null;
        const failed = cluster.status === "rejected" ? cluster.reason : described.status === "rejected" ? described.reason : null;
        return {
          id,
          endpoint,
          answered,
          lastAnsweredAt: this.lastAnswer.get(id) ?? null,
          leaderId,
          confirmedLeader,
          ...(failed && !answered ? { error: errorText(failed) } : {}),
        };
      }),
    );
    return { quorum, views: views.sort((a, b) => a.id - b.id), via: "controllers" };
  }

  private async askThroughBroker(broker: string | null, now: number): Promise<QuorumProbe> {
    if (!broker) return { quorum: null, views: [], via: "brokers" };
    try {
      const res = await this.pool.request(broker, (c) => answerEvenWithErrors(describeQuorumV2.api.async(c, METADATA_PARTITION)));
      this.learn(res);
      const quorum = parseQuorum(res);
      if (!quorum) return { quorum: null, views: [], via: "brokers" };
      if (quorum.leaderId >= 0) this.lastAnswer.set(quorum.leaderId, now);
      const views = quorum.voters.map((v): VoterView => {
        const leader = v.id === quorum.leaderId;
        return { id: v.id, endpoint: null, answered: leader, lastAnsweredAt: this.lastAnswer.get(v.id) ?? null, leaderId: leader ? v.id : null, confirmedLeader: leader };
      });
      return { quorum, views, via: "brokers" };
    } catch (err) {
      void err; // forwarded DescribeQuorum failed: no leader could be confirmed this poll
      return { quorum: null, views: [], via: "brokers" };
    }
  }

  private learn(res: DescribeQuorumResponse): void {
    if (this.known) return;
    for (const node of (res as { nodes?: { nodeId: number; listeners: { host: string; port: number }[] }[] }).nodes ?? []) {
      const l = node.listeners[0];
      if (l) this.learned.set(node.nodeId, `${l.host}:${l.port}`);
    }
  }
}

/** The leader's answer; null when this node is not the leader (error 6) or the answer is empty. */
export function parseQuorum(res: DescribeQuorumResponse): QuorumState | null {
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
