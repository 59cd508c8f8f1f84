// Where each local node lives (dirs, ports) and the server.properties it runs
// with. Pure: no I/O, so the layout is unit-tested with plain data.
import path from "node:path";
import type { NodeRole } from "@/lib/model/runtime";

/**
 * The cluster's shape: how many brokers, and whether the KRaft controllers run
 * inside the first brokers ("combined", the lesson's cluster) or as three nodes
 * of their own that hold no data ("dedicated").
 */
export interface ClusterShape {
  brokers: number;
  controllers: "combined" | "dedicated";
}

export const DEFAULT_SHAPE: ClusterShape = { brokers: 3, controllers: "combined" };
export const MAX_BROKERS = 9;
/** Dedicated controllers take ids apart from the brokers', so "broker 1" means the same node in every shape. */
export const DEDICATED_CONTROLLER_IDS = [101, 102, 103] as const;

export type { NodeRole };

export interface NodeLayout {
  id: number;
  role: NodeRole;
  dir: string;
  dataDir: string;
  propsFile: string;
  logFile: string;
  pidFile: string;
  stateFile: string;
  /** The client (PLAINTEXT) listener; null on a dedicated controller. */
  clientPort: number | null;
  /** The KRaft controller listener; null on a broker that is no voter. */
  controllerPort: number | null;
  metricsPort: number;
  /** Where the slow fault's proxies listen, in front of the node's listeners (client first), one per listener. */
  proxyPorts: number[];
}

export interface ClusterLayout {
  root: string;
  shape: ClusterShape;
  clusterIdFile: string;
  nodes: NodeLayout[];
  bootstrap: string[];
  quorumVoters: string;
  /** The slow fault's Toxiproxy server: its API port, pid and log. */
  proxy: { apiPort: number; pidFile: string; logFile: string };
}

/** Voters of a combined cluster: three when there are three brokers or more, else one (a quorum of two dies with either). */
function combinedVoters(brokers: number): number {
  return brokers >= 3 ? 3 : 1;
}

export const isBroker = (n: Pick<NodeLayout, "role">) => n.role !== "controller";
export const isVoter = (n: Pick<NodeLayout, "role" | "controllerPort">) => n.controllerPort !== null;

/**
 * Ports follow each node's place in the cluster (brokers 1..N first, then the
 * dedicated controllers): clients base+i, controller listeners base+100+i, metrics
 * base+200+i, proxies base+300+i and base+400+i, the proxy's API base+299 (all
 * below the next cluster's base+500). The default shape keeps the ports it always had.
 */
export function localLayout(dataDir: string, portBase: number, shape: ClusterShape = DEFAULT_SHAPE): ClusterLayout {
  if (!Number.isInteger(shape.brokers) || shape.brokers < 1 || shape.brokers > MAX_BROKERS) {
    throw new RangeError(`brokers must be 1..${MAX_BROKERS}, got ${shape.brokers}`);
  }
  const root = path.join(dataDir, "local");
  const voters = shape.controllers === "combined" ? combinedVoters(shape.brokers) : 0;
  const plan: { id: number; role: NodeRole }[] = [
    ...Array.from({ length: shape.brokers }, (_, i) => ({ id: i + 1, role: (i < voters ? "combined" : "broker") as NodeRole })),
    ...(shape.controllers === "dedicated" ? DEDICATED_CONTROLLER_IDS.map((id) => ({ id, role: "controller" as NodeRole })) : []),
  ];
  const nodes = plan.map(({ id, role }, i): NodeLayout => {
    const dir = path.join(root, `node-${id}`);
    const clientPort = role === "controller" ? null : portBase + i;
    const controllerPort = role === "broker" ? null : portBase + 100 + i;
    return {
      id,
      role,
      dir,
      dataDir: path.join(dir, "data"),
      propsFile: path.join(dir, "server.properties"),
      logFile: path.join(dir, "server.log"),
      pidFile: path.join(dir, "pid"),
      stateFile: path.join(dir, "runtime.json"),
      clientPort,
      controllerPort,
      metricsPort: portBase + 200 + i,
      proxyPorts: [clientPort, controllerPort].filter((p): p is number => p !== null).map((_, k) => portBase + (k === 0 ? 300 : 400) + i),
    };
  });
  return {
    root,
    shape,
    clusterIdFile: path.join(root, "cluster.id"),
    nodes,
    bootstrap: nodes.flatMap((n) => (n.clientPort === null ? [] : [`127.0.0.1:${n.clientPort}`])),
    quorumVoters: nodes.flatMap((n) => (n.controllerPort === null ? [] : [`${n.id}@127.0.0.1:${n.controllerPort}`])).join(","),
    proxy: { apiPort: portBase + 299, pidFile: path.join(root, "toxiproxy.pid"), logFile: path.join(root, "toxiproxy.log") },
  };
}

