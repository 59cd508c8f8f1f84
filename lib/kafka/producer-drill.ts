// The drill's producer: idempotent, acks=all, one batch in flight per partition,
// on raw Produce requests (@platformatic/kafka's wire API) so that it fails over
// the way a well-tuned Kafka client does, which kafkajs 2.2 does not:
//  - the request timeout (2 s) is below the brokers' session timeout (6 s), and
//    the broker is asked to give up on acks a little earlier still;
//  - while a send waits longer than WATCH_MS, leadership is re-read (then every
//    REWATCH_MS) from every broker, merged by leader epoch; when the leader has moved, the
//    wait is abandoned and the same batch goes to the new leader at once;
//  - every failure re-reads leadership before the caller retries.
// Sequence numbers stay with the partition until a batch is acknowledged, so a
// retried batch carries the same numbers and the broker drops a copy that the
// first attempt did write. The caller must retry a failed batch as is.
import { initProducerIdV5, NumericMap, produceV11 } from "@platformatic/kafka";
import { Partitioners } from "kafkajs";
import { LEADERSHIP_ERRORS, kafkaErrorName } from "./error-names";
import { LeaderMap } from "./leader-map";
import { errorText } from "./liveness";
import { firstAnswer } from "./metadata";
import { sleep } from "@/lib/util/poll";
import { answerEvenWithErrors, WirePool } from "./wire";

export interface OutgoingRecord {
  key: string;
  value: string;
}

export interface DrillProducer {
  readonly partitions: number;
  /** The partition Kafka's default (murmur2) partitioner gives this key. */
  partitionFor(key: string): number;
  /** Resolves once the partition's leader acknowledged every record (per `acks`), with that leader's id when known; throws otherwise. */
  send(partition: number, records: readonly OutgoingRecord[]): Promise<number | null>;
  /** One past the last offset of the partition's latest acknowledged batch (null before one, or with acks=0: no offset comes back). */
  ackedEnd(partition: number): number | null;
  disconnect(): Promise<void>;
}

export interface DrillProducerOptions {
  bootstrap: readonly string[];
  topic: string;
  clientId: string;
  /** Client-side request timeout, ms; keep it below broker.session.timeout.ms. */
  timeoutMs?: number;
  /** acks=1 or 0 and no idempotence: the unsafe settings the safety comparison shows. */
  unsafe?: { acks: 0 | 1 | -1; idempotent: boolean };
}

/** How long a send waits before leadership is re-read (a healthy acks=all write takes far less)… */
export const WATCH_MS = 250;
/** …and how soon after each re-read the next one starts while it still waits. */
const REWATCH_MS = 50;
const DEFAULT_TIMEOUT_MS = 2000;
const NO_SEQUENCE = -1;

export class ProduceError extends Error {
  constructor(
    message: string,
    /** The leader the batch was sent to, when there was one. */
    readonly broker: number | null,
    /** The new leader is known already: retry at once, a backoff would only add to the outage. */
    readonly retryNow = false,
  ) {
    super(message);
  }
}

export async function connectDrillProducer(opts: DrillProducerOptions): Promise<DrillProducer> {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const leaders = new LeaderMap(opts.bootstrap, opts.topic, opts.clientId, Math.min(timeoutMs, 1000));
  try {
    await leaders.refresh();
  } catch (err) {
    leaders.close();
    throw new Error(`no broker answered for ${opts.topic}: ${errorText(err)}`);
  }
  if (leaders.partitionCount < 1) {
    leaders.close();
    throw new Error(`topic ${opts.topic} has no partitions (does it exist?)`);
  }
  const idempotent = opts.unsafe?.idempotent ?? true;
  const producerId = idempotent ? await initProducerId(opts, timeoutMs).catch((err: unknown) => {
    leaders.close();
    throw err;
  }) : { id: -1n, epoch: -1 };
  return new WireDrillProducer(opts.topic, opts.clientId, leaders, timeoutMs, opts.unsafe?.acks ?? -1, idempotent, producerId);
}

