// Each broker's log directories (DescribeLogDirs v4: replica sizes, and the
// filesystem's total and usable bytes, KIP-827), sampled every 30 s in the
// background on connections of their own: at 10,000 partitions the answer is
// tens of kilobytes per broker, too much to ask every second, and a disk fills
// over minutes, not seconds. The poll only ever reads the last samples.
import { describeLogDirsV4 } from "@platformatic/kafka";
import type { BrokerDisk } from "@/lib/model/cluster";
import { errorText } from "./liveness";
import { answerEvenWithErrors, WirePool } from "./wire";

type Response = Awaited<ReturnType<typeof describeLogDirsV4.api.async>>;

export const LOG_DIRS_INTERVAL_MS = 30_000;

/** A broker's answer, summed over its log dirs; pure. */
export function diskOf(res: Pick<Response, "errorCode" | "results">, at: number): BrokerDisk {
  let sizeBytes = 0;
  let ok = 0;
  // -1 from the broker: it does not know (older versions); one unknown dir makes the sum unknown.
  let totalBytes: number | null = 0;
  let usableBytes: number | null = 0;
  const failed: string[] = res.errorCode !== 0 ? [`error ${res.errorCode}`] : [];
  for (const dir of res.results) {
    if (dir.errorCode !== 0) {
      failed.push(`${dir.logDir}: error ${dir.errorCode}`);
      continue;
    }
    ok++;
    for (const t of dir.topics) for (const p of t.partitions) sizeBytes += Number(p.partitionSize);
    totalBytes = totalBytes === null || dir.totalBytes < 0n ? null : totalBytes + Number(dir.totalBytes);
    usableBytes = usableBytes === null || dir.usableBytes < 0n ? null : usableBytes + Number(dir.usableBytes);
  }
  return {
    at,
    logDirs: res.results.length,
    sizeBytes,
    totalBytes: ok === 0 ? null : totalBytes,
    usableBytes: ok === 0 ? null : usableBytes,
    estimate: failed.length > 0,
    ...(failed.length > 0 ? { error: failed.join("; ") } : {}),
  };
}

export class LogDirSampler {
  private readonly pool: WirePool;
  private readonly samples = new Map<number, BrokerDisk>();
  private readonly asked = new Map<number, number>();
  private readonly inFlight = new Set<number>();

  constructor(
    clientId: string,
    private readonly timeoutMs = 5000,
    private readonly intervalMs = LOG_DIRS_INTERVAL_MS,
  ) {
    this.pool = new WirePool(`${clientId}-logdirs`, timeoutMs);
  }

  /** The last sample of every broker; asks, in the background, those whose sample is due. Never waits. */
  current(brokers: ReadonlyMap<number, string>, now = Date.now()): Record<number, BrokerDisk> {
    for (const [id, address] of brokers) {
      if (this.inFlight.has(id) || now - (this.asked.get(id) ?? -Infinity) < this.intervalMs) continue;
      this.asked.set(id, now);
      this.inFlight.add(id);
      void this.sample(id, address).finally(() => this.inFlight.delete(id));
    }
    return Object.fromEntries(this.samples);
  }

  private async sample(id: number, address: string): Promise<void> {
    try {
      const res = await this.pool.request(address, (c) => answerEvenWithErrors(describeLogDirsV4.api.async(c, null)));
      this.samples.set(id, diskOf(res, Date.now()));
    } catch (err) {
      // Unanswered: the last figures stay, marked as an estimate with the reason.
      const last = this.samples.get(id);
      if (last) this.samples.set(id, { ...last, estimate: true, error: `not answered since ${new Date(last.at).toISOString()}: ${errorText(err)}` });
    }
  }

  close(): void {
    this.pool.close();
  }
}
