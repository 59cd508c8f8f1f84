// Waiting inside a consumer's batch without losing the group: the member
// heartbeats while it waits (a retry's backoff, a write on a stalled partition),
// and stops waiting when the batch is taken away.
import type { ConsumedBatch } from "@/lib/kafka/consumer-group";
import { sleep } from "@/lib/util/poll";

const STEP_MS = 500;

/** Waits for every promise (rejects with the first failure), heartbeating meanwhile. */
export async function settleWhileAlive(promises: readonly Promise<void>[], batch: Pick<ConsumedBatch, "keepAlive">): Promise<void> {
  if (promises.length === 0) return;
  let done = false;
  const all = Promise.all(promises).finally(() => (done = true));
  all.catch(() => {}); // observed below; this only keeps an early rejection from being unhandled
  while (!done) {
    await Promise.race([all.catch(() => {}), sleep(STEP_MS)]);
    if (!done) await batch.keepAlive();
  }
  await all;
}

/** Sleeps until `dueAt` (epoch ms); false when the batch was abandoned first. */
export async function waitUntil(dueAt: number, batch: Pick<ConsumedBatch, "keepAlive" | "abandoned">): Promise<boolean> {
  for (;;) {
    if (batch.abandoned()) return false;
    const left = dueAt - Date.now();
    if (left <= 0) return true;
    await sleep(Math.min(STEP_MS, left));
    await batch.keepAlive();
  }
}
