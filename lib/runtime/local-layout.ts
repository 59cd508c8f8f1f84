// Where each local node lives (dirs, ports) and the server.properties it runs
// with. Pure: no I/O, so the layout is unit-tested with plain data.
import path from "node:path";

export const LOCAL_NODE_IDS = [1, 2, 3] as const;

export interface NodeLayout {
  id: number;
  dir: string;
  dataDir: string;
  propsFile: string;
  logFile: string;
  pidFile: string;
  stateFile: string;
  clientPort: number;
  controllerPort: number;
  metricsPort: number;
  /** Where the slow fault's proxies listen, in front of clientPort and controllerPort. */
  proxyPorts: [number, number];
}

export interface ClusterLayout {
  root: string;
  clusterIdFile: string;
  nodes: NodeLayout[];
  bootstrap: string[];
  quorumVoters: string;
  /** The slow fault's Toxiproxy server: its API port, pid and log. */
  proxy: { apiPort: number; pidFile: string; logFile: string };
}

/** Client ports are base..base+2, controller ports base+100.., metrics ports base+200.., proxies base+300.. and base+400.., the proxy's API base+299 (all below the next cluster's base+500). */
export function localLayout(dataDir: string, portBase: number): ClusterLayout {
  const root = path.join(dataDir, "local");
  const nodes = LOCAL_NODE_IDS.map((id): NodeLayout => {
    const dir = path.join(root, `node-${id}`);
    return {
      id,
      dir,
      dataDir: path.join(dir, "data"),
      propsFile: path.join(dir, "server.properties"),
      logFile: path.join(dir, "server.log"),
      pidFile: path.join(dir, "pid"),
      stateFile: path.join(dir, "runtime.json"),
      clientPort: portBase + id - 1,
      controllerPort: portBase + 100 + id - 1,
      metricsPort: portBase + 200 + id - 1,
      proxyPorts: [portBase + 300 + id - 1, portBase + 400 + id - 1],
    };
  });
  return {
    root,
    clusterIdFile: path.join(root, "cluster.id"),
    nodes,
    bootstrap: nodes.map((n) => `127.0.0.1:${n.clientPort}`),
    quorumVoters: nodes.map((n) => `${n.id}@127.0.0.1:${n.controllerPort}`).join(","),
    proxy: { apiPort: portBase + 299, pidFile: path.join(root, "toxiproxy.pid"), logFile: path.join(root, "toxiproxy.log") },
  };
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

/** `overrides` win over CLUSTER_SETTINGS (the session-timeout sweep sets broker.session.timeout.ms). */
export function serverProperties(layout: ClusterLayout, node: NodeLayout, overrides: Readonly<Record<string, string>> = {}): string {
  const props: Record<string, string> = {
    "process.roles": "broker,controller",
    "node.id": String(node.id),
    "controller.quorum.voters": layout.quorumVoters,
    listeners: `PLAINTEXT://127.0.0.1:${node.clientPort},CONTROLLER://127.0.0.1:${node.controllerPort}`,
    "advertised.listeners": `PLAINTEXT://127.0.0.1:${node.clientPort}`,
    "controller.listener.names": "CONTROLLER",
    "inter.broker.listener.name": "PLAINTEXT",
    "listener.security.protocol.map": "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
    "log.dirs": node.dataDir,
    ...CLUSTER_SETTINGS,
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
