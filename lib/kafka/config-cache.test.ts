// The config cache's timing rules over plain data: an answer function in place
// of DescribeConfigs (what Kafka says is not the subject here, when it is asked is).
import { describe, expect, it } from "vitest";
import type { Admin } from "kafkajs";
import { ConfigCache } from "./config-cache";

function answering(values: Record<string, number>) {
  const calls: string[][] = [];
  let release: (() => void) | null = null;
  let hold = false;
  const admin = {
    describeConfigs: async ({ resources }: { resources: { name: string }[] }) => {
      calls.push(resources.map((r) => r.name));
      if (hold) await new Promise<void>((r) => (release = r));
      return {
        resources: resources.map((r) => ({
          resourceName: r.name,
          configEntries: values[r.name] === undefined ? [] : [{ configName: "min.insync.replicas", configValue: String(values[r.name]) }],
        })),
      };
    },
  } as unknown as Admin;
  return { admin, calls, holdNext: () => (hold = true), release: () => { hold = false; release?.(); } };
}

describe("ConfigCache", () => {
  it("waits for the first read only; later reads happen in the background while the poll uses what is known", async () => {
    const a = answering({ t1: 2, t2: 3 });
    const cache = new ConfigCache(async () => a.admin, () => {}, 1000);
    expect(await cache.minIsrFor(["t1", "t2"], 1_000)).toEqual({ t1: 2, t2: 3 });
    a.holdNext();
    // 31 s later the values are due: the call answers at once with the known values, the read runs on.
    const answer = await cache.minIsrFor(["t1", "t2"], 32_000);
    expect(answer).toEqual({ t1: 2, t2: 3 });
    expect(a.calls).toHaveLength(2);
    a.release();
  });

  it("asks again for a topic it has not seen, but not more often than every 2 s", async () => {
    const a = answering({ t1: 2 });
    const cache = new ConfigCache(async () => a.admin, () => {}, 1000);
    await cache.minIsrFor(["t1"], 1_000);
    expect(await cache.minIsrFor(["t1", "new"], 3_500)).toEqual({ t1: 2, new: 1 });
    await new Promise((r) => setTimeout(r, 0));
    // Only the topic not read yet is asked for.
    expect(a.calls).toEqual([["t1"], ["new"]]);
    await cache.minIsrFor(["t1", "new"], 4_000);
    await new Promise((r) => setTimeout(r, 0));
    expect(a.calls).toHaveLength(2);
    await cache.minIsrFor(["t1", "new"], 5_600);
    expect(a.calls).toHaveLength(3);
  });
});
