import { describe, expect, it } from "vitest";
import { viewDifferences } from "./view-differences";
import { part, T0 } from "./test-data";

const parts = [part("t", 0, 2, [2, 1, 3]), part("t", 1, 1, [1, 2, 3]), part("t", 2, 3, [3, 1, 2], [3, 1])];

describe("viewDifferences", () => {
  it("is empty when nothing is known down", () => {
    expect(viewDifferences({ partitions: parts, down: [], sessionTimeoutMs: 6000, metadataFrozen: false })).toEqual([]);
  });

  it("says how many ISRs and leaders Kafka still gives a dead broker, and when it will be fenced", () => {
    const [d] = viewDifferences({ partitions: parts, down: [{ id: 2, registered: true, downSince: T0 }], sessionTimeoutMs: 6000, metadataFrozen: false });
    expect(d).toEqual({
      brokerId: 2, isrCount: 2, leaderCount: 1, registered: true, fenceExpectedAt: T0 + 6000,
      message: "Kafka still lists broker 2 in 2 ISRs, as leader of 1 partition, as registered; it will be fenced about 6.0 s after its last heartbeat (broker.session.timeout.ms)",
    });
  });

  it("says the metadata is frozen when there is no controller to fence anyone", () => {
    const [d] = viewDifferences({ partitions: parts, down: [{ id: 2, registered: true, downSince: T0 }], sessionTimeoutMs: 6000, metadataFrozen: true });
    expect(d?.fenceExpectedAt).toBeNull();
    expect(d?.message).toMatch(/frozen \(no active controller\), so nothing changes until one is elected$/);
  });

  it("says nothing of a fenced broker no ISR lists any more", () => {
    const healed = parts.map((p) => ({ ...p, isr: p.isr.filter((r) => r !== 2), leader: p.leader === 2 ? 1 : p.leader }));
    expect(viewDifferences({ partitions: healed, down: [{ id: 2, registered: false, downSince: T0 }], sessionTimeoutMs: 6000, metadataFrozen: false })).toEqual([]);
  });
});
