// One poll's Observation plus the runtime's process table, turned into the
// snapshot every page and API reads. Pure: the caller owns time, sequence and
// the memory of brokers seen before.
import type { BrokerProcess } from "@/lib/model/runtime";
import { deriveBrokerState } from "./broker-state";
import { clusterFigures, countsFor, summarisePartitions, withTopicRates } from "./figures";
import { deriveHealth } from "./health";
import { quorumHealth } from "./quorum";
import { brokerRatesById, messageRates } from "./throughput";
import type { BrokerView, ClusterSnapshot, Observation, RuntimeInfo } from "@/lib/model/cluster";

export interface PreviousPoll {
  snapshot: ClusterSnapshot;
  observation: Observation;
}

export interface SnapshotInput {
  prev: PreviousPoll | null;
  observation: Observation;
  runtime: RuntimeInfo;
  /** The runtime's process table; null when there is no runtime (read-only monitoring) or it failed. */
  processes: readonly BrokerProcess[] | null;
  /** Every broker id seen before, so a dead or fenced broker never drops off the page. */
  knownBrokerIds: Iterable<number>;
  seq: number;
  pollMs: number;
  bootstrap: readonly string[];
}

export function buildSnapshot(input: SnapshotInput): ClusterSnapshot {
  const { observation: obs, prev } = input;
  const summary = summarisePartitions(obs.partitions, obs.minIsr);

  const registered = new Map(obs.registered.map((b) => [b.id, b]));
  const responsive = new Set(obs.responsive);
  const processes = new Map((input.processes ?? []).map((p) => [p.id, p]));
  const earlier = new Map((prev?.snapshot.brokers ?? []).map((b) => [b.id, b]));
  const voters = new Set((obs.quorum?.voters ?? []).map((v) => v.id));
  const controllerId = obs.quorum && obs.quorum.leaderId >= 0 ? obs.quorum.leaderId : null;

  const ids = new Set<number>([...registered.keys(), ...processes.keys(), ...voters, ...earlier.keys()]);
  for (const id of input.knownBrokerIds) ids.add(id);
  // Replicas name brokers that may be neither registered nor run by us (a dead foreign broker).
  for (const id of summary.perBroker.keys()) ids.add(id);
  const brokerIds = [...ids].sort((a, b) => a - b);

  const runtimeOf = (id: number) => processes.get(id) ?? null;
  const quorum = obs.quorum ? quorumHealth(obs.quorum, obs.at, runtimeOf) : null;
  const votersDown = new Set(quorum?.down ?? []);

  const rates = messageRates(prev?.observation ?? null, obs);
  const perBrokerRates = brokerRatesById(prev?.observation ?? null, obs);

  const brokers = brokerIds.map((id): BrokerView => {
    const reg = registered.get(id);
    const runtime = runtimeOf(id);
    const counts = countsFor(summary.perBroker, id);
    const controllerOnly = voters.has(id) && runtime === null && reg === undefined && counts.replicas === 0;
    const { state, reason } = deriveBrokerState({
      runtime,
      registered: reg !== undefined,
      responsive: responsive.has(id),
      outOfSyncCount: counts.outOfSync,
      clusterReachable: obs.reachable,
      ...(controllerOnly ? { controllerOnly: { alive: !votersDown.has(id) } } : {}),
    });
    // A broker that left the metadata keeps the address it last had.
    const last = earlier.get(id);
    return {
      id,
      host: reg?.host ?? last?.host ?? null,
      port: reg?.port ?? last?.port ?? null,
      state,
      reason,
      registered: reg !== undefined,
      runtime,
      isController: id === controllerId,
      isVoter: voters.has(id),
      leaderCount: counts.leaders,
      replicaCount: counts.replicas,
      outOfSyncCount: counts.outOfSync,
      rates: perBrokerRates.get(id) ?? null,
    };
  });

  const figures = clusterFigures(summary, brokerIds, rates?.total ?? null);
  const { health, reason } = deriveHealth({
    reachable: obs.reachable,
    error: obs.error ?? null,
    bootstrap: input.bootstrap,
    partitions: figures.partitions,
    offline: figures.offline,
    underMinIsr: figures.underMinIsr,
    underReplicated: figures.underReplicated,
    quorum,
    brokers,
  });

  return {
    seq: input.seq,
    at: obs.at,
    health,
    healthReason: reason,
    reachable: obs.reachable,
    error: obs.error ?? null,
    runtime: input.runtime,
    controllerId,
    quorum: obs.quorum,
    brokers,
    topics: withTopicRates(summary.topics, rates?.perTopic ?? null),
    figures,
    groups: obs.groups,
    pollMs: input.pollMs,
  };
}
