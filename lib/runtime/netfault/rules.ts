// The iptables rules of a network fault, and the faults read back from them.
// Pure. Every rule lives in a chain of this cluster's own (SS-<key>) and carries
// a comment naming the cluster, the node, the kind and when it began, so the
// rules themselves are the record: nothing else has to be kept in sync with them.
//
// Loopback traffic is filtered in OUTPUT, matched by the sending socket's cgroup
// (each local node runs in a cgroup of its own). Dropping a peer's packets to N's
// ports and N's packets to the peers' ports cuts both directions of every
// connection, including established ones: a real partition, timeouts and all.
import type { BrokerProcess, NetworkFault, NetworkFaultKind, SlowParams } from "@/lib/model/runtime";

export interface FaultNode {
  id: number;
  /** The ports other processes reach this node on (client/inter-broker, controller). */
  ports: readonly number[];
  /** Its cgroup, relative to the cgroup2 root. */
  cgroup: string;
}

export const chainName = (key: string) => `SS-${key}`;
/** The OUTPUT rule that sends loopback traffic through our chain. */
export const jumpRule = (key: string): string[] => ["OUTPUT", "-o", "lo", "-m", "comment", "--comment", `streamsocial:${key}`, "-j", chainName(key)];

const comment = (key: string, id: number, kind: NetworkFaultKind, since: number, slow?: SlowParams) =>
  `ss:${key}:n${id}:${kind}:${since}${slow ? `:${slow.delayMs}:${slow.jitterMs}` : ""}`;
const drop = (c: string) => ["-m", "comment", "--comment", c, "-j", "DROP"];
const dports = (ports: readonly number[]) => ["-m", "multiport", "--dports", ports.join(",")];

/** The rule bodies (after `-A <chain>`) that put `kind` on node `id`. */
export function faultRules(key: string, kind: "partition" | "isolate", nodes: readonly FaultNode[], id: number, since: number): string[][] {
  const node = nodes.find((n) => n.id === id);
  if (!node) throw new Error(`no node ${id}`);
  const peers = nodes.filter((n) => n.id !== id);
  const c = comment(key, id, kind, since);
  const rules: string[][] = [];
  const peerPorts = peers.flatMap((p) => p.ports);
  // N can no longer reach its peers...
  if (peerPorts.length > 0) rules.push(["-p", "tcp", "-m", "cgroup", "--path", node.cgroup, ...dports(peerPorts), ...drop(c)]);
  if (kind === "partition") {
    // ...nor its peers it; anyone else (clients) still can.
    for (const p of peers) rules.push(["-p", "tcp", "-m", "cgroup", "--path", p.cgroup, ...dports(node.ports), ...drop(c)]);
  } else {
    // ...nor anyone it (clients, the dashboard), except itself.
    rules.push(["-p", "tcp", "-m", "cgroup", "!", "--path", node.cgroup, ...dports(node.ports), ...drop(c)]);
  }
  return rules;
}

/**
 * The nat rule bodies that send every new connection to node `id`'s ports through
 * its proxies (`proxyPorts[i]` in front of `node.ports[i]`), except the proxy's own
 * connections upstream (its cgroup). The comment carries the delay, so the rules
 * stay the record of the fault.
 */
export function slowRules(key: string, node: FaultNode, proxyPorts: readonly number[], proxyCgroup: string, since: number, slow: SlowParams): string[][] {
  const c = comment(key, node.id, "slow", since, slow);
  return node.ports.map((port, i) => [
    "-p", "tcp", "-d", "127.0.0.1", "--dport", String(port),
    "-m", "cgroup", "!", "--path", proxyCgroup,
    "-m", "comment", "--comment", c,
    "-j", "REDIRECT", "--to-ports", String(proxyPorts[i]),
  ]);
}

/**
 * Inside a container's own network namespace (Docker): its traffic to and from the
 * peers' addresses (partition), or everything but loopback (isolate). Clients reach a
 * container through the bridge gateway, never from a peer's address, so a partition
 * leaves them alone. The chain is jumped to from INPUT and OUTPUT, so -s catches what
 * arrives and -d what leaves.
 */
export function containerFaultRules(key: string, kind: "partition" | "isolate", id: number, peerAddresses: readonly string[], since: number): string[][] {
  const c = comment(key, id, kind, since);
  if (kind === "isolate") return [["!", "-s", "127.0.0.0/8", ...drop(c)]];
  return peerAddresses.flatMap((ip) => [["-s", ip, ...drop(c)], ["-d", ip, ...drop(c)]]);
}

export const containerJumpRules = (key: string): string[][] =>
  ["INPUT", "OUTPUT"].map((hook) => [hook, "-m", "comment", "--comment", `streamsocial:${key}`, "-j", chainName(key)]);

const COMMENT_RE = /--comment "?ss:([0-9a-f]+):n(\d+):(partition|isolate|slow):(\d+)(?::(\d+):(\d+))?"?/;

/** The faults per node, from `iptables -S <chain>` output; rules of other clusters are ignored. */
export function faultsFromRules(key: string, listing: string): Map<number, NetworkFault[]> {
  const out = new Map<number, NetworkFault[]>();
  for (const line of listing.split("\n")) {
    const m = COMMENT_RE.exec(line);
    if (!m || m[1] !== key) continue;
    const id = Number(m[2]);
    const fault: NetworkFault = { kind: m[3] as NetworkFaultKind, since: Number(m[4]) };
    if (m[5] !== undefined) fault.params = { delayMs: Number(m[5]), jitterMs: Number(m[6]) };
    const list = out.get(id) ?? [];
    if (!list.some((f) => f.kind === fault.kind && f.since === fault.since)) list.push(fault);
    out.set(id, list);
  }
  return out;
}

/** `-D` argument lists for the rules of node `id` in this listing (every node when id is null). */
export function deletionsFor(key: string, listing: string, id: number | null): string[][] {
  return listing
    .split("\n")
    .filter((line) => line.startsWith(`-A ${chainName(key)} `))
    .filter((line) => {
      const m = COMMENT_RE.exec(line);
      return m !== null && m[1] === key && (id === null || Number(m[2]) === id);
    })
    // iptables quotes paths and comments; ours hold no spaces, so split on spaces and unquote.
    .map((line) => ["-D", ...line.slice(3).split(" ").filter(Boolean).map((t) => t.replace(/^"(.*)"$/, "$1"))]);
}

/** The process list with each broker's faults attached (none: the field stays absent). */
export function withFaults(list: readonly BrokerProcess[], faults: ReadonlyMap<number, NetworkFault[]>): BrokerProcess[] {
  return list.map((p) => {
    const f = faults.get(p.id);
    return f && f.length > 0 ? { ...p, faults: f } : p;
  });
}
