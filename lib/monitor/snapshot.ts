// One poll's Observation plus the runtime's process table, turned into the
// snapshot every page and API reads. Pure: the caller owns time, sequence and
// the memory of brokers seen before.
import type { BrokerProcess } from "@/lib/model/runtime";
import type { BrokerView, ClusterSnapshot, Observation, RuntimeInfo } from "@/lib/model/cluster";
import { deriveBrokerState } from "./broker-state";
import { canaryState } from "./canary";
import { clusterFigures, countsFor, summarisePartitions, withTopicRates } from "./figures";
import { deriveHealth } from "./health";
import { probeFailures, probeAnswered } from "./liveness";
import { quorumVerdict } from "./quorum";
import { brokerRatesById, messageRates } from "./throughput";
import { viewDifferences } from "./view-differences";

/** A dedicated controller this young that does not answer yet is STARTING, not UNRESPONSIVE (a JVM start takes seconds). */
const CONTROLLER_START_GRACE_MS = 60_000;

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
  // Kafka's view first: per-broker counts (leaders, ISR membership) are what Kafka states.
  const kafkaSummary = summarisePartitions(obs.partitions, obs.minIsr);

  const registered = new Map(obs.registered.map((b) => [b.id, b]));
  const processes = new Map((input.processes ?? []).map((p) => [p.id, p]));
  const earlier = new Map((prev?.snapshot.brokers ?? []).map((b) => [b.id, b]));
  const voters = new Set([...(obs.quorum?.voters ?? []).map((v) => v.id), ...obs.voterViews.map((v) => v.id)]);

  const ids = new Set<number>([...registered.keys(), ...processes.keys(), ...voters, ...earlier.keys()]);
  for (const id of input.knownBrokerIds) ids.add(id);
  // Replicas name brokers that may be neither registered nor run by us (a dead foreign broker).
  for (const id of kafkaSummary.perBroker.keys()) ids.add(id);
  const brokerIds = [...ids].sort((a, b) => a - b);

  const runtimeOf = (id: number) => processes.get(id) ?? null;
  const verdict = quorumVerdict({
    quorum: obs.quorum,
    views: obs.voterViews,
    via: obs.quorumVia,
    at: obs.at,
    runtimeOf,
    prevNoLeaderSince: prev?.snapshot.quorumVerdict?.noLeaderSince ?? null,
  });
  const votersDown = new Set(verdict.down);

  const rates = messageRates(prev?.observation ?? null, obs);
  const perBrokerRates = brokerRatesById(obs);

  const brokers = brokerIds.map((id): BrokerView => {
    const reg = registered.get(id);
    const runtime = runtimeOf(id);
    const counts = countsFor(kafkaSummary.perBroker, id);
    const last = earlier.get(id);
    const probe = obs.liveness[id];
    const failures = probeFailures(probe, last?.probeFailures ?? 0);
    // Ours by the runtime's word, or a foreign voter that never registers and holds nothing.
    const controllerOnly = runtime?.role === "controller" || (voters.has(id) && runtime === null && reg === undefined && counts.replicas === 0);
    const recentlyStarted = runtime?.status === "running" && runtime.since !== null && obs.at - runtime.since < CONTROLLER_START_GRACE_MS;
    const { state, reason } = deriveBrokerState({
      runtime,
      registered: reg !== undefined,
      responsive: probe ? probeAnswered(probe, failures) : obs.responsive.includes(id),
      probeError: probe?.ok === false ? (probe.failure ?? "error") : undefined,
      outOfSyncCount: counts.outOfSync,
      clusterReachable: obs.reachable,
      ...(controllerOnly ? { controllerOnly: { alive: !votersDown.has(id), recentlyStarted } } : {}),
    });
    const effectivelyDown = !controllerOnly && (state === "SHUTDOWN" || state === "UNRESPONSIVE" || state === "PARTITIONED");
    const processDownSince = runtime && runtime.status !== "running" ? runtime.since : null;
    return {
      id,
      // A broker that left the metadata keeps the address it last had.
      host: reg?.host ?? last?.host ?? null,
      port: reg?.port ?? last?.port ?? null,
      state,
      reason,
      registered: reg !== undefined,
      runtime,
      isController: id === verdict.activeControllerId,
      isVoter: voters.has(id),
      controllerOnly,
      leaderCount: counts.leaders,
      replicaCount: counts.replicas,
      outOfSyncCount: counts.outOfSync,
      rates: perBrokerRates.get(id) ?? null,
      probeFailures: failures,
      probeMs: probe?.ms ?? null,
      effectivelyDown,
      downSince: effectivelyDown ? (processDownSince ?? last?.downSince ?? obs.at) : null,
      // An unreachable cluster's observation has no samples: the last known stay on the card.
      disk: obs.disks?.[id] ?? last?.disk ?? null,
    };
  });

  const downBrokers = brokers.filter((b) => b.effectivelyDown).map((b) => ({ id: b.id, registered: b.registered, downSince: b.downSince }));
  const summary =
    downBrokers.length === 0
      ? kafkaSummary
      : summarisePartitions(obs.partitions, obs.minIsr, { down: new Set(downBrokers.map((b) => b.id)), canElect: verdict.status !== "lost" });
  // Dedicated controllers hold no data: they are no broker of the figures (nor a line on the leaders chart).
  const dataBrokerIds = brokers.filter((b) => !b.controllerOnly).map((b) => b.id);
  const figures = clusterFigures(summary, dataBrokerIds, rates?.total ?? null);
  // Leaders per broker are Kafka's statement of who leads, not a judgement.
  figures.leadersPerBroker = clusterFigures(kafkaSummary, dataBrokerIds, null).leadersPerBroker;

  const metadataFrozenSince = obs.reachable && verdict.activeControllerId === null ? verdict.noLeaderSince : null;
  const differences = obs.reachable
    ? viewDifferences({ partitions: obs.partitions, down: downBrokers, sessionTimeoutMs: obs.sessionTimeoutMs, metadataFrozen: metadataFrozenSince !== null })
    : [];
  const canary = canaryState({
    observation: obs.canary,
    prev: prev?.snapshot.canary ?? null,
    partitions: obs.partitions,
    down: downBrokers,
    sessionTimeoutMs: obs.sessionTimeoutMs,
    quorumStatus: verdict.status,
    at: obs.at,
  });

  // Every broker there is runs under our runtime and every process is gone: nothing can answer,
  // whatever the last poll (up to a second old) found.
  const everyProcessGone =
    dataBrokerIds.length > 0 && dataBrokerIds.every((id) => ["exited", "missing"].includes(processes.get(id)?.status ?? "unknown"));
  const reachable = obs.reachable && !everyProcessGone;
  const { health, reason } = deriveHealth({
    reachable,
    error: obs.error ?? null,
    bootstrap: input.bootstrap,
    figures,
    quorum: verdict,
    canary,
    brokers,
  });

  return {
    seq: input.seq,
    at: obs.at,
    health,
    healthReason: reason,
    reachable,
    error: obs.error ?? null,
    runtime: input.runtime,
    controllerId: verdict.activeControllerId,
    quorum: obs.quorum,
    quorumVerdict: verdict,
    brokers,
    topics: withTopicRates(summary.topics, rates?.perTopic ?? null),
    figures,
    kafkaView: kafkaSummary.kafka,
    viewDifferences: differences,
    metadataFrozenSince,
    canary,
    sessionTimeoutMs: obs.sessionTimeoutMs,
    answeredBy: obs.answeredBy,
    groups: obs.groups,
    pollMs: input.pollMs,
    ...(obs.timings ? { pollParts: obs.timings } : {}),
  };
}
