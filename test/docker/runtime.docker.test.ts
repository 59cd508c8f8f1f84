// The Docker runtime against a real engine and a real 3-broker cluster. Docker's
// own CLI (docker inspect) is the witness, not our code; Kafka is checked with
// real kafkajs clients. Tests run in order and share the cluster.
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import type { Kafka, Producer } from "kafkajs";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ensureTopics } from "@/lib/kafka/topics";
import { RuntimeInputError, type BrokerProcess } from "@/lib/runtime/types";
import { pollUntil } from "@/lib/util/poll";
import { cfg, cliState, consumeAll, docker, LOCAL_IMAGE, PROJECT, testKafka, testRuntime, waitWhole, type CliState } from "./helpers";

const run = promisify(execFile);
const skipReason = inject("dockerSkipReason");
if (skipReason) console.warn(`[docker suite] skipped: ${skipReason}`);

describe.skipIf(skipReason !== null)("Docker runtime on a real engine", () => {
  const runtime = testRuntime();
  let kafka: Kafka;
  const strangers: { name: string; id: string; before: CliState & { RestartCount: number } }[] = [];
  const seen: { p: BrokerProcess; at: number }[] = [];
  let unwatch: () => void = () => {};

  beforeAll(async () => {
    kafka = testKafka();
    unwatch = runtime.watch((p) => seen.push({ p, at: Date.now() }));
    // Containers that look like broker 2 but are not of this cluster.
    const tag = `${process.pid}-${Date.now()}`;
    const lookAlikes: [string, string[]][] = [
      [`not-ours-${tag}`, ["--label", "io.streamsocial.broker-id=2"]],
      [`other-cluster-${tag}`, ["--label", "io.streamsocial.cluster=other", "--label", "io.streamsocial.broker-id=2"]],
    ];
    for (const [name, labels] of lookAlikes) {
      const id = await docker("run", "-d", "--name", name, ...labels, LOCAL_IMAGE, "sleep", "300");
      strangers.push({ name, id, before: await cliState(id) });
    }
  });

  afterAll(async () => {
    unwatch();
    runtime.close();
    for (const s of strangers) await docker("rm", "-f", s.id).catch(() => "");
    // Leave every broker running for whatever comes next.
    for (const p of await runtime.list().catch(() => [])) {
      if (p.status === "paused") await runtime.resume(p.id).catch(() => undefined);
      if (p.status === "exited") await runtime.start(p.id).catch(() => undefined);
    }
  });

  it("formatted a quorum of three voters", async () => {
    const { stdout } = await run(
      cfg.JAVA_BIN,
      ["-Xmx128m", "-cp", `${path.join(cfg.kafkaHome, "libs")}/*`, "org.apache.kafka.tools.MetadataQuorumCommand",
        "--bootstrap-server", runtime.bootstrap.join(","), "describe", "--status"],
      { timeout: 60_000 },
    );
    const voters = /CurrentVoters:\s*(\[.*\])/.exec(stdout)?.[1];
    expect(voters, stdout).toBeDefined();
    const ids = (JSON.parse(voters ?? "[]") as { id: number }[]).map((v) => v.id).sort();
    expect(ids).toEqual([1, 2, 3]);
  });

  it("lists the three brokers, running, found by our label alone", async () => {
    const list = await runtime.list();
    expect(list.map((p) => [p.id, p.status])).toEqual([[1, "running"], [2, "running"], [3, "running"]]);
    for (const p of list) expect(p.since).toBeGreaterThan(0);
    const cli = (await docker("ps", "-q", "--no-trunc", "--filter", `label=io.streamsocial.cluster=${PROJECT}`)).split("\n");
    expect(list.map((p) => p.containerId).sort()).toEqual(cli.sort());
    for (const s of strangers) expect(list.map((p) => p.containerId)).not.toContain(s.id);
    expect(await runtime.available()).toEqual({ ok: true });
  });

  it("refuses containers that are not ours, by name or by id, and unknown broker ids", async () => {
    for (const s of strangers) {
      await expect(runtime.resolve(s.name)).rejects.toBeInstanceOf(RuntimeInputError);
      await expect(runtime.resolve(s.id)).rejects.toBeInstanceOf(RuntimeInputError);
      await expect(runtime.resolve(s.id.slice(0, 12))).rejects.toBeInstanceOf(RuntimeInputError);
    }
    await expect(runtime.kill(99)).rejects.toThrow(/no broker 99/);
    await expect(runtime.pause(0)).rejects.toBeInstanceOf(RuntimeInputError);
    const two = await runtime.resolve("2");
    expect(strangers.map((s) => s.id)).not.toContain(two.containerId);
  });

  const topic = `docker_it_${Date.now()}`;
  const PER_PHASE = 500;
  let producer: Producer;
  let sent = 0;

  async function produce(count: number, phase: string): Promise<void> {
    for (let i = 0; i < count; i += 50) {
      const messages = Array.from({ length: Math.min(50, count - i) }, (_, j) => ({
        key: `user-${(i + j) % 17}`,
        value: `${phase}-${i + j}`,
      }));
      await producer.send({ topic, acks: -1, messages });
      sent += messages.length;
    }
  }

  it("kill 2: Docker shows it exited, watch() saw it within 500 ms, acks=all writes go on", async () => {
    await ensureTopics(runtime.bootstrap, [{ name: topic, partitions: 6, replicationFactor: 3, description: "docker suite" }]);
    producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, retry: { retries: 30, maxRetryTime: 1000 } });
    await producer.connect();
    await produce(PER_PHASE, "before");

    const t0 = Date.now();
    const killed = await runtime.kill(2);
    expect(killed.status).toBe("exited");
    expect(await pollUntil(() => seen.some((s) => s.p.id === 2 && s.p.status === "exited" && s.at >= t0), { timeoutMs: 2000, intervalMs: 5 })).toBe(true);
    const hit = seen.find((s) => s.p.id === 2 && s.p.status === "exited" && s.at >= t0);
    expect((hit?.at ?? Infinity) - t0).toBeLessThan(500);
    console.log(`[docker suite] kill -> watch() event in ${(hit?.at ?? NaN) - t0} ms`);

    const state = await cliState(killed.containerId ?? "");
    expect(state).toMatchObject({ Status: "exited", Running: false, ExitCode: 137 });
    await expect(runtime.kill(2)).rejects.toThrow(/not running/);

    const t1 = Date.now();
    await produce(PER_PHASE, "outage"); // min ISR 2 of RF 3: one broker down must not stop acks=all
    console.log(`[docker suite] ${PER_PHASE} acks=all records during the outage in ${Date.now() - t1} ms`);
    expect((await runtime.list()).find((p) => p.id === 2)?.status).toBe("exited");
  });

  it("restart 2: running again, all 3 registered and every ISR back to 3", async () => {
    const t0 = Date.now();
    const p = await runtime.restart(2);
    expect(p.status).toBe("running");
    expect((await cliState(p.containerId ?? "")).Running).toBe(true);
    expect(await waitWhole(kafka, 120_000)).toBe(true);
    console.log(`[docker suite] restart -> whole cluster (3 registered, full ISRs) in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    expect(seen.some((s) => s.p.id === 2 && s.p.status === "running" && s.at >= t0)).toBe(true);
  });

  it("every acknowledged record is read back", async () => {
    await produce(PER_PHASE, "after");
    await producer.disconnect();
    const values = await consumeAll(kafka, topic, sent, 60_000);
    expect(new Set(values).size).toBe(sent);
    expect(sent).toBe(3 * PER_PHASE);
  });

  it("pause 2 freezes the container (docker pause) and resume thaws it", async () => {
    const t0 = Date.now();
    const paused = await runtime.pause(2);
    expect(paused.status).toBe("paused");
    expect(paused.since).toBeGreaterThanOrEqual(t0);
    expect(await cliState(paused.containerId ?? "")).toMatchObject({ Status: "paused", Paused: true });
    await expect(runtime.pause(2)).rejects.toThrow(/already paused/);
    expect(await pollUntil(() => seen.some((s) => s.p.id === 2 && s.p.status === "paused" && s.at >= t0), { timeoutMs: 2000, intervalMs: 10 })).toBe(true);

    const resumed = await runtime.resume(2);
    expect(resumed.status).toBe("running");
    expect(await cliState(resumed.containerId ?? "")).toMatchObject({ Status: "running", Paused: false });
    await expect(runtime.resume(2)).rejects.toThrow(/not paused/);
    expect(await waitWhole(kafka, 120_000)).toBe(true);
  });

  it("stop 3 is graceful (SIGTERM, not the grace-period SIGKILL); start brings it back", async () => {
    const t0 = Date.now();
    const stopped = await runtime.stop(3);
    const took = Date.now() - t0;
    expect(stopped.status).toBe("exited");
    const state = await cliState(stopped.containerId ?? "");
    expect(state.Running).toBe(false);
    expect(state.ExitCode).not.toBe(137);
    console.log(`[docker suite] graceful stop in ${(took / 1000).toFixed(1)} s, exit code ${state.ExitCode}`);
    await expect(runtime.stop(3)).rejects.toThrow(/not running/);
    const started = await runtime.start(3);
    expect(started.status).toBe("running");
    await expect(runtime.start(3)).rejects.toThrow(/already running/);
    expect(await waitWhole(kafka, 120_000)).toBe(true);
  });

  it("left the look-alike containers untouched", async () => {
    for (const s of strangers) {
      const now = await cliState(s.id);
      expect(now).toMatchObject({ Running: true, Paused: false, StartedAt: s.before.StartedAt, RestartCount: s.before.RestartCount });
    }
  });
});
