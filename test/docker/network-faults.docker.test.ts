// Network faults on the Docker cluster: rules inside a broker container's own
// network namespace, checked with Kafka's view from the other brokers and with
// iptables itself in every namespace. A rule planted there that is not ours
// survives everything; none of ours survives a heal.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import type { Kafka } from "kafkajs";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { registeredBrokers } from "@/lib/kafka/brokers";
import { pollUntil } from "@/lib/util/poll";
import { docker, testKafka, testRuntime, waitWhole } from "./helpers";

const run = promisify(execFile);
const skipReason = inject("dockerSkipReason");
const runtime = testRuntime();
const support = skipReason === null ? await runtime.network.support() : { ok: false as const, reason: skipReason };
if (!support.ok) console.warn(`[docker network faults] skipped: ${support.reason}`);
const FOREIGN = ["INPUT", "-p", "tcp", "--dport", "1", "-m", "comment", "--comment", "not-streamsocial", "-j", "ACCEPT"];

/** The container's init pid, as Docker's own CLI reports it. */
async function pidOf(id: number): Promise<number> {
  const cid = (await runtime.list()).find((p) => p.id === id)?.containerId;
  if (!cid) throw new Error(`broker ${id} has no container`);
  return Number(await docker("inspect", "-f", "{{.State.Pid}}", cid));
}
const inside = async (id: number, ...args: string[]) => (await run("nsenter", ["-t", String(await pidOf(id)), "-n", "iptables", "-w", "5", ...args])).stdout;
const oursIn = async (id: number) => (await inside(id, "-S")).split("\n").filter((l) => l.includes(`SS-${runtime.network.key}`));

describe.skipIf(!support.ok)("network faults on the Docker runtime (rules in each container's namespace)", () => {
  let kafka: Kafka;

  beforeAll(async () => {
    kafka = testKafka("docker-netfault");
    expect(await waitWhole(kafka)).toBe(true);
    await inside(2, "-A", ...FOREIGN);
  });

  afterAll(async () => {
    await runtime.network.healAll();
    for (const id of runtime.brokerIds) expect(await oursIn(id)).toEqual([]);
    expect(await inside(2, "-S")).toContain("not-streamsocial");
    await inside(2, "-D", ...FOREIGN).catch(() => "");
    runtime.close();
  });

  it("partition broker 2: fenced by the others in time, listed as a fault; heal → whole again, nothing of ours left", async () => {
    const others = runtime.brokerIds.filter((id) => id !== 2).map((id) => runtime.bootstrap[runtime.brokerIds.indexOf(id)] as string);
    await runtime.network.apply(2, "partition");
    const t0 = Date.now();
    expect((await runtime.list()).find((p) => p.id === 2)?.faults?.map((f) => f.kind)).toEqual(["partition"]);
    expect((await oursIn(2)).length).toBeGreaterThan(0);
    for (const id of [1, 3]) expect(await oursIn(id)).toEqual([]);
    const fenced = await pollUntil(async () => !(await registeredBrokers(others)).some((b) => b.id === 2), { timeoutMs: 15_000, intervalMs: 200 });
    expect(fenced, `still registered ${Date.now() - t0} ms after the partition`).toBe(true);
    // Clients still reach it: it answers on its published port.
    expect((await registeredBrokers([runtime.bootstrap[1] as string]).catch(() => null)) !== null).toBe(true);

    await runtime.network.heal(2);
    expect((await runtime.list()).find((p) => p.id === 2)?.faults).toBeUndefined();
    expect(await oursIn(2)).toEqual([]);
    expect(await inside(2, "-S")).toContain("not-streamsocial");
    expect(await waitWhole(kafka, 180_000)).toBe(true);
  });

  it("refuses a second fault and a heal of nothing; a restart of the container heals it too", async () => {
    await runtime.network.apply(3, "isolate");
    await expect(runtime.network.apply(3, "partition")).rejects.toThrow(/already isolate/);
    await runtime.restart(3);
    expect((await runtime.list()).find((p) => p.id === 3)?.faults).toBeUndefined();
    await expect(runtime.network.heal(3)).rejects.toThrow(/no network fault/);
    expect(await waitWhole(kafka, 180_000)).toBe(true);
  });

  it("slow is refused on Docker with the reason (no netem here, no proxy in the containers' path), and changes nothing", async () => {
    expect(await runtime.network.slowSupport()).toEqual({ ok: false, reason: expect.stringMatching(/not available on Docker.*netem/) });
    await expect(runtime.network.apply(2, "slow", { delayMs: 200, jitterMs: 0 })).rejects.toThrow(/not available on Docker/);
    expect((await runtime.list()).find((p) => p.id === 2)?.faults).toBeUndefined();
    expect(await oursIn(2)).toEqual([]);
  });
});
