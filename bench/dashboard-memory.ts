// The dashboard server's resident memory over a long watch: the production server
// on the bench cluster with ~3,000 partitions, polling at 1 Hz, a few SSE viewers
// connected and the history asked for as the overview asks for it. RSS is read
// from /proc every 30 s; the reference is the same process's RSS 5 minutes in
// (warm, its history ring still filling), and the figure that matters is the
// slope over the second half of the run. Stops by itself after the given minutes
// (default 60; 75 shows a quarter of an hour with the history ring full); every
// stream is closed at the end.
//   npx tsx bench/dashboard-memory.ts [minutes]
import { procRss } from "@/lib/runtime/proc";
import { sleep } from "@/lib/util/poll";
import { benchClusterDown, benchClusterUp, benchUrl, ensureBigTopic, startBenchServer } from "./monitor-harness";

const MINUTES = Math.min(240, Math.max(6, Number(process.argv[2] ?? 60)));
const SAMPLE_MS = 30_000;
const VIEWERS = 5;
const RING_FULL_MIN = 60;

/** The server's resident set, MiB (`next start` serves in the process it starts: one pid). */
const rssMiB = (pid: number): number => (procRss(pid) ?? NaN) / 2 ** 20;

/** A viewer on /api/stream that reads and drops every frame until `signal` aborts. */
async function viewer(signal: AbortSignal): Promise<void> {
  try {
    const res = await fetch(`${benchUrl}/api/stream`, { signal });
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    while (!(await reader.read()).done) {
      // frames dropped: only the server's side is measured
    }
  } catch {
    // aborted: done
  }
}

/** Least-squares slope of y over x. */
function slope(points: { x: number; y: number }[]): number {
  const n = points.length;
  const mx = points.reduce((a, p) => a + p.x, 0) / n;
  const my = points.reduce((a, p) => a + p.y, 0) / n;
  const num = points.reduce((a, p) => a + (p.x - mx) * (p.y - my), 0);
  const den = points.reduce((a, p) => a + (p.x - mx) ** 2, 0);
  return den === 0 ? 0 : num / den;
}

async function main(): Promise<void> {
  await benchClusterUp();
  await ensureBigTopic();
  const server = await startBenchServer();
  const ac = new AbortController();
  const viewers = Array.from({ length: VIEWERS }, () => viewer(ac.signal));
  const pid = server.child.pid!;
  const samples: { min: number; rss: number }[] = [];
  try {
    const t0 = Date.now();
    const end = t0 + MINUTES * 60_000;
    console.log(`\ndashboard RSS over ${MINUTES} min (pid ${pid}, ${VIEWERS} SSE viewers, 1 Hz poll)`);
    while (Date.now() < end) {
      await sleep(Math.min(SAMPLE_MS, end - Date.now()));
      await fetch(`${benchUrl}/api/history?minutes=15`).then((r) => r.arrayBuffer(), () => null);
      const min = (Date.now() - t0) / 60_000;
      samples.push({ min, rss: rssMiB(pid) });
      if (samples.length % 10 === 0) console.log(`  ${min.toFixed(1).padStart(6)} min  RSS ${samples.at(-1)!.rss.toFixed(1)} MiB`);
    }
  } finally {
    ac.abort();
    await Promise.all(viewers);
    await server.stop();
    await benchClusterDown();
  }
  const ref = samples.find((s) => s.min >= 5) ?? samples[0]!;
  const last = samples.at(-1)!;
  const max = Math.max(...samples.map((s) => s.rss));
  const half = samples.filter((s) => s.min >= MINUTES / 2).map((s) => ({ x: s.min / 60, y: s.rss }));
  console.log(`  reference (5 min in): ${ref.rss.toFixed(1)} MiB; end: ${last.rss.toFixed(1)} MiB (ratio ${(last.rss / ref.rss).toFixed(2)}); max ${max.toFixed(1)} MiB`);
  console.log(`  slope over the second half: ${slope(half).toFixed(1)} MiB per hour`);
  // The history ring holds 3,600 points: at 1 Hz it is full after an hour, and only then is "flat" the whole claim.
  const full = samples.filter((s) => s.min >= RING_FULL_MIN);
  if (full.length >= 3) {
    const at = full[0]!;
    console.log(`  ring full (${RING_FULL_MIN} min): ${at.rss.toFixed(1)} MiB; after it, ${full.length} samples over ${(last.min - at.min).toFixed(1)} min: ` +
      `${Math.min(...full.map((s) => s.rss)).toFixed(1)}-${Math.max(...full.map((s) => s.rss)).toFixed(1)} MiB, slope ${slope(full.map((s) => ({ x: s.min / 60, y: s.rss }))).toFixed(1)} MiB per hour`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
