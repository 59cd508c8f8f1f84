// The control plane's contract. Both the local-process and the Docker runtime
// implement it; the monitor, the API and the CLI only ever see these types.

import type { ActionParams, BrokerAction, BrokerProcess, NetworkFaultKind, RuntimeKind, SlowParams } from "@/lib/model/runtime";

export { BROKER_ACTIONS } from "@/lib/model/runtime";
export type { ActionParams, BrokerAction, BrokerProcess, NetworkFault, NetworkFaultKind, RuntimeKind, RuntimeStatus, SlowParams } from "@/lib/model/runtime";

export type Availability = { ok: true } | { ok: false; reason: string };

/** Network faults on this runtime's brokers: only ever this cluster's rules, always removable. */
export interface NetworkFaultControl {
  /** Whether faults can be had here (root, iptables, ...), and if not, why. */
  support(): Promise<Availability>;
  /** Whether `slow` can be had here too (it needs a proxy in the broker's path), and if not, why. */
  slowSupport(): Promise<Availability>;
  /** `slow` takes its delay; the others take nothing. */
  apply(id: number, kind: NetworkFaultKind, slow?: SlowParams): Promise<void>;
  /** Removes every fault on the broker. */
  heal(id: number): Promise<void>;
  /** Removes every fault of this cluster (cluster down/up, dashboard shutdown); returns the rules removed. */
  healAll(): Promise<number>;
  /** The same, synchronously, for a process that is exiting. */
  healAllNow(): void;
}

export interface BrokerRuntime {
  readonly kind: RuntimeKind;
  /** The broker ids this runtime controls. */
  readonly brokerIds: readonly number[];
  /** Bootstrap servers of the cluster this runtime runs. */
  readonly bootstrap: readonly string[];
  /** JMX exporter URL per broker id, when the runtime knows where they are. */
  readonly metricsEndpoints?: Readonly<Record<number, string>>;
  /** KRaft controller listener (host:port) per voter id, when the runtime knows them. */
  readonly controllerEndpoints?: Readonly<Record<number, string>>;
  /** Network faults, where this runtime can make them. */
  readonly network?: NetworkFaultControl;
  available(): Promise<Availability>;
  list(): Promise<BrokerProcess[]>;
  kill(id: number): Promise<BrokerProcess>;
  stop(id: number): Promise<BrokerProcess>;
  pause(id: number): Promise<BrokerProcess>;
  resume(id: number): Promise<BrokerProcess>;
  restart(id: number): Promise<BrokerProcess>;
  start(id: number): Promise<BrokerProcess>;
  /** Pushes status changes as they happen; returns an unsubscribe function. */
  watch(callback: (change: BrokerProcess) => void): () => void;
  /** Releases timers and streams held by watch(). */
  close(): void;
}

// Next bundles a module once per entry (instrumentation, each route), so the
// monitor built at start-up throws classes that are not the ones a route imports.
// instanceof therefore checks a brand shared through the global symbol registry.
const INPUT_BRAND = Symbol.for("streamsocial.RuntimeInputError");
const FAILURE_BRAND = Symbol.for("streamsocial.RuntimeFailure");

const hasBrand = (v: unknown, brand: symbol): boolean =>
  typeof v === "object" && v !== null && (v as Record<symbol, unknown>)[brand] === true;

/** A refusal the caller caused (unknown id, action that makes no sense now). */
export class RuntimeInputError extends Error {
  readonly code: string;
  readonly [INPUT_BRAND] = true;
  constructor(code: string, message: string) {
    super(message);
    this.code = code;
  }
  static [Symbol.hasInstance](v: unknown): boolean {
    return hasBrand(v, INPUT_BRAND);
  }
}

/** The runtime itself failed (Java missing, port taken, Docker gone). */
export class RuntimeFailure extends Error {
  readonly code: string;
  readonly [FAILURE_BRAND] = true;
  constructor(code: string, message: string) {
    super(message);
    this.code = code;
  }
  static [Symbol.hasInstance](v: unknown): boolean {
    return hasBrand(v, FAILURE_BRAND);
  }
}

export function runAction(rt: BrokerRuntime, id: number, action: BrokerAction, params: ActionParams = {}): Promise<BrokerProcess> {
  switch (action) {
    case "kill":
      return rt.kill(id);
    case "stop":
      return rt.stop(id);
    case "pause":
      return rt.pause(id);
    case "resume":
      return rt.resume(id);
    case "restart":
      return rt.restart(id);
    case "start":
      return rt.start(id);
    case "partition":
    case "isolate":
    case "slow":
    case "heal":
      return networkAction(rt, id, action, params);
  }
}

async function networkAction(rt: BrokerRuntime, id: number, action: "partition" | "isolate" | "slow" | "heal", params: ActionParams): Promise<BrokerProcess> {
  if (!rt.network) throw new RuntimeInputError("faults_unavailable", `network faults are not available on the ${rt.kind} runtime`);
  if (action === "heal") await rt.network.heal(id);
  else if (action === "slow") {
    if (!params.slow) throw new RuntimeInputError("invalid_params", "slow needs a delay (delayMs)");
    await rt.network.apply(id, "slow", params.slow);
  } else await rt.network.apply(id, action);
  const p = (await rt.list()).find((b) => b.id === id);
  if (!p) throw new RuntimeInputError("unknown_broker", `no broker ${id}`);
  return p;
}
