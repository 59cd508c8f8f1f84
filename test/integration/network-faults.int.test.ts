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
    // The test before moved every leader off the broker it partitioned, and Kafka's own rebalance
    // waits minutes: put leaders back so the victim leads canary partitions whose failure we can see.
    await electPreferredLeaders();
    const ctrl = await controller();
    const victim = runtime.brokerIds.find((id) => id !== ctrl) as number;
    const leads = await waitForCluster((s) => (s.canary?.partitions ?? []).some((p) => p.leader === victim && p.ok), 30_000, 250);
    expect(leads, `broker ${victim} leads no canary partition`).not.toBeNull();
    expect((await act(victim, "isolate")).status).toBe(200);
    const seen = await waitForCluster(
      (s) => brokerState(s, victim) === "PARTITIONED" && (s.canary?.partitions ?? []).some((p) => p.leader === victim && !p.ok),
      20_000,
      250,
    );
    expect(seen, `dashboard: broker ${victim} ${JSON.stringify((await cluster()).brokers.find((b) => b.id === victim))}`).not.toBeNull();
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

const slowSupport = support.ok ? await runtime.network.slowSupport() : support;
if (support.ok && !slowSupport.ok) console.warn(`[slow fault] skipped: ${slowSupport.reason}`);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const natOurs = async () => ours((await run("iptables", ["-w", "5", "-t", "nat", "-S"])).stdout);

/** Median canary produce latency per leader over `n` polls, from the dashboard. */
async function canaryByLeader(n: number): Promise<Map<number, number>> {
  const seen = new Map<number, number[]>();
  let last = 0;
  await pollUntil(async () => {
    const s = await cluster();
    if (s.canary && s.canary.at !== last) {
      last = s.canary.at;
      for (const p of s.canary.partitions) if (p.ok && p.produceMs !== null) seen.set(p.leader, [...(seen.get(p.leader) ?? []), p.produceMs]);
    }
    return [...seen.values()].every((v) => v.length >= n) && seen.size === runtime.brokerIds.length;
  }, { timeoutMs: n * 3000 + 10_000, intervalMs: 200 });
  return new Map([...seen].map(([id, v]) => [id, median(v)]));
}

/** The test's own acks=all write straight to `address`, timed (ms), five times: the median. */
async function directProduceMs(address: string, partition: number): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    expect(await produceAnswer(address, "user_action", partition, 5000)).toBe(0);
    times.push(performance.now() - t);
  }
  return median(times);
}

