// Network faults for the local runtime: iptables rules in this cluster's own
// chain, matched by each node's cgroup. Root, iptables and a cgroup2 hierarchy
// are needed; without them support() says which is missing and nothing is tried.
import { createHash } from "node:crypto";
import type { NetworkFault, NetworkFaultKind } from "@/lib/model/runtime";
import { RuntimeInputError, type Availability, type NetworkFaultControl } from "../types";
import { cgroup2Root, ensureNodeCgroup, nodeCgroup, processInCgroup } from "./cgroup";
import { ensureChain, removeChain, removeChainNow } from "./chain";
import { iptables, iptablesOk } from "./iptables";
import { chainName, deletionsFor, faultRules, faultsFromRules, jumpRule, type FaultNode } from "./rules";

export interface LocalFaultNode {
  id: number;
  clientPort: number;
  controllerPort: number;
}

/** Eight hex digits of the cluster's root folder: two clusters on one machine never share a chain. */
export const clusterKey = (root: string) => createHash("sha1").update(root).digest("hex").slice(0, 8);

const FAULTS_TTL_MS = 500;
const SUPPORT_TTL_MS = 30_000;

export class LocalNetworkFaults implements NetworkFaultControl {
  readonly key: string;
  readonly cgroupRoot: string | null;
  private readonly nodes: FaultNode[];
  private cachedFaults: { at: number; value: Map<number, NetworkFault[]> } | null = null;
  private cachedSupport: { at: number; value: Availability } | null = null;

  constructor(
    root: string,
    nodes: readonly LocalFaultNode[],
    /** The live pid of a node, or undefined. */
    private readonly pidOf: (id: number) => number | undefined,
  ) {
    this.key = clusterKey(root);
    this.cgroupRoot = process.getuid?.() === 0 ? cgroup2Root() : null;
    this.nodes = nodes.map((n) => ({ id: n.id, ports: [n.clientPort, n.controllerPort], cgroup: nodeCgroup(this.key, n.id) }));
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

  /** Faults per node, read from the rules (cached for half a second: list() runs every poll). */
  async faults(): Promise<Map<number, NetworkFault[]>> {
    if (this.cgroupRoot === null) return new Map();
    if (this.cachedFaults && Date.now() - this.cachedFaults.at < FAULTS_TTL_MS) return this.cachedFaults.value;
    const value = faultsFromRules(this.key, await this.listing());
    this.cachedFaults = { at: Date.now(), value };
    return value;
  }

  async apply(id: number, kind: NetworkFaultKind): Promise<void> {
    await this.assertSupported();
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
    await ensureChain(this.key, [jumpRule(this.key)]);
    try {
      for (const rule of faultRules(this.key, kind, this.nodes, id, Date.now())) await iptables(["-A", chainName(this.key), ...rule]);
    } catch (err) {
      await this.removeRules(id); // never half a fault
      throw err;
    } finally {
      this.cachedFaults = null;
    }
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
    this.cachedFaults = null;
    return removed;
  }

  healAllNow(): void {
    if (this.cgroupRoot !== null) removeChainNow(this.key, [jumpRule(this.key)]);
  }

  private async removeRules(id: number): Promise<number> {
    const deletions = deletionsFor(this.key, await this.listing(), id);
    for (const d of deletions) await iptables(d);
    this.cachedFaults = null;
    return deletions.length;
  }

  private async listing(): Promise<string> {
    return iptables(["-S", chainName(this.key)]).catch(() => ""); // no chain: no faults
  }

  private async assertSupported(): Promise<void> {
    const s = await this.support();
    if (!s.ok) throw new RuntimeInputError("faults_unavailable", s.reason);
  }
}
