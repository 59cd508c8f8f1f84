// The embedded default: Kafka JVMs on 127.0.0.1 (three combined nodes unless
// the cluster was given another shape), started from the Maven jars. Brokers are detached so they outlive the process that started them (a
// dashboard restart must not take the cluster down); a pid file plus a check of
// /proc/<pid>/cmdline tells our brokers from any other process.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { writeFileAtomic } from "@/lib/util/atomic-file";
import { pollUntil } from "@/lib/util/poll";
import { isBroker, type ClusterLayout, type ClusterShape, type NodeLayout } from "./local-layout";
import { procCmdlineHas, procStartedAt, procState } from "./proc";
import { findBusyPorts } from "./ports";
import { ensureNodeCgroup } from "./netfault/cgroup";
import { LocalNetworkFaults } from "./netfault/local-faults";
import { withFaults } from "./netfault/rules";
import {
  RuntimeFailure,
  RuntimeInputError,
  type Availability,
  type BrokerProcess,
  type BrokerRuntime,
  type NetworkFault,
} from "./types";

export interface LocalRuntimeOptions {
  layout: ClusterLayout;
  kafkaHome: string;
  javaBin: string;
  heapMb: number;
  /** Heap of a dedicated controller (metadata only); default heapMb. */
  controllerHeapMb?: number;
  /** Toxiproxy's server binary, for the slow fault (absent: slow is unavailable). */
  toxiproxyBin?: string;
  /** Grace period for a SIGTERM stop before SIGKILL. */
  stopTimeoutMs?: number;
  /** How often watch() samples /proc; a death is reported within this. */
  watchIntervalMs?: number;
}

interface NodeState {
  /** When the node was last seen to stop running (epoch ms). */
  exitedAt?: number;
  pausedAt?: number;
}

export class LocalRuntime implements BrokerRuntime {
  readonly kind = "local" as const;
  readonly brokerIds: readonly number[];
  /** Every node: the brokers, then any dedicated controllers (which hold no data, and are acted on like brokers). */
  readonly nodeIds: readonly number[];
  readonly bootstrap: readonly string[];
  readonly metricsEndpoints: Readonly<Record<number, string>>;
  readonly controllerEndpoints: Readonly<Record<number, string>>;
  readonly network: LocalNetworkFaults;
  readonly shape: ClusterShape;
  private readonly opts: Required<LocalRuntimeOptions>;
  private watchers = new Set<(c: BrokerProcess) => void>();
  private watchTimer: NodeJS.Timeout | undefined;
  private lastSeen = new Map<number, string>();
  private queues = new Map<number, Promise<unknown>>();

  constructor(opts: LocalRuntimeOptions) {
    this.opts = { stopTimeoutMs: 60_000, watchIntervalMs: 100, toxiproxyBin: "", controllerHeapMb: opts.heapMb, ...opts };
    const brokers = opts.layout.nodes.filter(isBroker);
    this.brokerIds = brokers.map((n) => n.id);
    this.nodeIds = opts.layout.nodes.map((n) => n.id);
    this.shape = opts.layout.shape;
    this.bootstrap = opts.layout.bootstrap;
    // A dedicated controller's exporter has no broker figures: only brokers are scraped.
    this.metricsEndpoints = Object.fromEntries(brokers.map((n) => [n.id, `http://127.0.0.1:${n.metricsPort}/metrics`]));
    this.controllerEndpoints = Object.fromEntries(
      opts.layout.nodes.flatMap((n) => (n.controllerPort === null ? [] : [[n.id, `127.0.0.1:${n.controllerPort}`] as const])),
    );
    this.network = new LocalNetworkFaults(opts.layout, this.opts.toxiproxyBin, (id) => this.alivePid(this.node(id)));
  }

  async available(): Promise<Availability> {
    const jar = path.join(this.opts.kafkaHome, "libs");
    if (!fs.existsSync(jar)) {
      return { ok: false, reason: `Kafka jars missing in ${jar}: run npm run kafka:jars` };
    }
    return { ok: true };
  }