describe.skipIf(!slowSupport.ok)("slow fault (local runtime, Toxiproxy + iptables nat)", () => {
  const kafka = testKafka("it-slow");
  // A nat rule that is not ours: it must outlive every slow and heal.
  const FOREIGN_NAT = ["OUTPUT", "-o", "lo", "-p", "tcp", "--dport", "2", "-m", "comment", "--comment", "not-streamsocial-nat", "-j", "RETURN"];

  beforeAll(async () => {
    await run("iptables", ["-w", "5", "-t", "nat", "-A", ...FOREIGN_NAT]);
  });

  afterEach(async () => {
    if ((await runtime.network.healAll()) > 0) expect(await waitHealed(180_000)).toBe(true);
  });

  afterAll(async () => {
    await runtime.network.healAll();
    const nat = (await run("iptables", ["-w", "5", "-t", "nat", "-S"])).stdout;
    await run("iptables", ["-w", "5", "-t", "nat", "-D", ...FOREIGN_NAT]).catch(() => undefined);
    expect(nat).toContain("not-streamsocial-nat");
    expect(ours(nat)).toEqual([]);
  });

  it("refuses a slow without a valid delay, and changes nothing", async () => {
    const id = runtime.brokerIds[0] as number;
    for (const body of [undefined, "{", { delayMs: 0 }, { delayMs: 200.5 }, { delayMs: 20_000 }, { delayMs: 200, jitterMs: -1 }, { delayMs: 200, extra: 1 }]) {
      const res = await act(id, "slow", { body });
      expect(res.status, `${JSON.stringify(body)} → ${await res.clone().text()}`).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      const err = ((await res.json()) as { error: { message: string } }).error;
      expect(err.message.length).toBeGreaterThan(5);
    }
    expect((await runtime.list()).every((p) => !p.faults)).toBe(true);
    expect(await natOurs()).toEqual([]);
  });

  it("slow broker 2 by 200 ms: its partitions' writes take ≥ 150 ms longer (canary and the test's own client), the others' do not, it stays RUNNING; heal restores it and leaves no rule or proxy", async () => {
    await electPreferredLeaders();
    const victim = runtime.brokerIds[1] as number;
    const other = runtime.brokerIds[0] as number;
    const addr = (id: number) => runtime.bootstrap[runtime.brokerIds.indexOf(id)] as string;
    let led: { victim?: number; other?: number } = {};
    await pollUntil(async () => {
      const ps = await partitions(kafka, ["user_action"]);
      led = { victim: ps.find((p) => p.leader === victim)?.partition, other: ps.find((p) => p.leader === other)?.partition };
      return led.victim !== undefined && led.other !== undefined;
    }, { timeoutMs: 30_000, intervalMs: 500 });
    const before = await canaryByLeader(5);
    const directBefore = { victim: await directProduceMs(addr(victim), led.victim as number), other: await directProduceMs(addr(other), led.other as number) };

    const res = await act(victim, "slow", { body: { delayMs: 200 } });
    expect(res.status, await res.clone().text()).toBe(200);
    const fault = (await runtime.list()).find((p) => p.id === victim)?.faults;
    expect(fault?.map((f) => [f.kind, f.params])).toEqual([["slow", { delayMs: 200, jitterMs: 0 }]]);
    expect((await natOurs()).filter((l) => l.includes(`ss:${runtime.network.key}:n${victim}:slow:`))).toHaveLength(2); // one redirect per port of the node

    // Kafka keeps it: a slow broker is late, not gone. Every sample while it is slow says RUNNING, never CRITICAL.
    const states = new Set<string>();
    const healths = new Set<string>();
    const sample = setInterval(() => {
      void cluster().then((s) => {
        states.add(String(brokerState(s, victim)));
        healths.add(s.health);
      }, () => undefined);
    }, 250);
    let during: Map<number, number>;
    let directDuring: { victim: number; other: number };
    try {
      // Skip the polls that straddle the cut-over (reconnections), then measure.
      await waitForCluster((s) => (s.canary?.partitions ?? []).every((p) => p.ok), 20_000, 250);
      during = await canaryByLeader(5);
      directDuring = { victim: await directProduceMs(addr(victim), led.victim as number), other: await directProduceMs(addr(other), led.other as number) };
    } finally {
      clearInterval(sample);
    }
    const shown = (await cluster()).brokers.find((b) => b.id === victim);
    expect(shown?.runtime?.faults?.[0]?.kind).toBe("slow");
    expect([...states]).toEqual(["RUNNING"]);
    expect(healths.has("CRITICAL")).toBe(false);

    const rise = (m: Map<number, number>, id: number) => (m.get(id) ?? NaN) - (before.get(id) ?? NaN);
    expect(rise(during, victim), `canary ${JSON.stringify([...before])} → ${JSON.stringify([...during])}`).toBeGreaterThanOrEqual(150);
    for (const id of runtime.brokerIds.filter((x) => x !== victim)) expect(rise(during, id), `canary of broker ${id}`).toBeLessThan(100);
    expect(directDuring.victim - directBefore.victim, JSON.stringify({ directBefore, directDuring })).toBeGreaterThanOrEqual(150);
    expect(directDuring.other - directBefore.other, JSON.stringify({ directBefore, directDuring })).toBeLessThan(100);

    expect((await act(victim, "heal")).status).toBe(200);
    expect((await runtime.list()).find((p) => p.id === victim)?.faults).toBeUndefined();
    expect(await natOurs()).toEqual([]);
    // The proxy went with its last fault: nothing listens on its API port any more.
    const api = `http://127.0.0.1:${cfg.LOCAL_PORT_BASE + 299}/version`;
    expect(await fetch(api, { signal: AbortSignal.timeout(2000) }).then(() => "answered", () => "gone")).toBe("gone");
    // Back whole first: the cut-over back to direct connections resets replication for a moment.
    await healedAndWhole(victim);
    // Then its latency comes back to the reference: three polls in a row within 100 ms of it (bounded wait).
    let after = new Map<number, number>();
    let inARow = 0;
    const restored = await pollUntil(async () => {
      after = await canaryByLeader(1);
      inARow = rise(after, victim) < 100 ? inARow + 1 : 0;
      return inARow >= 3;
    }, { timeoutMs: 60_000, intervalMs: 0 });
    expect(restored, `canary after heal ${JSON.stringify([...after])}`).toBe(true);
    expect(await directProduceMs(addr(victim), led.victim as number)).toBeLessThan(directBefore.victim + 100);
  });
});
