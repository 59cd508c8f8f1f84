// Bringing the local cluster up and down as a whole: prerequisites (Java, jars,
// free ports), config files, storage formatting with Kafka's own StorageTool,
// start, wait for registration, StreamSocial topics.
import { execFile, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { canaryTopic, type Config } from "@/lib/config";
import { registeredBrokers } from "@/lib/kafka/brokers";
import { ensureClusterTopics } from "@/lib/kafka/topics";
import { writeFileAtomic } from "@/lib/util/atomic-file";
import { pollUntil } from "@/lib/util/poll";
import { JMX_EXPORTER_CONFIG } from "./jmx-exporter-config";
import { LocalRuntime } from "./local";
import { localLayout, log4jProperties, serverProperties, type ClusterLayout } from "./local-layout";
import { localShape, recordedShape, recordShape } from "./local-shape";
import { RuntimeFailure } from "./types";

const execFileAsync = promisify(execFile);

/** The local cluster's layout: its recorded shape (or the one asked for, before it is formatted). */
export function localLayoutFromConfig(cfg: Config): ClusterLayout {
  return localLayout(cfg.dataDir, cfg.LOCAL_PORT_BASE, localShape(cfg));
}

export function localRuntimeFromConfig(cfg: Config): LocalRuntime {
  return new LocalRuntime({
    layout: localLayoutFromConfig(cfg),
    kafkaHome: cfg.kafkaHome,
    javaBin: cfg.JAVA_BIN,
    heapMb: cfg.LOCAL_HEAP_MB,
    controllerHeapMb: cfg.LOCAL_CONTROLLER_HEAP_MB,
    toxiproxyBin: cfg.toxiproxyBin,
  });
}

export function checkJava(javaBin: string): string {
  const r = spawnSync(javaBin, ["-version"], { encoding: "utf8" });
  if (r.error || r.status !== 0) {
    throw new RuntimeFailure(
      "java_missing",
      `Java not found (${javaBin}): install a JRE 17+ (apt-get install openjdk-17-jre-headless) or set JAVA_BIN`,
    );
  }
  return (r.stderr || r.stdout).split("\n")[0] ?? "java";
}

/** Runs scripts/fetch-kafka-jars.sh (a no-op when the cache is warm). */
export function ensureJars(cfg: Config, log: (line: string) => void): void {
  if (fs.existsSync(path.join(cfg.kafkaHome, ".complete"))) return;
  const script = path.join(cfg.ROOT, "scripts", "fetch-kafka-jars.sh");
  const r = spawnSync("bash", [script], { encoding: "utf8", env: { ...process.env, KAFKA_CACHE_DIR: cfg.kafkaCacheDir } });
  for (const line of `${r.stdout}${r.stderr}`.trim().split("\n")) if (line) log(line);
  if (r.status !== 0) throw new RuntimeFailure("jars_missing", "could not fetch the Kafka jars from Maven Central");
}

/** A Kafka Uuid: 16 random bytes, base64url; Kafka refuses ids that start with '-'. */
export function newClusterId(): string {
  for (;;) {
    const id = randomBytes(16).toString("base64url");
    if (!id.startsWith("-")) return id;
  }
}

function clusterId(layout: ClusterLayout): string {
  try {
    return fs.readFileSync(layout.clusterIdFile, "utf8").trim();
  } catch {
    const id = newClusterId();
    writeFileAtomic(layout.clusterIdFile, id);
    return id;
  }
}

/** Writes every node's config and formats the storage of nodes that have none. */
export async function prepareLocalCluster(cfg: Config, layout: ClusterLayout): Promise<number[]> {
  // Recorded before anything is formatted: from now on this data dir is this shape.
  if (recordedShape(cfg.dataDir) === null) recordShape(cfg.dataDir, layout.shape);
  const id = clusterId(layout);
  writeFileAtomic(path.join(layout.root, "log4j2.properties"), log4jProperties());
  writeFileAtomic(path.join(layout.root, "jmx-exporter.yaml"), JMX_EXPORTER_CONFIG);
  const unformatted = layout.nodes.filter((n) => !fs.existsSync(path.join(n.dataDir, "meta.properties")));
  for (const n of layout.nodes) {
    fs.mkdirSync(n.dataDir, { recursive: true });
    writeFileAtomic(n.propsFile, serverProperties(layout, n, { "broker.session.timeout.ms": String(cfg.LOCAL_SESSION_TIMEOUT_MS) }));
  }
  await Promise.all(
    unformatted.map(async (n) => {
      try {
        await execFileAsync(cfg.JAVA_BIN, [
          "-Xmx256m",
          `-Dlog4j2.configurationFile=${path.join(layout.root, "log4j2.properties")}`,
          "-cp",
          `${path.join(cfg.kafkaHome, "libs")}/*`,
          "kafka.tools.StorageTool",
          "format",
          "--ignore-formatted",
          "-t",
          id,
          "-c",
          n.propsFile,
        ]);
      } catch (e) {
        const err = e as { stderr?: string; stdout?: string; message: string };
        throw new RuntimeFailure("format_failed", `formatting node ${n.id} failed: ${err.stderr || err.stdout || err.message}`);
      }
    }),
  );
  return unformatted.map((n) => n.id);
}

export interface UpResult {
  started: number[];
  formatted: number[];
  registeredInMs: number;
  topicsCreated: string[];
}

export async function localClusterUp(cfg: Config, log: (line: string) => void = () => {}): Promise<UpResult> {
  const t0 = Date.now();
  checkJava(cfg.JAVA_BIN);
  ensureJars(cfg, log);
  const runtime = localRuntimeFromConfig(cfg);
  // A fault never outlives its cluster: whatever an earlier run left goes now.
  const leftover = await runtime.network.healAll();
  if (leftover > 0) log(`removed ${leftover} network-fault rule(s) left by an earlier run`);
  const layout = localLayoutFromConfig(cfg);
  const formatted = await prepareLocalCluster(cfg, layout);
  if (formatted.length > 0) log(`formatted storage of node${formatted.length > 1 ? "s" : ""} ${formatted.join(", ")}`);
  const started = await runtime.startMissing();
  if (started.length > 0) log(`started node${started.length > 1 ? "s" : ""} ${started.join(", ")}`);
  const want = runtime.brokerIds.length;
  const ok = await pollUntil(async () => (await registeredBrokers(runtime.bootstrap)).length === want, {
    timeoutMs: 120_000,
    intervalMs: 250,
  });
  if (!ok) {
    throw new RuntimeFailure(
      "not_registered",
      `the ${want} brokers did not all register within 120 s; see ${layout.nodes.map((n) => n.logFile).join(", ")}`,
    );
  }
  const registeredInMs = Date.now() - t0;
  const topicsCreated = await ensureClusterTopics(runtime.bootstrap, runtime.brokerIds, canaryTopic(cfg));
  return { started, formatted, registeredInMs, topicsCreated };
}

/**
 * Moves every leader back to its preferred replica with Kafka's own
 * LeaderElectionCommand: after a full restart the first broker up leads nearly
 * everything, and a drill that breaks "a leader" needs leadership spread again.
 */
export async function electPreferredLeaders(cfg: Config): Promise<void> {
  const layout = localLayoutFromConfig(cfg);
  await execFileAsync(cfg.JAVA_BIN, [
    "-Xmx128m",
    `-Dlog4j2.configurationFile=${path.join(layout.root, "log4j2.properties")}`,
    "-cp",
    `${path.join(cfg.kafkaHome, "libs")}/*`,
    "org.apache.kafka.tools.LeaderElectionCommand",
    "--bootstrap-server",
    layout.bootstrap.join(","),
    "--election-type",
    "PREFERRED",
    "--all-topic-partitions",
  ], { timeout: 60_000 }).catch(() => {
    // "already the preferred leader" for every partition exits non-zero: nothing to move.
  });
}

/** Stops our brokers gracefully (in parallel); leaves data in place. */
export async function localClusterDown(runtime: LocalRuntime): Promise<number[]> {
  await runtime.network.healAll();
  const running = (await runtime.list()).filter((p) => p.status === "running" || p.status === "paused");
  // Brokers before dedicated controllers: a broker's controlled shutdown asks the active
  // controller to move its leaders away, and waits out its stop timeout once none is left.
  const controllers = running.filter((p) => p.role === "controller");
  await Promise.all(running.filter((p) => p.role !== "controller").map((p) => runtime.stop(p.id)));
  await Promise.all(controllers.map((p) => runtime.stop(p.id)));
  return running.map((p) => p.id);
}

/** Stops every node and deletes the local cluster's data (and its recorded shape): the next `up` formats anew. */
export async function localClusterWipe(cfg: Config): Promise<number[]> {
  const runtime = localRuntimeFromConfig({ ...cfg, LOCAL_BROKERS: undefined, LOCAL_CONTROLLERS: undefined });
  await runtime.network.healAll();
  // The data goes next, so nothing is gained by a graceful stop: SIGKILL, at once.
  const running = (await runtime.list()).filter((p) => p.status === "running" || p.status === "paused");
  await Promise.all(running.map((p) => runtime.kill(p.id)));
  runtime.close();
  fs.rmSync(path.join(cfg.dataDir, "local"), { recursive: true, force: true });
  return running.map((p) => p.id);
}