  async list(): Promise<BrokerProcess[]> {
    const faults = await this.network.faults().catch(() => new Map<number, NetworkFault[]>());
    return withFaults(this.opts.layout.nodes.map((n) => this.describe(n)), faults);
  }

  kill(id: number): Promise<BrokerProcess> {
    return this.serial(id, () => this.killNow(id));
  }

  private async killNow(id: number): Promise<BrokerProcess> {
    const node = this.node(id);
    const pid = this.requireAlive(node, "kill");
    process.kill(pid, "SIGKILL");
    await this.waitDead(node, pid, 10_000);
    return this.describe(node);
  }

  stop(id: number): Promise<BrokerProcess> {
    return this.serial(id, () => this.stopNow(id));
  }

  private async stopNow(id: number): Promise<BrokerProcess> {
    const node = this.node(id);
    const pid = this.requireAlive(node, "stop");
    await this.terminate(node, pid);
    return this.describe(node);
  }

  pause(id: number): Promise<BrokerProcess> {
    return this.serial(id, () => this.pauseNow(id));
  }

  private async pauseNow(id: number): Promise<BrokerProcess> {
    const node = this.node(id);
    const pid = this.requireAlive(node, "pause");
    if (procState(pid) === "paused") throw new RuntimeInputError("already_paused", `broker ${id} is already paused`);
    process.kill(pid, "SIGSTOP");
    await pollUntil(() => procState(pid) !== "running", { timeoutMs: 5000, intervalMs: 20 });
    this.saveState(node, { pausedAt: Date.now() });
    return this.describe(node);
  }

  resume(id: number): Promise<BrokerProcess> {
    return this.serial(id, () => this.resumeNow(id));
  }

  private async resumeNow(id: number): Promise<BrokerProcess> {
    const node = this.node(id);
    const pid = this.requireAlive(node, "resume");
    if (procState(pid) !== "paused") throw new RuntimeInputError("not_paused", `broker ${id} is not paused`);
    process.kill(pid, "SIGCONT");
    await pollUntil(() => procState(pid) !== "paused", { timeoutMs: 5000, intervalMs: 20 });
    this.saveState(node, {});
    return this.describe(node);
  }

  restart(id: number): Promise<BrokerProcess> {
    return this.serial(id, () => this.restartNow(id));
  }

  private async restartNow(id: number): Promise<BrokerProcess> {
    const node = this.node(id);
    const pid = this.alivePid(node);
    if (pid !== undefined) await this.terminate(node, pid);
    return this.spawnNode(node);
  }

  start(id: number): Promise<BrokerProcess> {
    return this.serial(id, () => this.startNow(id));
  }

  private async startNow(id: number): Promise<BrokerProcess> {
    const node = this.node(id);
    if (this.alivePid(node) !== undefined) {
      throw new RuntimeInputError("already_running", `broker ${id} is already running`);
    }
    return this.spawnNode(node);
  }

  watch(callback: (change: BrokerProcess) => void): () => void {
    this.watchers.add(callback);
    if (!this.watchTimer) {
      for (const n of this.opts.layout.nodes) this.lastSeen.set(n.id, this.describe(n).status);
      this.watchTimer = setInterval(() => this.sample(), this.opts.watchIntervalMs);
      this.watchTimer.unref();
    }
    return () => {
      this.watchers.delete(callback);
      if (this.watchers.size === 0) this.close();
    };
  }

  close(): void {
    if (this.watchTimer) clearInterval(this.watchTimer);
    this.watchTimer = undefined;
  }

  /** Spawns every node that is not running; returns the ids it started. */
  async startMissing(): Promise<number[]> {
    const started: number[] = [];
    const down = this.opts.layout.nodes.filter((n) => this.alivePid(n) === undefined);
    await this.assertPortsFree(down);
    for (const n of down) {
      await this.spawnNode(n, false);
      started.push(n.id);
    }
    return started;
  }

  /** The pid of node `id` when it is our live broker, else undefined. */
  pidOf(id: number): number | undefined {
    return this.alivePid(this.node(id));
  }

