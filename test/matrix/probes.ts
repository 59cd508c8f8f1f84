// The test's own evidence, independent of the dashboard: a fresh connection per
// ApiVersions probe, its own metadata request, its own acks=all canary writes,
// and Kafka's MetadataQuorumCommand. Real requests to the real cluster.
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { apiVersionsV3, Connection, findCoordinatorV4, metadataV12, produceV9 } from "@platformatic/kafka";
import "@/lib/kafka/wire"; // Promise.withResolvers on Node 20
import { withTimeout } from "@/lib/util/poll";

const split = (a: string): [string, number] => {
  const i = a.lastIndexOf(":");
  return [a.slice(0, i), Number(a.slice(i + 1))];
};

async function withConnection<T>(address: string, timeoutMs: number, call: (c: Connection) => Promise<T>): Promise<T> {
  const c = new Connection("matrix-probe", { connectTimeout: timeoutMs, requestTimeout: timeoutMs });
  // A broker killed mid-request resets the socket: that is the answer "no", not a crash of the test.
  c.on("error", () => {});
  try {
    const [host, port] = split(address);
    return await withTimeout((async () => {
      await c.connect(host, port);
      return call(c);
    })(), timeoutMs + 200, `${address}: no answer in ${timeoutMs} ms`);
  } finally {
    c.close().catch(() => {});
  }
}

/** True when the broker answers ApiVersions on a brand-new connection within the timeout. */
export async function answers(address: string, timeoutMs = 1500): Promise<boolean> {
  try {
    await withConnection(address, timeoutMs, (c) => apiVersionsV3.api.async(c, "matrix-probe", "1.0"));
    return true;
  } catch {
    return false;
  }
}

export interface OwnMetadata {
  registered: number[];
  leaders: Record<number, number>;
}

/** Registered brokers and the canary topic's leaders, asked of the first address that answers. */
export async function ownMetadata(addresses: readonly string[], topic: string): Promise<OwnMetadata | null> {
  for (const a of addresses) {
    try {
      const res = await withConnection(a, 1500, (c) => metadataV12.api.async(c, [topic], false, false));
      const t = res.topics.find((x) => x.name === topic);
      const leaders = Object.fromEntries((t?.partitions ?? []).map((p) => [p.partitionIndex, p.leaderId]));
      return { registered: res.brokers.map((b) => b.nodeId).sort((x, y) => x - y), leaders };
    } catch {
      // next address
    }
  }
  return null;
}

/** One acks=all record to a partition, sent to its leader on a fresh connection: acknowledged or not. */
export async function ownWrite(address: string, topic: string, partition: number, timeoutMs = 2000): Promise<boolean> {
  try {
    const res = await withConnection(address, timeoutMs, (c) =>
      produceV9.api.async(c, -1, timeoutMs - 300, [{ topic, partition, value: Buffer.from(`matrix ${Date.now()}`) }]),
    );
    return typeof res === "object" && res.responses[0]?.partitionResponses[0]?.errorCode === 0;
  } catch {
    return false;
  }
}

/** The broker coordinating `groupId`, as Kafka's FindCoordinator names it (asked of `address`). */
export async function groupCoordinator(address: string, groupId: string): Promise<number> {
  const res = await withConnection(address, 5000, (c) => findCoordinatorV4.api.async(c, 0, [groupId]));
  const found = res.coordinators[0];
  if (!found || found.errorCode !== 0) throw new Error(`FindCoordinator(${groupId}) answered error ${found?.errorCode}`);
  return found.nodeId;
}

/** The leader in MetadataQuorumCommand's `describe --status` output; null when none. */
export function leaderOfQuorumStatus(stdout: string): number | null {
  const m = /LeaderId:\s*(-?\d+)/.exec(stdout);
  const id = m ? Number(m[1]) : null;
  return id !== null && id >= 0 ? id : null;
}

/**
 * One acks=all record straight to this broker: the error code it answers with (0 =
 * acknowledged), or "no answer" when it stays silent past the produce timeout.
 */
export async function produceAnswer(address: string, topic: string, partition: number, produceTimeoutMs = 3000): Promise<number | "no answer"> {
  try {
    const res = await withConnection(address, produceTimeoutMs + 3000, (c) =>
      produceV9.api.async(c, -1, produceTimeoutMs, [{ topic, partition, value: Buffer.from(`direct ${Date.now()}`) }]),
    );
    return typeof res === "object" ? (res.responses[0]?.partitionResponses[0]?.errorCode ?? -1) : -1;
  } catch (err) {
    // An error response is an answer; a timeout is silence.
    const code = (err as { response?: { responses?: { partitionResponses?: { errorCode?: number }[] }[] } }).response?.responses?.[0]?.partitionResponses?.[0]?.errorCode;
    return typeof code === "number" ? code : "no answer";
  }
}

/**
 * One of Kafka's own command-line tools (`org.apache.kafka.tools.<tool>`) from our
 * jars, as kafka-*.sh would run it: its standard output. `timeoutMs` 0 = unbounded.
 */
export async function kafkaTool(
  kafka: { kafkaHome: string; javaBin: string },
  tool: string,
  args: readonly string[],
  { heapMb = 128, timeoutMs = 30_000 }: { heapMb?: number; timeoutMs?: number } = {},
): Promise<string> {
  const { stdout } = await promisify(execFile)(
    kafka.javaBin,
    [`-Xmx${heapMb}m`, "-cp", `${path.join(kafka.kafkaHome, "libs")}/*`, `org.apache.kafka.tools.${tool}`, ...args],
    { timeout: timeoutMs },
  );
  return stdout;
}

/** Kafka's own MetadataQuorumCommand, asked of these controller endpoints; null when it finds no leader or cannot answer. */
export async function quorumLeaderByKafka(kafkaHome: string, javaBin: string, controllers: readonly string[]): Promise<number | null> {
  try {
    const stdout = await kafkaTool({ kafkaHome, javaBin }, "MetadataQuorumCommand", ["--bootstrap-controller", controllers.join(","), "describe", "--status"], { timeoutMs: 15_000 });
    return leaderOfQuorumStatus(stdout);
  } catch {
    return null;
  }
}
