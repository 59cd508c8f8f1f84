// Kafka itself stuck after a heal: every node runs and answers, every broker is
// registered, and still the test's own writes to some partitions keep failing at
// the leader the metadata names. Seen once in CI after "kill two brokers" (a
// partition refused writes with NOT_LEADER_OR_FOLLOWER for the whole 180 s wait).
// That is Kafka's state, not the dashboard's claim: the matrix then checks the
// dashboard never said HEALTHY meanwhile, gathers Kafka's own evidence, and restarts
// the refusing leader as an operator would, so the next scenario starts whole.
import type { Sample } from "./sampler";

export interface KafkaStuck {
  /** The leaders (per the test's own metadata) of the partitions that refuse writes. */
  leaders: number[];
  partitions: number[];
  /** When the stuck state began (the first sample of the unbroken run). */
  since: number;
}

/** Every node running and answering the test's own probe, every broker registered, and some partition's leader refusing writes. */
function stuckAt(s: Sample, brokerIds: readonly number[]): boolean {
  if (!brokerIds.every((id) => s.procs[id] === "running" && s.answers[id] === true)) return false;
  if (!s.writes) return true; // not a write sample: judged by the write samples around it
  const md = s.metadata;
  if (!md || !brokerIds.every((id) => md.registered.includes(id))) return false;
  const failing = Object.entries(s.writes).filter(([, ok]) => !ok).map(([p]) => Number(p));
  return failing.length > 0 && failing.every((p) => brokerIds.includes(md.leaders[p] ?? -1));
}

/**
 * The stuck state when it has held, unbroken, for at least `forMs` up to the last
 * sample (and through at least three write samples); null otherwise.
 */
export function kafkaStuck(samples: readonly Sample[], brokerIds: readonly number[], forMs: number): KafkaStuck | null {
  const last = samples.at(-1);
  if (!last) return null;
  let i = samples.length - 1;
  while (i >= 0 && stuckAt(samples[i] as Sample, brokerIds)) i--;
  const run = samples.slice(i + 1);
  const writes = run.filter((s) => s.writes);
  const first = run[0];
  const latest = writes.at(-1);
  if (!first || !latest?.writes || !latest.metadata || writes.length < 3 || last.at - first.at < forMs) return null;
  const partitions = Object.entries(latest.writes).filter(([, ok]) => !ok).map(([p]) => Number(p)).sort((a, b) => a - b);
  const leaders = [...new Set(partitions.map((p) => latest.metadata?.leaders[p] as number))].sort((a, b) => a - b);
  return { leaders, partitions, since: first.at };
}
