// Direct control of the scale suite's cluster from the test process: bring-up
// with its thousand topics, the runtime, and Kafka's own tools as the
// independent witness (run from the same jars, against the same ports).
import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { parseConfig, type Config } from "@/lib/config";
import { kafkaClient } from "@/lib/kafka/client";
import { localClusterUp, localClusterWipe, localLayoutFromConfig, localRuntimeFromConfig } from "@/lib/runtime/local-cluster";
import type { LocalRuntime } from "@/lib/runtime/local";
import { SCALE_ENV, SCALE_TOPICS, scaleTopic } from "./env";

const run = promisify(execFile);

export function scaleConfig(): Config {
  return parseConfig({ ...process.env, ...SCALE_ENV });
}

export function scaleRuntime(): LocalRuntime {
  return localRuntimeFromConfig(scaleConfig());
}

/** A fresh 5 + 3 cluster (wiped first: the shape is fixed at format time) with SCALE_TOPICS topics of 2 partitions, RF 3. */
export async function scaleClusterUp(log: (line: string) => void): Promise<void> {
  const cfg = scaleConfig();
  if (fs.existsSync(path.join(cfg.dataDir, "local"))) await localClusterWipe(cfg);
  const t0 = Date.now();
  await localClusterUp(cfg, log);
  log(`cluster up in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  const admin = kafkaClient({ bootstrap: scaleRuntime().bootstrap, clientId: "scale-setup", timeoutMs: 120_000, retries: 3 }).admin();
  await admin.connect();
  try {
    const t1 = Date.now();
    const names = Array.from({ length: SCALE_TOPICS }, (_, i) => scaleTopic(i));
    for (let i = 0; i < names.length; i += 250) {
      await admin.createTopics({ timeout: 120_000, waitForLeaders: false, topics: names.slice(i, i + 250).map((topic) => ({ topic, numPartitions: 2, replicationFactor: 3 })) });
    }
    log(`created ${SCALE_TOPICS} topics in ${((Date.now() - t1) / 1000).toFixed(1)} s`);
  } finally {
    await admin.disconnect();
  }
}

export async function scaleClusterDown(): Promise<void> {
  await localClusterWipe(scaleConfig());
}

/** Kafka's MetadataQuorumCommand against the dedicated controllers that run: the active controller, or null. */
export async function kafkaQuorumLeader(): Promise<{ leader: number | null; voters: number[] }> {
  const cfg = scaleConfig();
  const rt = scaleRuntime();
  const running = (await rt.list()).filter((p) => p.status === "running" && rt.controllerEndpoints[p.id]);
  const endpoints = running.map((p) => rt.controllerEndpoints[p.id] as string);
  if (endpoints.length === 0) return { leader: null, voters: [] };
  try {
    const { stdout } = await run(cfg.JAVA_BIN, ["-Xmx128m", "-cp", `${path.join(cfg.kafkaHome, "libs")}/*`, "org.apache.kafka.tools.MetadataQuorumCommand",
      "--bootstrap-controller", endpoints.join(","), "describe", "--status"], { timeout: 20_000 });
    const leader = Number(/LeaderId:\s*(-?\d+)/.exec(stdout)?.[1] ?? -1);
    // CurrentVoters: [{"id": 101, "endpoints": [...]}, ...] on one line.
    const voters = [...(/^CurrentVoters:(.*)$/m.exec(stdout)?.[1] ?? "").matchAll(/"id":\s*(\d+)/g)].map((m) => Number(m[1]));
    return { leader: leader >= 0 ? leader : null, voters: voters.sort((a, b) => a - b) };
  } catch {
    return { leader: null, voters: [] };
  }
}

/** The brokers Kafka's own metadata lists (kafkajs, a client of the test's own, bootstrapped on the brokers whose process runs). */
export async function kafkaBrokers(): Promise<number[]> {
  const rt = scaleRuntime();
  const running = new Set((await rt.list()).filter((p) => p.status === "running").map((p) => p.id));
  rt.close();
  const bootstrap = rt.brokerIds.flatMap((id, i) => (running.has(id) ? [rt.bootstrap[i] as string] : []));
  const admin = kafkaClient({ bootstrap, clientId: "scale-probe", timeoutMs: 5000, retries: 2 }).admin();
  await admin.connect();
  try {
    return (await admin.describeCluster()).brokers.map((b) => b.nodeId).sort((a, b) => a - b);
  } finally {
    await admin.disconnect();
  }
}

/** Kafka's own LogDirsCommand: bytes in each broker's log dirs, summed over its replicas. */
export async function kafkaLogDirBytes(): Promise<Record<number, number>> {
  const cfg = scaleConfig();
  const rt = scaleRuntime();
  const { stdout } = await run(cfg.JAVA_BIN, ["-Xmx256m", "-cp", `${path.join(cfg.kafkaHome, "libs")}/*`, "org.apache.kafka.tools.LogDirsCommand",
    "--bootstrap-server", rt.bootstrap.join(","), "--describe"], { timeout: 60_000, maxBuffer: 64 * 1024 * 1024 });
  const json = stdout.slice(stdout.indexOf("{"));
  const parsed = JSON.parse(json) as { brokers: { broker: number; logDirs: { error: string | null; partitions: { size: number }[] }[] }[] };
  return Object.fromEntries(parsed.brokers.map((b) => [b.broker, b.logDirs.filter((d) => d.error === null).reduce((n, d) => n + d.partitions.reduce((m, p) => m + p.size, 0), 0)]));
}

/** The filesystem under a broker's log dir, as the kernel says (statfs): total and usable bytes. */
export function statfsOf(brokerId: number): { total: number; usable: number } {
  const node = localLayoutFromConfig(scaleConfig()).nodes.find((n) => n.id === brokerId);
  if (!node) throw new Error(`no node ${brokerId}`);
  const st = fs.statfsSync(node.dataDir);
  return { total: st.blocks * st.bsize, usable: st.bavail * st.bsize };
}
