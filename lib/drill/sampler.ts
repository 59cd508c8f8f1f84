// What the drill watches while it runs, every 250 ms: URP across every topic,
// who leads each drill partition (the leader moves), which brokers the others
// still list (fencing), and, on a loop of its own, the active controller. The
// scenario waits on it ("back in every ISR") and the report reads its history.
import { ClusterView } from "@/lib/kafka/cluster-view";
import type { PartitionState } from "@/lib/model/cluster";
import { sleep } from "@/lib/util/poll";
import { diffLeaders, leadersOf, underReplicated } from "./leaders";
import type { LeaderMove } from "./progress";
import type { GaugeSample } from "./series";

export const SAMPLE_MS = 250;
const CONTROLLER_MS = 1000;

export interface RegisteredSample {
  t: number;
  ids: number[];
}

export interface ControllerSample {
  t: number;
  /** null: no active controller (or nobody could say). */
  id: number | null;
}

/** Registered, and in the ISR of every partition it is a replica of. Pure. */
export function backInEveryIsr(broker: number, registered: readonly number[], partitions: readonly PartitionState[]): boolean {
  return registered.includes(broker) && partitions.every((p) => !p.replicas.includes(broker) || p.isr.includes(broker));
}

export class DrillSampler {
  readonly urp: GaugeSample[] = [];
  readonly moves: LeaderMove[] = [];
  readonly registered: RegisteredSample[] = [];
  readonly controllers: ControllerSample[] = [];
  leaders = new Map<number, number>();
  private partitions: PartitionState[] = [];
  private running = false;
  private loops: Promise<void>[] = [];

  constructor(
    private readonly view: ClusterView,
    private readonly topic: string,
  ) {}

  get controllerId(): number | null {
    return this.controllers.at(-1)?.id ?? null;
  }

  get lastUrp(): GaugeSample | undefined {
    return this.urp.at(-1);
  }

  /** Is `broker` registered and in every ISR it belongs to, as of the latest sample taken after `since`? */
  backInIsr(broker: number, since: number): boolean {
    const last = this.registered.at(-1);
    return !!last && last.t > since && backInEveryIsr(broker, last.ids, this.partitions);
  }

  /** One sample of each kind now (before the clock starts, and for "auto" right before a step). */
  async refresh(): Promise<void> {
    await Promise.all([this.samplePartitions(), this.sampleController()]);
  }

  start(): void {
    this.running = true;
    this.loops = [this.loop(SAMPLE_MS, () => this.samplePartitions()), this.loop(CONTROLLER_MS, () => this.sampleController())];
  }

  async stop(): Promise<void> {
    this.running = false;
    await Promise.all(this.loops);
    this.view.close();
  }

  private async samplePartitions(): Promise<void> {
    const s = await this.view.sample();
    this.partitions = s.partitions;
    this.urp.push({ t: s.t, value: underReplicated(s.partitions) });
    this.registered.push({ t: s.t, ids: s.registered });
    const next = leadersOf(s.partitions, this.topic);
    this.moves.push(...diffLeaders(this.leaders, next, s.t));
    this.leaders = next;
  }

  private async sampleController(): Promise<void> {
    const id = await this.view.controllerId().catch(() => null);
    this.controllers.push({ t: Date.now(), id });
  }

  /** Bounded by `running`, which stop() clears; each pass sleeps. */
  private async loop(everyMs: number, sample: () => Promise<void>): Promise<void> {
    while (this.running) {
      const t0 = Date.now();
      await sample().catch(() => {});
      await sleep(Math.max(50, everyMs - (Date.now() - t0)));
    }
  }
}
