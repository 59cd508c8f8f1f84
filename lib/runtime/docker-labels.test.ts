import { describe, expect, it } from "vitest";
import { brokerContainers, brokerIdOf, clusterLabelFilter, refersTo, type ListedContainer } from "./docker-labels";

const ours = (id: string, broker: string, extra: Partial<ListedContainer> = {}): ListedContainer => ({
  Id: id,
  Labels: { "io.streamsocial.cluster": "streamsocial", "io.streamsocial.broker-id": broker },
  State: "running",
  Created: 100,
  ...extra,
});

describe("brokerIdOf", () => {
  it("reads the broker id of our cluster's containers", () => {
    expect(brokerIdOf({ "io.streamsocial.cluster": "streamsocial", "io.streamsocial.broker-id": "2" }, "streamsocial")).toBe(2);
  });

  it("ignores a broker-id label without our cluster label (a look-alike)", () => {
    expect(brokerIdOf({ "io.streamsocial.broker-id": "2" }, "streamsocial")).toBeUndefined();
    expect(brokerIdOf({ "io.streamsocial.cluster": "other", "io.streamsocial.broker-id": "2" }, "streamsocial")).toBeUndefined();
    expect(brokerIdOf(null, "streamsocial")).toBeUndefined();
  });

  it("refuses ids that are not plain numbers", () => {
    for (const bad of ["", "x", "-1", "2; rm -rf /", "1.5", " 2"]) {
      expect(brokerIdOf({ "io.streamsocial.cluster": "p", "io.streamsocial.broker-id": bad }, "p")).toBeUndefined();
    }
  });

  it("builds the label filter Docker is asked for", () => {
    expect(clusterLabelFilter("streamsocial")).toBe("io.streamsocial.cluster=streamsocial");
  });
});

describe("brokerContainers", () => {
  it("maps each broker id to its container and skips strangers", () => {
    const stranger: ListedContainer = { Id: "zzz", Labels: { "io.streamsocial.broker-id": "1" }, State: "running" };
    const map = brokerContainers([ours("a", "1"), ours("b", "2"), stranger], "streamsocial");
    expect([...map.keys()].sort()).toEqual([1, 2]);
    expect(map.get(1)?.Id).toBe("a");
  });

  it("prefers the live container, then the newest, when two claim one id", () => {
    const old = ours("old", "2", { State: "exited", Created: 500 });
    const live = ours("live", "2", { State: "running", Created: 100 });
    expect(brokerContainers([old, live], "streamsocial").get(2)?.Id).toBe("live");
    const a = ours("a", "3", { State: "exited", Created: 100 });
    const b = ours("b", "3", { State: "exited", Created: 200 });
    expect(brokerContainers([a, b], "streamsocial").get(3)?.Id).toBe("b");
  });
});

describe("refersTo", () => {
  const c: ListedContainer = { Id: "c5e8304c646425de8b3d7124567af4fe", Names: ["/streamsocial_kafka-2_1"] };
  it("matches a full id, a 12+ character prefix or the name", () => {
    expect(refersTo(c, c.Id)).toBe(true);
    expect(refersTo(c, "c5e8304c6464")).toBe(true);
    expect(refersTo(c, "streamsocial_kafka-2_1")).toBe(true);
    expect(refersTo(c, "/streamsocial_kafka-2_1")).toBe(true);
  });
  it("does not match short prefixes or other names", () => {
    expect(refersTo(c, "c5e8")).toBe(false);
    expect(refersTo(c, "kafka-2")).toBe(false);
    expect(refersTo(c, "")).toBe(false);
  });
});
