// Network faults for the local runtime: iptables rules in this cluster's own
// chain, matched by each node's cgroup. Root, iptables and a cgroup2 hierarchy
// are needed; without them support() says which is missing and nothing is tried.
//
// slow: a Toxiproxy in front of the node's two ports, with a latency toxic, and
// nat rules in our own chain that redirect every new loopback connection to those
// ports into it (the proxy's own connections upstream excepted, by its cgroup).
// Nothing passes a proxy while no broker is slow; the connections open when the
// fault begins are cut (ss -K), so clients and peers reconnect through it.
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { promisify } from "node:util";
import type { NetworkFault, NetworkFaultKind, SlowParams } from "@/lib/model/runtime";
import { slowBody } from "@/lib/validations/api";
import type { ClusterLayout } from "../local-layout";
import { RuntimeFailure, RuntimeInputError, type Availability, type NetworkFaultControl } from "../types";
import { cgroup2Root, ensureNodeCgroup, nodeCgroup, processInCgroup } from "./cgroup";
import { ensureChain, removeChain, removeChainNow } from "./chain";
import { iptables, iptablesOk } from "./iptables";
import { chainName, deletionsFor, faultRules, faultsFromRules, jumpRule, slowRules, type FaultNode } from "./rules";
import { Toxiproxy } from "./toxiproxy";

const execFileAsync = promisify(execFile);
const NAT = ["-t", "nat"];

/** Eight hex digits of the cluster's root folder: two clusters on one machine never share a chain. */
export const clusterKey = (root: string) => createHash("sha1").update(root).digest("hex").slice(0, 8);

/**
 * Reading the rules spawns iptables twice (filter and nat), ~15 ms of CPU. Our
 * own apply/heal drop the cache at once; a fault made by another process (the
 * CLI, a dashboard beside a test) shows within this, so it stays short.
 */
const FAULTS_TTL_MS = 500;
const SUPPORT_TTL_MS = 30_000;

export class LocalNetworkFaults implements NetworkFaultControl {
  readonly key: string;
  readonly cgroupRoot: string | null;
  private readonly nodes: FaultNode[];
  private readonly proxyPorts: Map<number, readonly number[]>;
  private readonly proxyCgroup: string;
  private readonly proxy: Toxiproxy | null;
  private cachedFaults: { at: number; value: Map<number, NetworkFault[]> } | null = null;
  private cachedSupport: { at: number; value: Availability } | null = null;
  private cachedSlowSupport: { at: number; value: Availability } | null = null;

  constructor(
    layout: Pick<ClusterLayout, "root" | "nodes" | "proxy">,
    /** Toxiproxy's server binary ("" when there is none). */
    toxiproxyBin: string,
    /** The live pid of a node, or undefined. */
    private readonly pidOf: (id: number) => number | undefined,
  ) {
    this.key = clusterKey(layout.root);
    this.cgroupRoot = process.getuid?.() === 0 ? cgroup2Root() : null;
    this.nodes = layout.nodes.map((n) => ({ id: n.id, ports: [n.clientPort, n.controllerPort].filter((x): x is number => x !== null), cgroup: nodeCgroup(this.key, n.id) }));
    this.proxyPorts = new Map(layout.nodes.map((n) => [n.id, n.proxyPorts]));
    this.proxyCgroup = `streamsocial/${this.key}/proxy`;
    this.proxy =
      this.cgroupRoot === null || toxiproxyBin === ""
        ? null
        : new Toxiproxy({ bin: toxiproxyBin, ...layout.proxy, cgroupRoot: this.cgroupRoot, cgroup: this.proxyCgroup, prefix: `ss-${this.key}-` });
  }

  /** The cgroup a node is spawned into, when faults can be had here. */
  cgroupOf(id: number): string | null {
    return this.cgroupRoot === null ? null : nodeCgroup(this.key, id);
  }

  async support(): Promise<Availability> {
    if (this.cachedSupport && Date.now() - this.cachedSupport.at < SUPPORT_TTL_MS) return this.cachedSupport.value;
    let value: Availability;
    if (process.getuid?.() !== 0) value = { ok: false, reason: "network faults need root (iptables)" };
    else if (this.cgroupRoot === null) value = { ok: false, reason: "network faults need a cgroup2 hierarchy (none mounted)" };
    else if (this.nodes.some((n) => ensureNodeCgroup(this.cgroupRoot, n.cgroup) === null)) value = { ok: false, reason: `network faults need cgroups of their own: cannot create them under ${this.cgroupRoot}` };
    else if (!(await iptablesOk(["-S", "OUTPUT"]))) value = { ok: false, reason: "iptables does not work here (apt-get install iptables)" };
    else value = { ok: true };
    this.cachedSupport = { at: Date.now(), value };
    return value;
  }

