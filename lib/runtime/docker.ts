// The Docker runtime: brokers are the containers of docker-compose.yml. It acts
// only on containers labelled io.streamsocial.cluster=<project>; a broker id
// from a caller is looked up in that labelled list, never handed to Docker as
// is. Every Docker call has a deadline, so a hung engine costs an error, not a
// hung request.
import Docker from "dockerode";
import { pollUntil, withTimeout } from "@/lib/util/poll";
import { brokerContainers, brokerIdOf, clusterLabelFilter, refersTo, type ListedContainer } from "./docker-labels";
import { DOCKER_CLIENT_PORT_BASE, DOCKER_NODE_IDS, DOCKER_STOP_GRACE_MS, dockerBootstrap, dockerControllerEndpoints, dockerMetricsEndpoints } from "./docker-layout";
import { containerProcess, dockerTime, missingProcess } from "./docker-state";
import { DockerWatch } from "./docker-watch";
import { dockerFailure } from "./docker-errors";
import { DockerNetworkFaults, type FaultContainer } from "./netfault/docker-faults";
import { withFaults } from "./netfault/rules";
import { RuntimeInputError, type Availability, type BrokerProcess, type BrokerRuntime, type NetworkFault } from "./types";

export interface DockerRuntimeOptions {
  socketPath: string;
  /** Compose project; its name is the value of our cluster label. */
  project: string;
  brokerIds?: readonly number[];
  /** First published client port (DOCKER_PORT_BASE); JMX exporters sit 200 above. */
  portBase?: number;
  bootstrap?: readonly string[];
  /** Deadline of each ordinary Docker call. */
  callTimeoutMs?: number;
  /** Grace period of a stop before Docker sends SIGKILL. */
  stopGraceMs?: number;
}

interface Target {
  id: number;
  containerId: string;
}

export class DockerRuntime implements BrokerRuntime {
  readonly kind = "docker" as const;
  readonly brokerIds: readonly number[];
  readonly bootstrap: readonly string[];
  readonly metricsEndpoints: Readonly<Record<number, string>>;
  readonly controllerEndpoints: Readonly<Record<number, string>>;
  private readonly docker: Docker;
  private readonly opts: Required<Omit<DockerRuntimeOptions, "brokerIds" | "bootstrap" | "portBase">>;
  /** When we saw each paused container pause (Docker does not record it). */
  private readonly pausedAt = new Map<string, number>();
  private readonly startedAt = new Map<string, number>();
  private readonly watcher: DockerWatch;
  readonly network: DockerNetworkFaults;
  /** Each container's init pid and compose-network addresses, from its last inspect. */
  private readonly netInfo = new Map<number, FaultContainer>();

  constructor(options: DockerRuntimeOptions) {
    const { brokerIds, portBase = DOCKER_CLIENT_PORT_BASE, bootstrap, ...rest } = options;
    this.opts = { callTimeoutMs: 5000, stopGraceMs: DOCKER_STOP_GRACE_MS, ...rest };
    this.brokerIds = brokerIds ?? DOCKER_NODE_IDS;
    this.bootstrap = bootstrap ?? dockerBootstrap(portBase, this.brokerIds);
    this.metricsEndpoints = dockerMetricsEndpoints(portBase, this.brokerIds);
    this.controllerEndpoints = dockerControllerEndpoints(portBase, this.brokerIds);
    this.docker = new Docker({ socketPath: options.socketPath });
    this.network = new DockerNetworkFaults(options.project, async () => {
      await this.processes();
      return [...this.netInfo.values()];
    });
    this.watcher = new DockerWatch({
      docker: this.docker,
      project: options.project,
      connectTimeoutMs: this.opts.callTimeoutMs,
      resync: () => this.list(),
      startedAt: (cid) => this.startedAt.get(cid) ?? null,
      onChange: (p) => this.remember(p),
    });
  }

  async available(): Promise<Availability> {
    try {
      // The typings lack ping's options; dockerode takes { abortSignal } there as everywhere.
      const ping = this.docker.ping.bind(this.docker) as unknown as (o: { abortSignal: AbortSignal }) => Promise<unknown>;
      await this.call("ping", (signal) => ping({ abortSignal: signal }));
      const ours = await this.listOurs();
      if (ours.size === 0) {
        return {
          ok: false,
          reason: `no containers labelled ${clusterLabelFilter(this.opts.project)}: run scripts/docker-setup.sh -p ${this.opts.project}`,
        };
      }
      return { ok: true };
    } catch (e) {
      const msg = e instanceof Error ? e.message : String(e);
      return { ok: false, reason: msg.startsWith("Docker unavailable") ? msg : `Docker unavailable: ${msg}` };
    }
  }

