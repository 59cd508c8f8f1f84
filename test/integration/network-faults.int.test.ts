// Network faults on the real local cluster with real iptables rules, checked
// against Kafka's own view (the test's clients and Kafka's tools), not ours:
// a partitioned broker is fenced and its leaders move while clients of the
// others keep writing and a client of the partitioned one gets errors, not
// silence; heal brings it back into every ISR; no rule of ours outlives a fault,
// and a rule that is not ours is never touched. Needs root: without it the file
// skips and says why.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { STREAMSOCIAL_TOPICS } from "@/lib/events/topics";
import { kafkaClient } from "@/lib/kafka/client";
import { registeredBrokers } from "@/lib/kafka/brokers";
import { pollUntil } from "@/lib/util/poll";
import { produceAnswer, quorumLeaderByKafka } from "../matrix/probes";
import { act, brokerState, cluster, waitForCluster } from "./api-client";
import { electPreferredLeaders, partitions, testConfig, testKafka, testRuntime, waitHealed } from "./helpers";

const run = promisify(execFile);
const cfg = testConfig();
const runtime = testRuntime();
const support = await runtime.network.support();
if (!support.ok) console.warn(`[network faults] skipped: ${support.reason}`);
const FOREIGN = ["OUTPUT", "-o", "lo", "-p", "tcp", "--dport", "1", "-m", "comment", "--comment", "not-streamsocial", "-j", "ACCEPT"];
const topics = STREAMSOCIAL_TOPICS.map((t) => t.name);

const iptablesAll = async () => (await run("iptables", ["-w", "5", "-S"])).stdout;
const ours = (listing: string) => listing.split("\n").filter((l) => l.includes(`SS-${runtime.network.key}`) || l.includes(`ss:${runtime.network.key}:`));

async function controller(): Promise<number> {
  const running = (await runtime.list()).filter((p) => p.status === "running" && !p.faults?.length).map((p) => runtime.controllerEndpoints[p.id] as string);
  let id: number | null = null;
  await pollUntil(async () => (id = await quorumLeaderByKafka(cfg.kafkaHome, cfg.JAVA_BIN, running)) !== null, { timeoutMs: 60_000, intervalMs: 1000 });
  if (id === null) throw new Error("Kafka's MetadataQuorumCommand found no leader");
  return id;
}

/** Every replica back in every ISR and the broker RUNNING on the dashboard. */
async function healedAndWhole(id: number): Promise<void> {
  expect(await waitHealed(180_000)).toBe(true);
  expect(await waitForCluster((s) => brokerState(s, id) === "RUNNING" && s.figures.underReplicated === 0, 60_000, 250)).not.toBeNull();
}