/** Replication that fits the brokers there are: RF 3 and min ISR 2 from three brokers up, RF = brokers and min ISR 1 below. */
export function replicationFor(brokers: number): { rf: number; minIsr: number } {
  const rf = Math.min(3, brokers);
  return { rf, minIsr: rf >= 3 ? 2 : 1 };
}

/**
 * Broker settings shared by the local and the Docker cluster: RF 3, min ISR 2,
 * no unclean election. The timing values are shortened from Kafka's defaults so
 * a failure shows up (URP, fencing) within seconds in a demo, not half a minute.
 */
export const CLUSTER_SETTINGS: Readonly<Record<string, string>> = {
  "default.replication.factor": "3",
  "min.insync.replicas": "2",
  "unclean.leader.election.enable": "false",
  "offsets.topic.replication.factor": "3",
  "offsets.topic.num.partitions": "12",
  "transaction.state.log.replication.factor": "3",
  "transaction.state.log.min.isr": "2",
  "share.coordinator.state.topic.replication.factor": "3",
  "share.coordinator.state.topic.min.isr": "2",
  "num.partitions": "6",
  "auto.create.topics.enable": "false",
  "group.initial.rebalance.delay.ms": "0",
  "replica.lag.time.max.ms": "10000",
  "broker.session.timeout.ms": "6000",
  "broker.heartbeat.interval.ms": "1000",
  "leader.imbalance.check.interval.seconds": "30",
};

/** The replication settings of CLUSTER_SETTINGS, fitted to a cluster of fewer than three brokers. */
function replicationSettings(brokers: number): Record<string, string> {
  const { rf, minIsr } = replicationFor(brokers);
  if (rf === 3) return {};
  return {
    "default.replication.factor": String(rf),
    "min.insync.replicas": String(minIsr),
    "offsets.topic.replication.factor": String(rf),
    "transaction.state.log.replication.factor": String(rf),
    "transaction.state.log.min.isr": String(minIsr),
    "share.coordinator.state.topic.replication.factor": String(rf),
    "share.coordinator.state.topic.min.isr": String(minIsr),
  };
}

/** `overrides` win over CLUSTER_SETTINGS (the session-timeout sweep sets broker.session.timeout.ms). */
export function serverProperties(layout: ClusterLayout, node: NodeLayout, overrides: Readonly<Record<string, string>> = {}): string {
  const listeners = [
    ...(node.clientPort === null ? [] : [`PLAINTEXT://127.0.0.1:${node.clientPort}`]),
    ...(node.controllerPort === null ? [] : [`CONTROLLER://127.0.0.1:${node.controllerPort}`]),
  ];
  const props: Record<string, string> = {
    "process.roles": node.role === "combined" ? "broker,controller" : node.role,
    "node.id": String(node.id),
    "controller.quorum.voters": layout.quorumVoters,
    listeners: listeners.join(","),
    ...(node.clientPort === null ? {} : { "advertised.listeners": `PLAINTEXT://127.0.0.1:${node.clientPort}`, "inter.broker.listener.name": "PLAINTEXT" }),
    "controller.listener.names": "CONTROLLER",
    "listener.security.protocol.map": "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
    "log.dirs": node.dataDir,
    // Controllers apply the topic defaults, elect leaders and fence brokers: they need the same settings.
    ...CLUSTER_SETTINGS,
    ...replicationSettings(layout.shape.brokers),
    ...overrides,
  };
  return Object.entries(props)
    .map(([k, v]) => `${k}=${v}`)
    .join("\n")
    .concat("\n");
}

export function log4jProperties(): string {
  // Brokers log to stdout; the runtime points stdout at the node's server.log.
  return [
    "status = warn",
    "appender.out.type = Console",
    "appender.out.name = out",
    "appender.out.layout.type = PatternLayout",
    "appender.out.layout.pattern = [%d] %p %m (%c)%n",
    "rootLogger.level = info",
    "rootLogger.appenderRef.out.ref = out",
    "logger.kafka.name = kafka",
    "logger.kafka.level = info",
    "logger.request.name = kafka.request.logger",
    "logger.request.level = warn",
    "logger.clients.name = org.apache.kafka.clients",
    "logger.clients.level = warn",
    "",
  ].join("\n");
}