  /** Each broker with its network faults, read from its own namespace. */
  async list(): Promise<BrokerProcess[]> {
    const list = await this.processes();
    const faults = await this.network.faults([...this.netInfo.values()]).catch(() => new Map<number, NetworkFault[]>());
    return withFaults(list, faults);
  }

  /** Each broker's container as Docker reports it. */
  private async processes(): Promise<BrokerProcess[]> {
    const ours = await this.listOurs();
    for (const id of this.netInfo.keys()) if (!ours.has(id)) this.netInfo.delete(id);
    const ids = [...new Set([...this.brokerIds, ...ours.keys()])].sort((a, b) => a - b);
    return Promise.all(
      ids.map(async (id) => {
        const c = ours.get(id);
        return c ? this.describe({ id, containerId: c.Id }) : missingProcess(id, this.opts.project);
      }),
    );
  }

  /**
   * Maps what a caller names (a broker id, or a container id or name) to one of
   * our brokers. Anything without our cluster label is refused.
   */
  async resolve(ref: number | string): Promise<Target> {
    const ours = await this.listOurs();
    const text = String(ref).trim();
    if (/^[0-9]{1,9}$/.test(text)) return this.target(Number(text), ours);
    for (const [id, c] of ours) if (refersTo(c, text)) return { id, containerId: c.Id };
    throw new RuntimeInputError("not_ours", `'${text.slice(0, 80)}' is not a broker container of cluster ${this.opts.project}`);
  }

  async kill(id: number): Promise<BrokerProcess> {
    const t = await this.liveTarget(id, "kill");
    await this.call("kill", (signal) => this.docker.getContainer(t.containerId).kill({ signal: "SIGKILL", abortSignal: signal }));
    await this.waitNotRunning(t, 10_000);
    return this.describe(t);
  }

  async stop(id: number): Promise<BrokerProcess> {
    const t = await this.liveTarget(id, "stop");
    await this.thaw(t); // a frozen JVM cannot act on SIGTERM
    await this.uncut(id);
    const seconds = Math.ceil(this.opts.stopGraceMs / 1000);
    await this.call("stop", (signal) => this.docker.getContainer(t.containerId).stop({ t: seconds, abortSignal: signal }), this.opts.stopGraceMs + 15_000);
    return this.describe(t);
  }

  async pause(id: number): Promise<BrokerProcess> {
    const t = await this.liveTarget(id, "pause");
    if ((await this.describe(t)).status === "paused") throw new RuntimeInputError("already_paused", `broker ${id} is already paused`);
    await this.call("pause", (signal) => this.docker.getContainer(t.containerId).pause({ abortSignal: signal }));
    this.pausedAt.set(t.containerId, Date.now());
    return this.describe(t);
  }

  async resume(id: number): Promise<BrokerProcess> {
    const t = await this.target(id);
    if ((await this.describe(t)).status !== "paused") throw new RuntimeInputError("not_paused", `broker ${id} is not paused`);
    await this.thaw(t);
    return this.describe(t);
  }

  async restart(id: number): Promise<BrokerProcess> {
    const t = await this.target(id);
    await this.thaw(t);
    await this.uncut(id);
    const seconds = Math.ceil(this.opts.stopGraceMs / 1000);
    await this.call("restart", (signal) => this.docker.getContainer(t.containerId).restart({ t: seconds, abortSignal: signal }), this.opts.stopGraceMs + 30_000);
    return this.describe(t);
  }

  async start(id: number): Promise<BrokerProcess> {
    const t = await this.target(id);
    const now = await this.describe(t);
    if (now.status === "running" || now.status === "paused") {
      throw new RuntimeInputError("already_running", `broker ${id} is already running`);
    }
    await this.call("start", (signal) => this.docker.getContainer(t.containerId).start({ abortSignal: signal }), 30_000);
    return this.describe(t);
  }

  watch(callback: (change: BrokerProcess) => void): () => void {
    return this.watcher.add(callback);
  }

  close(): void {
    this.watcher.close();
  }

  // --- internals -------------------------------------------------------------

