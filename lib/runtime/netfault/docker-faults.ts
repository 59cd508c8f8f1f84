// Network faults for the Docker runtime: iptables rules inside each broker
// container's own network namespace (the host's iptables run there through
// nsenter: the image has none). A container's namespace dies with it, so a
// restart heals it too, and the rules read back from the namespace are always
// the truth. Needs root, iptables and nsenter on the host.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import type { NetworkFault, NetworkFaultKind, SlowParams } from "@/lib/model/runtime";
import { RuntimeInputError, type Availability, type NetworkFaultControl } from "../types";
import { ensureChain, removeChain, removeChainNow } from "./chain";
import { iptables, iptablesOk } from "./iptables";
import { chainName, containerFaultRules, containerJumpRules, deletionsFor, faultsFromRules } from "./rules";

/** A broker container as the faults need it: its init pid (the namespace) and its addresses on the compose network. */
export interface FaultContainer {
  id: number;
  pid: number;
  running: boolean;
  addresses: readonly string[];
}

export const projectKey = (project: string) => createHash("sha1").update(`docker:${project}`).digest("hex").slice(0, 8);

const FAULTS_TTL_MS = 500;
const SUPPORT_TTL_MS = 30_000;

export class DockerNetworkFaults implements NetworkFaultControl {
  readonly key: string;
  private cachedFaults: { at: number; value: Map<number, NetworkFault[]> } | null = null;
  private cachedSupport: { at: number; value: Availability } | null = null;
  /** The last containers seen, for the synchronous clean-up at exit. */
  private lastSeen: FaultContainer[] = [];

  constructor(
    project: string,
    private readonly containers: () => Promise<FaultContainer[]>,
  ) {
    this.key = projectKey(project);
  }

  async support(): Promise<Availability> {
    if (this.cachedSupport && Date.now() - this.cachedSupport.at < SUPPORT_TTL_MS) return this.cachedSupport.value;
    let value: Availability;
    if (process.getuid?.() !== 0) value = { ok: false, reason: "network faults need root (iptables in each container's namespace)" };
    else if (!(await iptablesOk(["-S", "OUTPUT"]))) value = { ok: false, reason: "iptables does not work here (apt-get install iptables)" };
    else if (spawnSync("nsenter", ["--version"], { stdio: "ignore" }).status !== 0) value = { ok: false, reason: "nsenter is missing (apt-get install util-linux)" };
    else value = { ok: true };
    this.cachedSupport = { at: Date.now(), value };
    return value;
  }

  /**
   * Not on Docker: the containers reach each other on the compose network, not
   * through anything a proxy could sit in, and the kernel here has no netem.
   */
  async slowSupport(): Promise<Availability> {
    return { ok: false, reason: "slow is not available on Docker: the kernel has no netem (tc) and the containers' traffic passes no proxy; use RUNTIME=local" };
  }

  /** Faults per broker; `known`: the containers just inspected (the runtime's list), so they are not inspected again. */
  async faults(known?: readonly FaultContainer[]): Promise<Map<number, NetworkFault[]>> {
    if (!(await this.support()).ok) return new Map();
    if (this.cachedFaults && Date.now() - this.cachedFaults.at < FAULTS_TTL_MS) return this.cachedFaults.value;
    const value = new Map<number, NetworkFault[]>();
    for (const c of await this.running(known)) {
      const f = faultsFromRules(this.key, await this.listing(c)).get(c.id);
      if (f && f.length > 0) value.set(c.id, f);
    }
    this.cachedFaults = { at: Date.now(), value };
    return value;
  }

  async apply(id: number, kind: NetworkFaultKind, _slow?: SlowParams): Promise<void> {
    await this.assertSupported();
    if (kind === "slow") throw new RuntimeInputError("faults_unavailable", ((await this.slowSupport()) as { reason: string }).reason);
    const all = await this.running();
    const target = all.find((c) => c.id === id);
    if (!target) throw new RuntimeInputError("not_running", `broker ${id} is not running: nothing to cut off`);
    const current = faultsFromRules(this.key, await this.listing(target)).get(id) ?? [];
    if (current.length > 0) throw new RuntimeInputError("already_faulted", `broker ${id} is already ${current.map((f) => f.kind).join(", ")}: heal it first`);
    const peers = all.filter((c) => c.id !== id).flatMap((c) => c.addresses);
    try {
      await ensureChain(this.key, containerJumpRules(this.key), { netnsPid: target.pid });
      for (const rule of containerFaultRules(this.key, kind, id, peers, Date.now())) await iptables(["-A", chainName(this.key), ...rule], target.pid);
    } catch (err) {
      await this.clear(target); // never half a fault
      throw err;
    } finally {
      this.cachedFaults = null;
    }
  }

  async heal(id: number): Promise<void> {
    await this.assertSupported();
    const target = (await this.running()).find((c) => c.id === id);
    const removed = target ? await this.clear(target) : 0;
    if (removed === 0) throw new RuntimeInputError("not_faulted", `broker ${id} has no network fault to heal`);
  }

  async healAll(): Promise<number> {
    if (!(await this.support()).ok) return 0;
    let removed = 0;
    for (const c of await this.running()) removed += await this.clear(c);
    return removed;
  }

  healAllNow(): void {
    for (const c of this.lastSeen) removeChainNow(this.key, containerJumpRules(this.key), { netnsPid: c.pid });
  }

  /** Removes our chain from one container's namespace; returns the fault rules it held. */
  private async clear(c: FaultContainer): Promise<number> {
    const removed = deletionsFor(this.key, await this.listing(c), null).length;
    await removeChain(this.key, containerJumpRules(this.key), { netnsPid: c.pid });
    this.cachedFaults = null;
    return removed;
  }

  private async running(known?: readonly FaultContainer[]): Promise<FaultContainer[]> {
    const list = (known ?? (await this.containers())).filter((c) => c.running && c.pid > 0);
    this.lastSeen = list;
    return list;
  }

  private listing(c: FaultContainer): Promise<string> {
    return iptables(["-S", chainName(this.key)], c.pid).catch(() => "");
  }

  private async assertSupported(): Promise<void> {
    const s = await this.support();
    if (!s.ok) throw new RuntimeInputError("faults_unavailable", s.reason);
  }
}
