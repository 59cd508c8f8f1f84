// The URP the API reports must equal what Kafka's own TopicCommand
// (kafka-topics --describe --under-replicated-partitions) prints at the same moment.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pollUntil } from "@/lib/util/poll";
import { healthy, topics, waitForCluster } from "./api-client";
import { kafkaTool } from "../matrix/probes";
import { testConfig, testRuntime } from "./helpers";

const cfg = testConfig();
const runtime = testRuntime();

/** "topic/partition isr" lines, sorted, as Kafka's tool prints them. */
async function kafkaToolUrp(): Promise<string[]> {
  const stdout = await kafkaTool(
    { kafkaHome: cfg.kafkaHome, javaBin: cfg.JAVA_BIN },
    "TopicCommand",
    ["--bootstrap-server", runtime.bootstrap.join(","), "--describe", "--under-replicated-partitions"],
    { heapMb: 256, timeoutMs: 0 },
  );
  return stdout
    .split("\n")
    .map((l) => /Topic:\s*(\S+).*?Partition:\s*(\d+).*?Isr:\s*(\S*)/.exec(l))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => `${m[1]}/${m[2]} ${m[3]}`)
    .sort();
}

/** The API's under-replicated partitions with Kafka's ISR as stated: the whole table filtered here, and the API's own "problems" filter. */
async function apiUrp(): Promise<string[]> {
  const [{ partitions, total }, problems] = await Promise.all([topics(), topics("problems")]);
  expect(partitions).toHaveLength(total);
  const mine = partitions
    .filter((p) => p.isr.length < p.replicas.length)
    .map((p) => `${p.topic}/${p.partition} ${p.isr.join(",")}`)
    .sort();
  // Once Kafka has fenced the broker its ISRs are the effective ones, and the filter finds the same rows.
  const filtered = problems.partitions.map((p) => `${p.topic}/${p.partition} ${p.isr.join(",")}`).sort();
  return mine.length > 0 && filtered.join("|") !== mine.join("|") ? [...mine, "(the problems filter disagrees)"] : mine;
}

async function restore(): Promise<void> {
  for (const p of await runtime.list()) {
    if (p.status === "paused") await runtime.resume(p.id);
    if (p.status === "exited") await runtime.start(p.id);
  }
  await waitForCluster(healthy, 240_000, 500);
}

beforeAll(restore);
afterAll(restore);

describe("URP cross-check with Kafka's TopicCommand", () => {
  it("agrees partition by partition, ISR included, when healthy and with a broker down", async () => {
    expect(await waitForCluster(healthy, 240_000, 500)).not.toBeNull();
    expect(await apiUrp()).toEqual([]);
    expect(await kafkaToolUrp()).toEqual([]);

    await runtime.kill(2);
    // Compare only at a settled moment: API before == tool == API after.
    let api: string[] = [];
    let tool: string[] = [];
    const agreed = await pollUntil(
      async () => {
        const a1 = await apiUrp();
        tool = await kafkaToolUrp();
        api = await apiUrp();
        return a1.length > 0 && a1.join("|") === api.join("|") && api.join("|") === tool.join("|");
      },
      { timeoutMs: 90_000, intervalMs: 500 },
    );
    expect({ agreed, api, tool }).toMatchObject({ agreed: true });
    expect(api.length).toBeGreaterThan(0);
    expect(api).toEqual(tool);
  });
});