  // --- internals -------------------------------------------------------------

  /**
   * One action per broker at a time: a start sent while a kill is still waiting
   * for the old JVM to die would otherwise see it alive and be refused or, worse,
   * race it for the ports.
   */
  private serial<T>(id: number, action: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(id) ?? Promise.resolve();
    const next = previous.then(action, action);
    this.queues.set(id, next.catch(() => undefined));
    return next;
  }

  private sample(): void {
    for (const n of this.opts.layout.nodes) {
      const p = this.describe(n);
      if (this.lastSeen.get(n.id) === p.status) continue;
      this.lastSeen.set(n.id, p.status);
      if (p.status === "exited") this.recordExit(n);
      for (const w of this.watchers) w(this.describe(n));
    }
  }

  private node(id: number): NodeLayout {
    const n = this.opts.layout.nodes.find((x) => x.id === id);
    if (!n) {
      throw new RuntimeInputError("unknown_broker", `no broker ${id} in this cluster (nodes: ${this.nodeIds.join(", ")})`);
    }
    return n;
  }

  private readPid(node: NodeLayout): number | undefined {
    try {
      const pid = Number(fs.readFileSync(node.pidFile, "utf8").trim());
      return Number.isInteger(pid) && pid > 0 ? pid : undefined;
    } catch {
      return undefined;
    }
  }

  private alivePid(node: NodeLayout): number | undefined {
    const pid = this.readPid(node);
    if (pid === undefined) return undefined;
    if (procState(pid) === "dead" || !procCmdlineHas(pid, node.propsFile)) return undefined;
    return pid;
  }

  private requireAlive(node: NodeLayout, action: string): number {
    const pid = this.alivePid(node);
    if (pid === undefined) {
      throw new RuntimeInputError("not_running", `cannot ${action} broker ${node.id}: it is not running`);
    }
    return pid;
  }

  private readState(node: NodeLayout): NodeState {
    try {
      return JSON.parse(fs.readFileSync(node.stateFile, "utf8")) as NodeState;
    } catch {
      return {};
    }
  }

  private saveState(node: NodeLayout, state: NodeState): void {
    writeFileAtomic(node.stateFile, JSON.stringify(state));
  }

  private recordExit(node: NodeLayout): void {
    if (this.readState(node).exitedAt === undefined) this.saveState(node, { exitedAt: Date.now() });
  }

  private describe(node: NodeLayout): BrokerProcess {
    const base = { id: node.id, role: node.role };
    const pid = this.alivePid(node);
    if (pid === undefined) {
      if (!fs.existsSync(path.join(node.dataDir, "meta.properties"))) {
        return { ...base, status: "missing", since: null, detail: "not formatted yet: run npm run cluster -- up" };
      }
      return { ...base, status: "exited", since: this.readState(node).exitedAt ?? null };
    }
    if (procState(pid) === "paused") {
      return { ...base, status: "paused", pid, since: this.readState(node).pausedAt ?? null };
    }
    return { ...base, status: "running", pid, since: procStartedAt(pid) };
  }

  private async waitDead(node: NodeLayout, pid: number, timeoutMs: number): Promise<boolean> {
    const dead = await pollUntil(() => procState(pid) === "dead", { timeoutMs, intervalMs: 20 });
    if (dead) this.recordExit(node);
    return dead;
  }

  /** SIGTERM (Kafka's controlled shutdown), SIGKILL when the grace period runs out. */
  private async terminate(node: NodeLayout, pid: number): Promise<void> {
    // A frozen JVM cannot act on SIGTERM until it is thawed.
    if (procState(pid) === "paused") process.kill(pid, "SIGCONT");
    process.kill(pid, "SIGTERM");
    if (await this.waitDead(node, pid, this.opts.stopTimeoutMs)) return;
    process.kill(pid, "SIGKILL");
    if (!(await this.waitDead(node, pid, 10_000))) {
      throw new RuntimeFailure("stop_failed", `broker ${node.id} (pid ${pid}) did not exit`);
    }
  }

