import { describe, expect, it } from "vitest";
import { localLayout, serverProperties, type ClusterLayout, type NodeLayout } from "./local-layout";
import { newClusterId } from "./local-cluster";

describe("localLayout", () => {
  const layout = localLayout("/d", 19092);

  it("gives each node its own dir, ports and files", () => {
    expect(layout.nodes.map((n) => n.id)).toEqual([1, 2, 3]);
    expect(layout.nodes.map((n) => n.clientPort)).toEqual([19092, 19093, 19094]);
    expect(layout.nodes.map((n) => n.controllerPort)).toEqual([19192, 19193, 19194]);
    expect(layout.nodes.map((n) => n.metricsPort)).toEqual([19292, 19293, 19294]);
    expect(new Set(layout.nodes.map((n) => n.dataDir)).size).toBe(3);
    expect(layout.nodes[1]?.logFile).toBe("/d/local/node-2/server.log");
    expect(layout.bootstrap).toEqual(["127.0.0.1:19092", "127.0.0.1:19093", "127.0.0.1:19094"]);
    expect(layout.quorumVoters).toBe("1@127.0.0.1:19192,2@127.0.0.1:19193,3@127.0.0.1:19194");
  });

  it("renders a combined broker+controller config with the cluster's safety settings", () => {
    const node = layout.nodes[1];
    if (!node) throw new Error("no node 2");
    const props = Object.fromEntries(
      serverProperties(layout, node)
        .trim()
        .split("\n")
        .map((l) => l.split(/=(.*)/s).slice(0, 2) as [string, string]),
    );
    expect(props["process.roles"]).toBe("broker,controller");
    expect(props["node.id"]).toBe("2");
    expect(props["listeners"]).toBe("PLAINTEXT://127.0.0.1:19093,CONTROLLER://127.0.0.1:19193");
    expect(props["controller.quorum.voters"]).toBe(layout.quorumVoters);
    expect(props["default.replication.factor"]).toBe("3");
    expect(props["min.insync.replicas"]).toBe("2");
    expect(props["unclean.leader.election.enable"]).toBe("false");
    expect(props["offsets.topic.replication.factor"]).toBe("3");
    expect(props["transaction.state.log.replication.factor"]).toBe("3");
    expect(props["log.dirs"]).toBe("/d/local/node-2/data");
  });
});

const propsOf = (layout: ClusterLayout, node: NodeLayout | undefined) => {
  if (!node) throw new Error("no such node");
  return Object.fromEntries(serverProperties(layout, node).trim().split("\n").map((l) => l.split(/=(.*)/s).slice(0, 2) as [string, string]));
};

describe("localLayout of other shapes", () => {
  it("5 brokers + 3 dedicated controllers: brokers 1..5 keep their ports, controllers 101..103 come after, voters only they", () => {
    const l = localLayout("/d", 19092, { brokers: 5, controllers: "dedicated" });
    expect(l.nodes.map((n) => [n.id, n.role])).toEqual([
      [1, "broker"], [2, "broker"], [3, "broker"], [4, "broker"], [5, "broker"],
      [101, "controller"], [102, "controller"], [103, "controller"],
    ]);
    expect(l.bootstrap).toEqual(["127.0.0.1:19092", "127.0.0.1:19093", "127.0.0.1:19094", "127.0.0.1:19095", "127.0.0.1:19096"]);
    expect(l.quorumVoters).toBe("101@127.0.0.1:19197,102@127.0.0.1:19198,103@127.0.0.1:19199");
    expect(l.nodes.map((n) => n.clientPort)).toEqual([19092, 19093, 19094, 19095, 19096, null, null, null]);
    expect(l.nodes.map((n) => n.metricsPort)).toEqual([19292, 19293, 19294, 19295, 19296, 19297, 19298, 19299]);
    // Every port of every node differs, and all stay inside this cluster's band.
    const ports = l.nodes.flatMap((n) => [n.clientPort, n.controllerPort, n.metricsPort, ...n.proxyPorts]).filter((p) => p !== null);
    expect(new Set(ports).size).toBe(ports.length);
    expect(Math.max(...(ports as number[]))).toBeLessThan(19092 + 500);
    const broker = propsOf(l, l.nodes[0]);
    expect(broker).toMatchObject({ "process.roles": "broker", listeners: "PLAINTEXT://127.0.0.1:19092", "controller.listener.names": "CONTROLLER", "default.replication.factor": "3" });
    const controller = propsOf(l, l.nodes[5]);
    expect(controller).toMatchObject({ "process.roles": "controller", "node.id": "101", listeners: "CONTROLLER://127.0.0.1:19197", "broker.session.timeout.ms": "6000" });
    expect(controller["advertised.listeners"]).toBeUndefined();
    expect(controller["inter.broker.listener.name"]).toBeUndefined();
  });

  it("6 combined brokers: the first three are the voters, the rest brokers only", () => {
    const l = localLayout("/d", 19092, { brokers: 6, controllers: "combined" });
    expect(l.nodes.map((n) => n.role)).toEqual(["combined", "combined", "combined", "broker", "broker", "broker"]);
    expect(l.quorumVoters).toBe("1@127.0.0.1:19192,2@127.0.0.1:19193,3@127.0.0.1:19194");
    expect(propsOf(l, l.nodes[3])["listeners"]).toBe("PLAINTEXT://127.0.0.1:19095");
  });

  it("fits replication to fewer than three brokers, and refuses 0 or 10", () => {
    const one = localLayout("/d", 19092, { brokers: 1, controllers: "combined" });
    expect(propsOf(one, one.nodes[0])).toMatchObject({ "process.roles": "broker,controller", "default.replication.factor": "1", "min.insync.replicas": "1", "offsets.topic.replication.factor": "1" });
    const two = localLayout("/d", 19092, { brokers: 2, controllers: "combined" });
    expect(two.nodes.map((n) => n.role)).toEqual(["combined", "broker"]);
    expect(propsOf(two, two.nodes[1])).toMatchObject({ "default.replication.factor": "2", "min.insync.replicas": "1" });
    expect(() => localLayout("/d", 19092, { brokers: 0, controllers: "combined" })).toThrow(RangeError);
    expect(() => localLayout("/d", 19092, { brokers: 10, controllers: "dedicated" })).toThrow(RangeError);
  });
});

describe("newClusterId", () => {
  it("makes 22-character base64url Kafka ids that never start with '-'", () => {
    const ids = Array.from({ length: 500 }, newClusterId);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_][A-Za-z0-9_-]{21}$/);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