  /**
   * A graceful stop of a broker cut off by one of our network faults cannot
   * complete: its controlled shutdown waits on a controller it cannot reach until
   * Docker's grace (60 s) runs out. The container's namespace, rules included,
   * goes with the stop anyway, so the fault is healed first and the stop is quick.
   */
  private async uncut(id: number): Promise<void> {
    const faults = await this.network.faults().catch(() => new Map<number, NetworkFault[]>());
    if ((faults.get(id) ?? []).length > 0) await this.network.heal(id).catch(() => undefined);
  }

  /** Runs one Docker call with a deadline; failures become RuntimeFailure / RuntimeInputError. */
  private async call<T>(what: string, fn: (signal: AbortSignal) => Promise<T>, timeoutMs = this.opts.callTimeoutMs): Promise<T> {
    const controller = new AbortController();
    try {
      return await withTimeout(fn(controller.signal), timeoutMs, `timed out after ${timeoutMs} ms`);
    } catch (e) {
      throw dockerFailure(what, e);
    } finally {
      controller.abort();
    }
  }

  /** Our containers by broker id, found by label alone. */
  private async listOurs(): Promise<Map<number, Docker.ContainerInfo & ListedContainer>> {
    const filters = { label: [clusterLabelFilter(this.opts.project)] };
    const all = await this.call("list containers", (signal) =>
      this.docker.listContainers({ all: true, filters, abortSignal: signal } as Docker.ContainerListOptions),
    );
    return brokerContainers(all, this.opts.project);
  }

  private async target(id: number, known?: Map<number, ListedContainer>): Promise<Target> {
    if (!Number.isInteger(id) || id < 0) throw new RuntimeInputError("bad_broker_id", `broker id must be a whole number, got ${id}`);
    const ours = known ?? (await this.listOurs());
    const c = ours.get(id);
    if (c) return { id, containerId: c.Id };
    if (this.brokerIds.includes(id)) {
      throw new RuntimeInputError("no_container", `broker ${id} has no container: run scripts/docker-setup.sh -p ${this.opts.project}`);
    }
    const have = [...new Set([...this.brokerIds, ...ours.keys()])].sort((a, b) => a - b);
    throw new RuntimeInputError("unknown_broker", `no broker ${id} in this cluster (brokers: ${have.join(", ")})`);
  }

  private async liveTarget(id: number, action: string): Promise<Target> {
    const t = await this.target(id);
    const p = await this.describe(t);
    if (p.status !== "running" && p.status !== "paused") {
      throw new RuntimeInputError("not_running", `cannot ${action} broker ${id}: it is not running`);
    }
    return t;
  }

  /** Inspects the container and checks, again, that it is ours and still broker `id`. */
  private async describe(t: Target): Promise<BrokerProcess> {
    let info: Docker.ContainerInspectInfo;
    try {
      info = await this.call("inspect", (signal) => this.docker.getContainer(t.containerId).inspect({ abortSignal: signal }));
    } catch (e) {
      if (e instanceof RuntimeInputError && e.code === "no_container") return missingProcess(t.id, this.opts.project);
      throw e;
    }
    if (brokerIdOf(info.Config.Labels, this.opts.project) !== t.id) {
      throw new RuntimeInputError("not_ours", `container ${t.containerId.slice(0, 12)} is not broker ${t.id} of cluster ${this.opts.project}`);
    }
    this.netInfo.set(t.id, {
      id: t.id,
      pid: info.State.Pid ?? 0,
      running: info.State.Running === true,
      addresses: Object.values(info.NetworkSettings?.Networks ?? {}).flatMap((n) => (n.IPAddress ? [n.IPAddress] : [])),
    });
    const started = dockerTime(info.State.StartedAt);
    if (started !== null) this.startedAt.set(t.containerId, started);
    if (!info.State.Paused) this.pausedAt.delete(t.containerId);
    return containerProcess(t.id, t.containerId, info.State, this.pausedAt.get(t.containerId) ?? null);
  }

  private remember(p: BrokerProcess): void {
    if (!p.containerId) return;
    if (p.status === "paused" && p.since !== null) this.pausedAt.set(p.containerId, p.since);
    if (p.status === "running" && p.since !== null) this.startedAt.set(p.containerId, p.since);
  }

  private async thaw(t: Target): Promise<void> {
    if ((await this.describe(t)).status !== "paused") return;
    await this.call("unpause", (signal) => this.docker.getContainer(t.containerId).unpause({ abortSignal: signal }));
    this.pausedAt.delete(t.containerId);
  }

  private async waitNotRunning(t: Target, timeoutMs: number): Promise<void> {
    await pollUntil(async () => (await this.describe(t)).status === "exited", { timeoutMs, intervalMs: 25 });
  }
}