  private async assertPortsFree(nodes: NodeLayout[]): Promise<void> {
    const wanted = nodes.flatMap((n) => [n.clientPort, n.controllerPort, n.metricsPort]).filter((p): p is number => p !== null);
    // A broker that has just exited can hold its sockets for a moment longer.
    let busy = await findBusyPorts(wanted);
    await pollUntil(async () => (busy = await findBusyPorts(wanted)).length === 0, { timeoutMs: 5000, intervalMs: 100 });
    if (busy.length > 0) {
      throw new RuntimeFailure(
        "port_taken",
        `port${busy.length > 1 ? "s" : ""} ${busy.join(", ")} on 127.0.0.1 already in use by another program; ` +
          "free them or set LOCAL_PORT_BASE to another range",
      );
    }
  }

  private async spawnNode(node: NodeLayout, checkPorts = true): Promise<BrokerProcess> {
    if (checkPorts) await this.assertPortsFree([node]);
    if (!fs.existsSync(path.join(node.dataDir, "meta.properties"))) {
      throw new RuntimeFailure("not_formatted", `broker ${node.id} has no formatted storage: run npm run cluster -- up`);
    }
    const out = fs.openSync(node.logFile, "a");
    // Into a cgroup of its own before Java opens a socket, so network faults can single it out.
    const rel = this.network.cgroupOf(node.id);
    const procs = rel === null ? null : ensureNodeCgroup(this.network.cgroupRoot, rel);
    const [cmd, args] = procs
      ? ["/bin/sh", ["-c", 'echo $$ > "$0" 2>/dev/null; exec "$@"', procs, this.opts.javaBin, ...this.javaArgs(node)]]
      : [this.opts.javaBin, this.javaArgs(node)];
    const child = spawn(cmd, args, {
      cwd: node.dir,
      detached: true,
      stdio: ["ignore", out, out],
    });
    fs.closeSync(out);
    const spawnError = new Promise<Error>((resolve) => child.once("error", resolve));
    child.once("exit", () => this.sample());
    child.unref();
    if (child.pid === undefined) {
      const err = await spawnError;
      throw new RuntimeFailure("spawn_failed", `cannot start ${this.opts.javaBin}: ${err.message}`);
    }
    writeFileAtomic(node.pidFile, String(child.pid));
    this.saveState(node, {});
    // A JVM that rejects its config dies within a second or two: report that here
    // rather than as a mysterious SHUTDOWN later.
    const pid = child.pid;
    const died = await pollUntil(() => procState(pid) === "dead", { timeoutMs: 1500, intervalMs: 50 });
    if (died) {
      this.recordExit(node);
      throw new RuntimeFailure("start_failed", `broker ${node.id} exited at start:\n${tail(node.logFile, 15)}`);
    }
    return this.describe(node);
  }

  private javaArgs(node: NodeLayout): string[] {
    const home = this.opts.kafkaHome;
    const root = this.opts.layout.root;
    const heapMb = node.role === "controller" ? this.opts.controllerHeapMb : this.opts.heapMb;
    return [
      `-Xms${Math.min(256, heapMb)}m`,
      `-Xmx${heapMb}m`,
      "-XX:+UseG1GC",
      "-XX:MaxGCPauseMillis=20",
      "-XX:+ExitOnOutOfMemoryError",
      "-Djava.awt.headless=true",
      `-Dlog4j2.configurationFile=${path.join(root, "log4j2.properties")}`,
      `-Dkafka.logs.dir=${node.dir}`,
      `-javaagent:${path.join(home, "agent", "jmx_prometheus_javaagent.jar")}=127.0.0.1:${node.metricsPort}:${path.join(root, "jmx-exporter.yaml")}`,
      "-cp",
      `${path.join(home, "libs")}/*`,
      "kafka.Kafka",
      node.propsFile,
    ];
  }
}

function tail(file: string, lines: number): string {
  try {
    return fs.readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
  } catch {
    return "(no log)";
  }
}