async function initProducerId(opts: DrillProducerOptions, timeoutMs: number): Promise<{ id: bigint; epoch: number }> {
  const pool = new WirePool(`${opts.clientId}-init`, timeoutMs);
  let last = "no answer";
  try {
    // Bounded: a fresh cluster may answer COORDINATOR_NOT_AVAILABLE while it allocates its first id block.
    for (let attempt = 1; attempt <= 10; attempt++) {
      try {
        const { value } = await firstAnswer(opts.bootstrap, (address) =>
          pool.request(address, (c) => answerEvenWithErrors(initProducerIdV5.api.async(c, null, 60_000, -1n, -1))),
        );
        if (value.errorCode === 0) return { id: value.producerId, epoch: value.producerEpoch };
        last = kafkaErrorName(value.errorCode);
      } catch (err) {
        last = errorText(err);
      }
      await sleep(200 * attempt);
    }
    throw new Error(`InitProducerId failed 10 times (last: ${last})`);
  } finally {
    pool.close();
  }
}

class WireDrillProducer implements DrillProducer {
  readonly partitions: number;
  private readonly pools: WirePool[];
  private readonly nextSeq: number[];
  /** Size of a failed batch that must come back as is (its sequence numbers are spoken for). */
  private readonly unsettled: (number | undefined)[];
  private readonly lastAckedEnd: (number | null)[];
  private readonly partitioner = Partitioners.DefaultPartitioner();
  private readonly partitionMetadata: { partitionId: number; leader: number; replicas: number[]; isr: number[]; partitionErrorCode: number }[];

  constructor(
    private readonly topic: string,
    clientId: string,
    private readonly leaders: LeaderMap,
    private readonly timeoutMs: number,
    private readonly acks: -1 | 0 | 1,
    private readonly idempotent: boolean,
    private readonly producer: { id: bigint; epoch: number },
  ) {
    this.partitions = leaders.partitionCount;
    // A connection per partition: Kafka answers one request per connection at a time,
    // so a batch waiting on a slow ISR must not hold up another partition's.
    this.pools = Array.from({ length: this.partitions }, () => new WirePool(clientId, timeoutMs));
    this.nextSeq = new Array<number>(this.partitions).fill(0);
    this.unsettled = new Array<number | undefined>(this.partitions).fill(undefined);
    this.lastAckedEnd = new Array<number | null>(this.partitions).fill(null);
    this.partitionMetadata = Array.from({ length: this.partitions }, (_, partitionId) => ({ partitionId, leader: 0, replicas: [], isr: [], partitionErrorCode: 0 }));
  }

  partitionFor(key: string): number {
    return this.partitioner({ topic: this.topic, partitionMetadata: this.partitionMetadata, message: { key, value: null } });
  }

