import { describe, expect, it } from "vitest";
import { localLayout, serverProperties } from "./local-layout";
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

describe("newClusterId", () => {
  it("makes 22-character base64url Kafka ids that never start with '-'", () => {
    const ids = Array.from({ length: 500 }, newClusterId);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_][A-Za-z0-9_-]{21}$/);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