  /** Cached like support(): the monitor asks every poll, and the nat check spawns iptables. */
  async slowSupport(): Promise<Availability> {
    if (this.cachedSlowSupport && Date.now() - this.cachedSlowSupport.at < SUPPORT_TTL_MS) return this.cachedSlowSupport.value;
    let value = await this.support();
    if (!value.ok) return value;
    if (this.proxy === null || !this.proxy.installed()) value = { ok: false, reason: "slow needs Toxiproxy: run bash scripts/ensure-toxiproxy.sh (or set TOXIPROXY_BIN)" };
    else if (!(await iptablesOk([...NAT, "-S", "OUTPUT"]))) value = { ok: false, reason: "slow needs iptables' nat table, which does not work here" };
    this.cachedSlowSupport = { at: Date.now(), value };
    return value;
  }

  /** Faults per node, read from the rules (cached for FAULTS_TTL_MS: list() runs every poll). */
  async faults(): Promise<Map<number, NetworkFault[]>> {
    if (this.cgroupRoot === null) return new Map();
    if (this.cachedFaults && Date.now() - this.cachedFaults.at < FAULTS_TTL_MS) return this.cachedFaults.value;
    const value = faultsFromRules(this.key, await this.listing());
    this.cachedFaults = { at: Date.now(), value };
    return value;
  }

  async apply(id: number, kind: NetworkFaultKind, slow?: SlowParams): Promise<void> {
    await this.assertSupported();
    if (kind === "slow") {
      const s = await this.slowSupport();
      if (!s.ok) throw new RuntimeInputError("faults_unavailable", s.reason);
      assertSlowParams(slow);
    }
    if (!this.nodes.some((n) => n.id === id)) throw new RuntimeInputError("unknown_broker", `no broker ${id} in this cluster`);
    if (this.pidOf(id) === undefined) throw new RuntimeInputError("not_running", `broker ${id} is not running: nothing to cut off`);
    // A node started before it had a cgroup cannot be told apart on loopback: the rules would miss it.
    for (const n of this.nodes) {
      const pid = this.pidOf(n.id);
      if (pid !== undefined && !processInCgroup(pid, n.cgroup)) {
        throw new RuntimeInputError("no_cgroup", `broker ${n.id} was started without a cgroup of its own (an older start, or not as root): restart it first`);
      }
    }
    const current = (await this.faults()).get(id) ?? [];
    if (current.length > 0) throw new RuntimeInputError("already_faulted", `broker ${id} is already ${current.map((f) => f.kind).join(", ")}: heal it first`);
    // The kernel resolves a cgroup path when the rule goes in: every node's must exist.
    for (const n of this.nodes) ensureNodeCgroup(this.cgroupRoot, n.cgroup);
    try {
      if (kind === "slow") await this.applySlow(id, slow as SlowParams);
      else {
        await ensureChain(this.key, [jumpRule(this.key)]);
        for (const rule of faultRules(this.key, kind, this.nodes, id, Date.now())) await iptables(["-A", chainName(this.key), ...rule]);
      }
    } catch (err) {
      await this.removeRules(id); // never half a fault
      throw err;
    } finally {
      this.cachedFaults = null;
    }
  }

  private async applySlow(id: number, slow: SlowParams): Promise<void> {
    const proxy = this.proxy as Toxiproxy;
    const node = this.nodes.find((n) => n.id === id) as FaultNode;
    const proxyPorts = this.proxyPorts.get(id) ?? [];
    await proxy.ensure();
    for (const [i, port] of node.ports.entries()) {
      await proxy.addLatencyProxy({ name: this.proxyName(id, i), listen: `127.0.0.1:${proxyPorts[i]}`, upstream: `127.0.0.1:${port}` }, slow.delayMs, slow.jitterMs);
    }
    await ensureChain(this.key, [jumpRule(this.key)], { table: "nat" });
    for (const rule of slowRules(this.key, node, proxyPorts, this.proxyCgroup, Date.now(), slow)) await iptables([...NAT, "-A", chainName(this.key), ...rule]);
    // Connections made before the rules keep going straight to the node: cut them, so they come back through the proxy.
    for (const port of node.ports) await cutConnections(port);
  }