  async send(partition: number, records: readonly OutgoingRecord[]): Promise<number | null> {
    const pool = this.pools[partition];
    if (!pool || records.length === 0) throw new RangeError(`partition ${partition} of ${this.topic} does not exist, or the batch is empty`);
    const owed = this.unsettled[partition];
    if (owed !== undefined && owed !== records.length) throw new Error(`a failed batch of ${owed} records must be retried as is before another is sent`);
    let current = this.leaders.leaderOf(partition);
    if (!current || current.leader < 0) {
      await this.leaders.refresh().catch(() => {});
      current = this.leaders.leaderOf(partition);
    }
    if (!current || current.leader < 0) throw this.failed(partition, records.length, new ProduceError(`partition ${partition} has no leader`, null));
    const { leader } = current;
    const address = this.leaders.addressOf(leader);
    if (!address) throw this.failed(partition, records.length, new ProduceError(`no address known for broker ${leader}`, leader));
    const base = this.nextSeq[partition]!;
    const batch = records.map((r) => ({ topic: this.topic, partition, key: Buffer.from(r.key), value: Buffer.from(r.value) }));
    const options = {
      producerId: this.producer.id,
      producerEpoch: this.producer.epoch,
      sequences: new NumericMap([[`${this.topic}:${partition}`, this.idempotent ? base : NO_SEQUENCE]]),
      compression: "none" as const,
      partitionLeaderEpoch: -1,
    };
    // The broker gives up on acks before we give up on the broker: a stalled ISR answers
    // REQUEST_TIMED_OUT on a connection that stays usable.
    const brokerTimeout = Math.max(100, this.timeoutMs - 300);
    let res;
    try {
      res = await this.watched(partition, leader, pool.request(address, (c) => answerEvenWithErrors(produceV11.api.async(c, this.acks, brokerTimeout, batch, options))));
    } catch (err) {
      if (err instanceof LeaderMoved) pool.drop(address);
      throw this.failed(partition, records.length, new ProduceError(err instanceof LeaderMoved ? err.message : `broker ${leader}: ${errorText(err)}`, leader, err instanceof LeaderMoved));
    }
    if (typeof res === "object") {
      const answer = res.responses[0]?.partitionResponses[0];
      if (!answer) throw this.failed(partition, records.length, new ProduceError(`broker ${leader} gave an empty produce answer`, leader));
      // 46: the broker already has this exact batch (an earlier attempt was written after all).
      if (answer.errorCode !== 0 && answer.errorCode !== 46) {
        if (answer.currentLeader) this.leaders.hint(partition, answer.currentLeader.leaderId, answer.currentLeader.leaderEpoch);
        const moved = (this.leaders.leaderOf(partition)?.leader ?? leader) !== leader;
        throw this.failed(partition, records.length, new ProduceError(`broker ${leader}: ${kafkaErrorName(answer.errorCode)}`, leader, moved), LEADERSHIP_ERRORS.has(answer.errorCode) || answer.errorCode === 7);
      }
      const firstOffset = Number(answer.baseOffset);
      if (answer.errorCode === 0 && firstOffset >= 0) this.lastAckedEnd[partition] = firstOffset + records.length;
    }
    if (this.idempotent) this.nextSeq[partition] = (base + records.length) % 2 ** 31;
    this.unsettled[partition] = undefined;
    return leader;
  }

  ackedEnd(partition: number): number | null {
    return this.lastAckedEnd[partition] ?? null;
  }

  async disconnect(): Promise<void> {
    for (const pool of this.pools) pool.close();
    this.leaders.close();
  }

  /** Records the batch as owed and re-reads leadership (in the background) before the caller's retry. */
  private failed(partition: number, count: number, err: ProduceError, refresh = true): ProduceError {
    if (this.idempotent) this.unsettled[partition] = count;
    if (refresh) void this.leaders.refresh().catch(() => {});
    return err;
  }

  /** Awaits `request`; from WATCH_MS on it re-reads leadership (every REWATCH_MS after each read) and gives up when the leader moved. */
  private watched<T>(partition: number, leader: number, request: Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      let settled = false;
      let timer: NodeJS.Timeout | undefined;
      const settle = (fn: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        fn();
      };
      const check = async () => {
        await this.leaders.refresh().catch(() => {});
        if (settled) return;
        const now = this.leaders.leaderOf(partition);
        if (now && now.leader >= 0 && now.leader !== leader) settle(() => reject(new LeaderMoved(partition, leader, now.leader)));
        else timer = setTimeout(() => void check(), REWATCH_MS);
      };
      timer = setTimeout(() => void check(), WATCH_MS);
      request.then(
        (v) => settle(() => resolve(v)),
        (e: unknown) => settle(() => reject(e)),
      );
    });
  }
}

class LeaderMoved extends Error {
  constructor(partition: number, from: number, to: number) {
    super(`leader of partition ${partition} moved from broker ${from} to ${to} while the batch waited`);
  }
}
