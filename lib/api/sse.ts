// Server-sent events from the monitor: the current snapshot at once, then every
// new snapshot and timeline entry, with a heartbeat so proxies and the client
// can tell a quiet stream from a dead one.
import type { Monitor, MonitorEvent } from "@/lib/monitor/monitor";

const HEARTBEAT_MS = 15_000;
/** A client this far behind gets no more snapshots until it catches up (timeline entries still go). */
const MAX_QUEUED = 64;

export function sseStream(monitor: Monitor, signal: AbortSignal): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let cleanup = () => {};
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        const send = (text: string) => {
          try {
            controller.enqueue(encoder.encode(text));
          } catch {
            cleanup();
          }
        };
        const onEvent = (e: MonitorEvent) => {
          if (e.type === "snapshot" && (controller.desiredSize ?? 0) < -MAX_QUEUED) return;
          const data = e.type === "snapshot" ? e.snapshot : e.entry;
          send(`event: ${e.type}\nid: ${e.type === "snapshot" ? e.snapshot.seq : e.entry.id}\ndata: ${JSON.stringify(data)}\n\n`);
        };
        send(`retry: 2000\n\n`);
        const current = monitor.snapshot;
        if (current) onEvent({ type: "snapshot", snapshot: current });
        const unsubscribe = monitor.subscribe(onEvent);
        const heartbeat = setInterval(() => send(`: heartbeat ${Date.now()}\n\n`), HEARTBEAT_MS);
        cleanup = () => {
          unsubscribe();
          clearInterval(heartbeat);
          try {
            controller.close();
          } catch {
            // already closed
          }
        };
        signal.addEventListener("abort", () => cleanup(), { once: true });
      },
      cancel() {
        cleanup();
      },
    },
    { highWaterMark: 1 },
  );
}