  private proxyName(id: number, i: number): string {
    return `ss-${this.key}-n${id}-${i}`;
  }

  async heal(id: number): Promise<void> {
    await this.assertSupported();
    const removed = await this.removeRules(id);
    if (removed === 0) throw new RuntimeInputError("not_faulted", `broker ${id} has no network fault to heal`);
  }

  /** Removes every rule of this cluster and its chain; returns how many fault rules there were. Safe to call anywhere. */
  async healAll(): Promise<number> {
    if (this.cgroupRoot === null || !(await this.support()).ok) return 0;
    const removed = deletionsFor(this.key, await this.listing(), null).length;
    await removeChain(this.key, [jumpRule(this.key)]);
    await removeChain(this.key, [jumpRule(this.key)], { table: "nat" });
    await this.proxy?.stop();
    this.cachedFaults = null;
    return removed;
  }

  healAllNow(): void {
    if (this.cgroupRoot === null) return;
    removeChainNow(this.key, [jumpRule(this.key)]);
    removeChainNow(this.key, [jumpRule(this.key)], { table: "nat" });
    this.proxy?.stopNow();
  }

  /** Removes the node's rules in both tables, then its proxies (the server too, once it holds none). */
  private async removeRules(id: number): Promise<number> {
    const filter = deletionsFor(this.key, await this.filterListing(), id);
    for (const d of filter) await iptables(d);
    const nat = deletionsFor(this.key, await this.natListing(), id);
    for (const d of nat) await iptables([...NAT, ...d]);
    // A chain with no fault left in it goes too: nothing of ours stays hooked in for nothing.
    if (filter.length > 0 && deletionsFor(this.key, await this.filterListing(), null).length === 0) await removeChain(this.key, [jumpRule(this.key)]);
    if (nat.length > 0 && deletionsFor(this.key, await this.natListing(), null).length === 0) await removeChain(this.key, [jumpRule(this.key)], { table: "nat" });
    let proxies = 0;
    if (this.proxy) {
      const names = await this.proxy.names();
      for (const name of names.filter((n) => n.startsWith(`ss-${this.key}-n${id}-`))) {
        await this.proxy.remove(name);
        proxies++;
      }
      if (proxies === names.length) await this.proxy.stop();
    }
    this.cachedFaults = null;
    return filter.length + nat.length + proxies;
  }

  /** Both tables' rules of our chain, as `iptables -S` lists them. */
  private async listing(): Promise<string> {
    const [filter, nat] = await Promise.all([this.filterListing(), this.natListing()]);
    return `${filter}\n${nat}`;
  }

  private filterListing(): Promise<string> {
    return iptables(["-S", chainName(this.key)]).catch(() => ""); // no chain: no faults
  }

  private natListing(): Promise<string> {
    return iptables([...NAT, "-S", chainName(this.key)]).catch(() => "");
  }

  private async assertSupported(): Promise<void> {
    const s = await this.support();
    if (!s.ok) throw new RuntimeInputError("faults_unavailable", s.reason);
  }
}

/** The API's and the CLI's own schema, so a caller of the runtime (drill, tests) meets the same bounds. */
function assertSlowParams(slow: SlowParams | undefined): void {
  if (!slow) throw new RuntimeInputError("invalid_params", "slow needs a delay (delayMs)");
  const parsed = slowBody.safeParse(slow);
  if (!parsed.success) throw new RuntimeInputError("invalid_params", parsed.error.issues.map((i) => i.message).join("; "));
}

/** Aborts every established TCP connection to or from `port` (ss -K: the kernel resets both ends). */
async function cutConnections(port: number): Promise<void> {
  try {
    await execFileAsync("ss", ["-K", "-t", "-n", "state", "established", "(", "dport", "=", `:${port}`, "or", "sport", "=", `:${port}`, ")"], { timeout: 5000 });
  } catch (err) {
    throw new RuntimeFailure("cut_failed", `could not cut the connections to port ${port} (ss -K): ${(err as Error).message.slice(0, 200)}`);
  }
}
