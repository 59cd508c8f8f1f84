// Shared by the drill suites: the drill's dependencies on the test cluster, and an
// independent count of a run's records (a plain kafkajs consumer, not the verifier's code).
import type { Kafka } from "kafkajs";
import { decodeDrillRecord } from "@/lib/drill/record";
import type { DrillDeps } from "@/lib/drill/run";
import { reportsDirOf } from "@/lib/drill/store";
import { runAction } from "@/lib/runtime/types";
import { pollUntil } from "@/lib/util/poll";
import { testConfig, testRuntime } from "./helpers";

export function drillDeps(log = false): DrillDeps {
  const runtime = testRuntime();
  return {
    bootstrap: runtime.bootstrap,
    brokerIds: runtime.brokerIds,
    act: (id, action, params) => runAction(runtime, id, action, params),
    reportsDir: reportsDirOf(testConfig().dataDir),
    log: log ? (l) => console.log(l) : undefined,
  };
}

/**
 * An independent count: a fresh group reads `topic` from the beginning (with a
 * plain kafkajs consumer, not the verifier's code) until `atLeast` of the run's
 * records are seen or the time runs out, then keeps reading 3 s more.
 */
export async function countRunRecords(kafka: Kafka, topic: string, producerIds: readonly string[], atLeast: number, timeoutMs = 90_000) {
  const ids = new Set(producerIds);
  const seen = new Set<string>();
  let total = 0;
  const consumer = kafka.consumer({ groupId: `it-count-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`, maxBytes: 32 << 20 });
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        const r = decodeDrillRecord(message.value);
        if (r.ok && ids.has(r.value.producerId)) {
          total++;
          seen.add(`${r.value.producerId}#${r.value.seq}`);
        }
      },
    });
    await pollUntil(() => total >= atLeast, { timeoutMs, intervalMs: 200 });
    await new Promise((r) => setTimeout(r, 3000));
    return { total, distinct: seen.size };
  } finally {
    await consumer.disconnect();
  }
}

