import { describe, expect, it } from "vitest";
import { deletionsFor, faultRules, faultsFromRules, type FaultNode } from "./rules";

const nodes: FaultNode[] = [
  { id: 1, ports: [19092, 19192], cgroup: "streamsocial/abc/node-1" },
  { id: 2, ports: [19093, 19193], cgroup: "streamsocial/abc/node-2" },
  { id: 3, ports: [19094, 19194], cgroup: "streamsocial/abc/node-3" },
];

describe("faultRules", () => {
  it("partition: node 2 cannot reach its peers, and each peer cannot reach node 2; clients are untouched", () => {
    const r = faultRules("abc", "partition", nodes, 2, 1000).map((x) => x.join(" "));
    expect(r).toEqual([
      "-p tcp -m cgroup --path streamsocial/abc/node-2 -m multiport --dports 19092,19192,19094,19194 -m comment --comment ss:abc:n2:partition:1000 -j DROP",
      "-p tcp -m cgroup --path streamsocial/abc/node-1 -m multiport --dports 19093,19193 -m comment --comment ss:abc:n2:partition:1000 -j DROP",
      "-p tcp -m cgroup --path streamsocial/abc/node-3 -m multiport --dports 19093,19193 -m comment --comment ss:abc:n2:partition:1000 -j DROP",
    ]);
  });
  it("isolate: everyone but node 2 itself is cut from its ports", () => {
    const r = faultRules("abc", "isolate", nodes, 2, 5).map((x) => x.join(" "));
    expect(r[1]).toBe("-p tcp -m cgroup ! --path streamsocial/abc/node-2 -m multiport --dports 19093,19193 -m comment --comment ss:abc:n2:isolate:5 -j DROP");
    expect(r).toHaveLength(2);
  });
});

const listing = [
  "-N SS-abc",
  // As iptables 1.8.9 (nft) prints them: path and comment quoted.
  '-A SS-abc -p tcp -m cgroup --path "streamsocial/abc/node-2" -m multiport --dports 19092,19192 -m comment --comment "ss:abc:n2:partition:1000" -j DROP',
  "-A SS-abc -p tcp -m cgroup --path streamsocial/abc/node-1 -m multiport --dports 19093,19193 -m comment --comment ss:abc:n2:partition:1000 -j DROP",
  "-A SS-abc -p tcp -m cgroup ! --path streamsocial/abc/node-3 -m multiport --dports 19094,19194 -m comment --comment ss:abc:n3:isolate:2000 -j DROP",
  '-A SS-abc -p tcp -m comment --comment "someone else" -j DROP',
  "-A SS-abc -p tcp -m comment --comment ss:fff:n1:partition:1 -j DROP",
].join("\n");

describe("reading the rules back", () => {
  it("finds each node's faults once, ignoring rules that are not this cluster's", () => {
    const f = faultsFromRules("abc", listing);
    expect(f.get(2)).toEqual([{ kind: "partition", since: 1000 }]);
    expect(f.get(3)).toEqual([{ kind: "isolate", since: 2000 }]);
    expect(f.has(1)).toBe(false);
  });
  it("deletes exactly one node's rules, or all of ours, never a stranger's", () => {
    expect(deletionsFor("abc", listing, 2)).toHaveLength(2);
    expect(deletionsFor("abc", listing, 2)[0]).toEqual(["-D", "SS-abc", "-p", "tcp", "-m", "cgroup", "--path", "streamsocial/abc/node-2", "-m", "multiport", "--dports", "19092,19192", "-m", "comment", "--comment", "ss:abc:n2:partition:1000", "-j", "DROP"]);
    expect(deletionsFor("abc", listing, null)).toHaveLength(3);
    expect(deletionsFor("abc", listing, 1)).toEqual([]);
  });
});

import { containerFaultRules } from "./rules";

describe("containerFaultRules", () => {
  it("partition drops the peers' addresses both ways; isolate everything but loopback", () => {
    expect(containerFaultRules("k", "partition", 2, ["172.18.0.2", "172.18.0.4"], 7).map((r) => r.join(" "))).toEqual([
      "-s 172.18.0.2 -m comment --comment ss:k:n2:partition:7 -j DROP",
      "-d 172.18.0.2 -m comment --comment ss:k:n2:partition:7 -j DROP",
      "-s 172.18.0.4 -m comment --comment ss:k:n2:partition:7 -j DROP",
      "-d 172.18.0.4 -m comment --comment ss:k:n2:partition:7 -j DROP",
    ]);
    expect(containerFaultRules("k", "isolate", 2, ["172.18.0.2"], 7).map((r) => r.join(" "))).toEqual(["! -s 127.0.0.0/8 -m comment --comment ss:k:n2:isolate:7 -j DROP"]);
  });
});

import { slowRules } from "./rules";

describe("slowRules", () => {
  it("redirects new connections to each of the node's ports into its proxy, except the proxy's own, with the delay in the comment", () => {
    const node = nodes[1] as FaultNode;
    const r = slowRules("abc", node, [19393, 19493], "streamsocial/abc/proxy", 9, { delayMs: 200, jitterMs: 20 }).map((x) => x.join(" "));
    expect(r).toEqual([
      "-p tcp -d 127.0.0.1 --dport 19093 -m cgroup ! --path streamsocial/abc/proxy -m comment --comment ss:abc:n2:slow:9:200:20 -j REDIRECT --to-ports 19393",
      "-p tcp -d 127.0.0.1 --dport 19193 -m cgroup ! --path streamsocial/abc/proxy -m comment --comment ss:abc:n2:slow:9:200:20 -j REDIRECT --to-ports 19493",
    ]);
  });
  it("reads a slow fault back with its delay, once per node, and deletes only that node's", () => {
    const nat = [
      "-N SS-abc",
      '-A SS-abc -d 127.0.0.1/32 -p tcp -m tcp --dport 19093 -m cgroup ! --path "streamsocial/abc/proxy" -m comment --comment "ss:abc:n2:slow:9:200:20" -j REDIRECT --to-ports 19393',
      '-A SS-abc -d 127.0.0.1/32 -p tcp -m tcp --dport 19193 -m cgroup ! --path "streamsocial/abc/proxy" -m comment --comment "ss:abc:n2:slow:9:200:20" -j REDIRECT --to-ports 19493',
    ].join("\n");
    expect(faultsFromRules("abc", nat).get(2)).toEqual([{ kind: "slow", since: 9, params: { delayMs: 200, jitterMs: 20 } }]);
    expect(deletionsFor("abc", nat, 2)).toHaveLength(2);
    expect(deletionsFor("abc", nat, 2)[0]).toContain("streamsocial/abc/proxy");
    expect(deletionsFor("abc", nat, 3)).toEqual([]);
  });
});
