// 200 SSE clients on /api/stream, then a broker killed: when does each client
// hold the snapshot that shows it SHUTDOWN? p50/p99 across clients, beside the
// same measure with one client connected, in the same run (the reference: what
// fan-out to 200 adds). The bench cluster and server (monitor-harness); every
// stream is closed after 30 s at the latest.
import type { ClusterSnapshot } from "@/lib/model/cluster";
import { pollUntil } from "@/lib/util/poll";
import { benchClusterDown, benchClusterUp, benchRuntime, benchUrl, percentile, startBenchServer } from "./monitor-harness";

const CLIENTS = Number(process.env.BENCH_SSE_CLIENTS ?? 200);

interface Client {
  ready: Promise<void>;
  /** Resolves with the epoch ms a snapshot showing `victim` SHUTDOWN arrived. */
  shutdownAt: (victim: number) => Promise<number>;
  close(): void;
}

function connect(): Client {
  const ac = new AbortController();
  const timer = setTimeout(() => ac.abort(), 30_000);
  let markReady!: () => void;
  const ready = new Promise<void>((r) => (markReady = r));
  const waiters: { victim: number; resolve: (at: number) => void }[] = [];
  void (async () => {
    try {
      const res = await fetch(`${benchUrl}/api/stream`, { signal: ac.signal });
      const reader = (res.body as ReadableStream<Uint8Array>).getReader();
      const decoder = new TextDecoder();
      let buffer = "";
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += decoder.decode(value, { stream: true });
        let i: number;
        while ((i = buffer.indexOf("\n\n")) >= 0) {
          const block = buffer.slice(0, i);
          buffer = buffer.slice(i + 2);
          if (!block.startsWith("event: snapshot")) continue;
          markReady();
          if (waiters.length === 0) continue;
          const data = block.slice(block.indexOf("data: ") + 6);
          const snap = JSON.parse(data) as ClusterSnapshot;
          const now = Date.now();
          for (const w of waiters.splice(0)) {
            if (snap.brokers.some((b) => b.id === w.victim && b.state === "SHUTDOWN")) w.resolve(now);
            else waiters.push(w);
          }
        }
      }
    } catch {
      // aborted: done
    }
  })();
  return {
    ready,
    shutdownAt: (victim) => new Promise((resolve) => waiters.push({ victim, resolve })),
    close: () => {
      clearTimeout(timer);
      ac.abort();
    },
  };
}

async function healthy(): Promise<boolean> {
  const s = (await (await fetch(`${benchUrl}/api/cluster`)).json()) as ClusterSnapshot;
  return s.health === "HEALTHY";
}

/** Connects n clients, kills `victim`, returns each client's kill → SHUTDOWN-snapshot latency. */
async function round(n: number, victim: number): Promise<number[]> {
  if (!(await pollUntil(healthy, { timeoutMs: 240_000, intervalMs: 500 }))) throw new Error("cluster not healthy before the round");
  const clients = Array.from({ length: n }, connect);
  try {
    await Promise.all(clients.map((c) => c.ready));
    const seen = clients.map((c) => c.shutdownAt(victim));
    const rt = benchRuntime();
    const t0 = Date.now();
    await rt.kill(victim);
    const at = await Promise.all(seen);
    await rt.start(victim);
    rt.close();
    return at.map((t) => t - t0);
  } finally {
    for (const c of clients) c.close();
  }
}

async function main(): Promise<void> {
  await benchClusterUp();
  const server = await startBenchServer();
  try {
    const one = await round(1, 2);
    const many = await round(CLIENTS, 3);
    const oneAgain = await round(1, 2);
    const ref = [...one, ...oneAgain];
    console.log(`\nkill → SHUTDOWN snapshot received, over SSE`);
    console.log(`  1 client (reference, 2 rounds): ${ref.map((x) => `${x} ms`).join(", ")}`);
    console.log(`  ${CLIENTS} clients: p50 ${percentile(many, 50)} ms, p99 ${percentile(many, 99)} ms, max ${Math.max(...many)} ms`);
    console.log(`  ratio p50 ${CLIENTS} clients / 1 client: ${(percentile(many, 50) / Math.max(1, percentile(ref, 50))).toFixed(2)}`);
  } finally {
    await server.stop();
    await benchClusterDown();
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
