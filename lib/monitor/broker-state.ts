// A broker's state, as the lesson names it. The runtime is believed first: Kafka
// keeps a killed broker registered until its session times out, but the process
// table knows at once.
import { isCutOff, type BrokerProcess } from "@/lib/model/runtime";
import type { BrokerState } from "@/lib/model/cluster";
import { plural } from "./words";

export interface BrokerStateInput {
  /** This broker's process or container; null when no runtime watches it (RUNTIME=none, foreign id). */
  runtime: BrokerProcess | null;
  /** Present (registered, unfenced) in cluster metadata. */
  registered: boolean;
  /** Answered its own liveness probe this poll. */
  responsive: boolean;
  /** How its probe failed, when it did: "refused" (nothing listening) or "timeout" (accepted, no answer). */
  probeError?: "timeout" | "refused" | "error";
  /** Partitions it replicates but is missing from the ISR of. */
  outOfSyncCount: number;
  /** False when no broker answered the metadata request: then "not registered" proves nothing. */
  clusterReachable: boolean;
  /**
   * Set for a dedicated KRaft controller (a voter that is no broker: never registers, holds no
   * replicas), whose liveness only the quorum can tell. `recentlyStarted`: its process began
   * moments ago, so silence means it is still starting.
   */
  controllerOnly?: { alive: boolean; recentlyStarted?: boolean };
}

export interface DerivedBrokerState {
  state: BrokerState;
  reason: string;
}

export function deriveBrokerState(input: BrokerStateInput): DerivedBrokerState {
  const { runtime } = input;
  if (runtime) {
    switch (runtime.status) {
      case "exited":
        return { state: "SHUTDOWN", reason: withDetail("process exited", runtime.detail) };
      case "missing":
        return { state: "SHUTDOWN", reason: withDetail("process missing", runtime.detail) };
      case "paused":
        return { state: "UNRESPONSIVE", reason: "frozen (paused)" };
      case "running": {
        // A slow broker is still in the cluster, only late: Kafka's view decides its state.
        const fault = runtime.faults?.find(isCutOff);
        if (fault) return partitioned(fault.kind as "partition" | "isolate", input.registered);
        if (input.controllerOnly) return runningController(input.controllerOnly);
        if (!input.registered) return { state: "STARTING", reason: "running, not registered yet" };
        return fromKafka(input);
      }
    }
  }
  if (!input.registered && input.controllerOnly && input.clusterReachable) {
    return input.controllerOnly.alive
      ? { state: "RUNNING", reason: "controller only, in the quorum" }
      : { state: "SHUTDOWN", reason: "controller only, not fetching from the quorum" };
  }
  if (!input.registered) {
    // Without a runtime the metadata is all we know; an unreachable cluster says nothing either way.
    return input.clusterReachable
      ? { state: "SHUTDOWN", reason: "not registered in cluster metadata" }
      : { state: "UNRESPONSIVE", reason: "not answering (cluster unreachable)" };
  }
  return fromKafka(input);
}

function fromKafka(input: BrokerStateInput): DerivedBrokerState {
  if (!input.responsive) {
    const how = input.probeError === "refused" ? "connection refused" : input.probeError === "timeout" ? "no answer to its own probe" : "probe failed";
    return { state: "UNRESPONSIVE", reason: `registered, not answering (${how})` };
  }
  if (input.outOfSyncCount > 0) {
    return { state: "RECOVERING", reason: `out of ISR on ${plural(input.outOfSyncCount, "partition")}` };
  }
  return { state: "RUNNING", reason: "registered, in every ISR" };
}

/** A dedicated controller whose process runs: the quorum (its own answer on its controller listener) says the rest. */
function runningController(c: { alive: boolean; recentlyStarted?: boolean }): DerivedBrokerState {
  if (c.alive) return { state: "RUNNING", reason: "controller only, in the quorum" };
  return c.recentlyStarted
    ? { state: "STARTING", reason: "controller only, running, not answering in the quorum yet" }
    : { state: "UNRESPONSIVE", reason: "controller only, running, not answering on its controller listener" };
}

/** Our own network fault: the process runs, Kafka fences it once its heartbeats stop arriving. */
function partitioned(kind: "partition" | "isolate", registered: boolean): DerivedBrokerState {
  const cut = kind === "partition" ? "cut off from its peers (clients still reach it)" : "isolated from peers and clients";
  return { state: "PARTITIONED", reason: `${cut}; ${registered ? "still registered until the controller fences it" : "fenced by the controller"}` };
}

function withDetail(words: string, detail: string | undefined): string {
  return detail ? `${words} (${detail})` : words;
}