describe.skipIf(!support.ok)("network faults (local runtime, real iptables)", () => {
  const kafka = testKafka("it-netfault");

  beforeAll(async () => {
    await run("iptables", ["-w", "5", "-A", ...FOREIGN]);
    expect(await waitHealed()).toBe(true);
  });

  // A failed test leaves no fault behind for the next one.
  afterEach(async () => {
    if ((await runtime.network.healAll()) > 0) expect(await waitHealed(180_000)).toBe(true);
  });

  afterAll(async () => {
    await runtime.network.healAll();
    const left = await iptablesAll();
    await run("iptables", ["-w", "5", "-D", ...FOREIGN]).catch(() => undefined);
    // The planted rule survived everything we did; none of ours is left.
    expect(left).toContain("not-streamsocial");
    expect(ours(left)).toEqual([]);
  });

  it("partition a broker that is not the controller: fenced by Kafka in time, others keep writing, its own client gets errors; heal → back in every ISR", async () => {
    // Leaders on their preferred replicas: every broker leads some partitions, so the victim does too.
    await electPreferredLeaders();
    const ctrl = await controller();
    const victim = runtime.brokerIds.find((id) => id !== ctrl) as number;
    const others = runtime.brokerIds.filter((id) => id !== victim);
    const othersBootstrap = others.map((id) => runtime.bootstrap[runtime.brokerIds.indexOf(id)] as string);
    const sessionMs = (await cluster()).sessionTimeoutMs ?? 6000;

    const victimAddress = runtime.bootstrap[runtime.brokerIds.indexOf(victim)] as string;
    let ledByVictim: number | undefined;
    await pollUntil(async () => (ledByVictim = (await partitions(kafka, ["user_action"])).find((p) => p.leader === victim)?.partition) !== undefined, { timeoutMs: 30_000, intervalMs: 500 });
    if (ledByVictim === undefined) throw new Error(`broker ${victim} leads no user_action partition to write to`);
    const res = await act(victim, "partition");
    expect(res.status, await res.clone().text()).toBe(200);
    const t0 = Date.now();
    expect((await runtime.list()).find((p) => p.id === victim)?.faults?.map((f) => f.kind)).toEqual(["partition"]);
    expect(ours(await iptablesAll()).length).toBeGreaterThan(0);

    // Kafka's own answer, from the brokers that are not cut off.
    const fenced = await pollUntil(async () => !(await registeredBrokers(othersBootstrap)).some((b) => b.id === victim), { timeoutMs: sessionMs + 3000, intervalMs: 200 });
    expect(fenced, `broker ${victim} still registered ${Date.now() - t0} ms after the partition`).toBe(true);
    // The dashboard follows within a poll or two (it polls at 1 Hz).
    const s = await waitForCluster((x) => /fenced by the controller/.test(x.brokers.find((b) => b.id === victim)?.reason ?? ""), 3000, 100);
    expect(s, `dashboard still says: ${(await cluster()).brokers.find((b) => b.id === victim)?.reason}`).not.toBeNull();
    expect(brokerState(s as NonNullable<typeof s>, victim)).toBe("PARTITIONED");
    expect(s?.health).toBe("DEGRADED");

    // Leaders moved off the victim: clients of the other two keep writing with acks=all.
    await pollUntil(async () => (await partitions(kafka, topics)).every((p) => p.leader !== victim && p.leader >= 0), { timeoutMs: 30_000, intervalMs: 500 });
    const producer = kafkaClient({ bootstrap: othersBootstrap, clientId: "it-netfault-others", timeoutMs: 5000, retries: 5 }).producer();
    await producer.connect();
    try {
      await producer.send({ topic: "user_action", acks: -1, messages: Array.from({ length: 20 }, (_, i) => ({ key: String(i), value: `netfault ${i}` })) });
    } finally {
      await producer.disconnect();
    }

    // A client that reaches only the partitioned broker (a request sent to it directly, for a
    // partition it led): an error answer within its produce timeout, not silence.
    const answer = await produceAnswer(victimAddress, "user_action", ledByVictim, 3000);
    expect(answer, "the partitioned broker gave no answer").not.toBe("no answer");
    expect(answer, "the partitioned broker acknowledged an acks=all write it cannot replicate").not.toBe(0);

    const healed = await act(victim, "heal");
    expect(healed.status).toBe(200);
    expect((await runtime.list()).find((p) => p.id === victim)?.faults).toBeUndefined();
    await healedAndWhole(victim);
    expect(ours(await iptablesAll()).filter((l) => l.includes("ss:"))).toEqual([]);
  });

  it("partition the active controller: the others elect a new leader, shown on the dashboard; heal → it rejoins as a follower", async () => {
    const old = await controller();
    expect((await act(old, "partition")).status).toBe(200);
    let fresh: number | null = null;
    await pollUntil(async () => {
      fresh = await controller();
      return fresh !== old;
    }, { timeoutMs: 30_000, intervalMs: 1000 });
    expect(fresh).not.toBeNull();
    expect(fresh).not.toBe(old);
    const shown = await waitForCluster((s) => s.controllerId === fresh, 15_000, 250);
    expect(shown?.quorumVerdict.status).toBe("ok");
    expect(shown?.quorumVerdict.down).toContain(old);
    expect(brokerState(shown as NonNullable<typeof shown>, old)).toBe("PARTITIONED");

    expect((await act(old, "heal")).status).toBe(200);
    await healedAndWhole(old);
    const after = await controller();
    const s = await cluster();
    expect(s.quorumVerdict.down).toEqual([]);
    expect(s.controllerId).toBe(after);
  });

  it("isolate: the card says so, the canary fails for partitions it leads, nothing is CRITICAL; heal restores it", async () => {
    const ctrl = await controller();
    const victim = runtime.brokerIds.find((id) => id !== ctrl) as number;
    expect((await act(victim, "isolate")).status).toBe(200);
    const seen = await waitForCluster(
      (s) => brokerState(s, victim) === "PARTITIONED" && (s.canary?.partitions ?? []).some((p) => p.leader === victim && !p.ok),
      20_000,
      250,
    );
    expect(seen?.brokers.find((b) => b.id === victim)?.reason).toMatch(/^isolated from peers and clients/);
    // For the whole isolation the picture stays DEGRADED: a stall Kafka will end, not a lost cluster.
    const until = Date.now() + 15_000;
    const healths = new Set<string>();
    while (Date.now() < until) {
      healths.add((await cluster()).health);
      await new Promise((r) => setTimeout(r, 250));
    }
    expect([...healths]).toEqual(["DEGRADED"]);
    expect((await act(victim, "heal")).status).toBe(200);
    await healedAndWhole(victim);
  });

  it("refuses what makes no sense, and healAll leaves nothing of ours", async () => {
    const id = runtime.brokerIds[0] as number;
    const refused = await act(id, "heal");
    expect([refused.status, ((await refused.json()) as { error: { code: string } }).error.code]).toEqual([409, "not_faulted"]);
    await runtime.network.apply(id, "partition");
    await expect(runtime.network.apply(id, "isolate")).rejects.toThrow(/already partition/);
    expect(await runtime.network.healAll()).toBeGreaterThan(0);
    expect(ours(await iptablesAll())).toEqual([]);
    expect(await iptablesAll()).toContain("not-streamsocial");
    await healedAndWhole(id);
  });
});
