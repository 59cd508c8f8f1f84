// Server-sent events from the monitor: the current snapshot at once, then every
// new snapshot and timeline entry, with a heartbeat so proxies and the client
// can tell a quiet stream from a dead one.
import type { Monitor, MonitorEvent } from "@/lib/monitor/monitor";

const HEARTBEAT_MS = 15_000;
/** A client this far behind gets no more snapshots until it catches up (timeline entries still go). */
const MAX_QUEUED = 64;

const encoder = new TextEncoder();
/**
 * One encoded frame per snapshot or entry, shared by every client: the monitor
 * hands each listener the same object, so two hundred viewers cost one
 * JSON.stringify and one encode, not two hundred. Weak: a frame lives as long
 * as its snapshot does.
 */
const frames = new WeakMap<object, Uint8Array>();

export function frameOf(e: MonitorEvent): Uint8Array {
  const data = e.type === "snapshot" ? e.snapshot : e.entry;
  let frame = frames.get(data);
  if (!frame) {
    const id = e.type === "snapshot" ? e.snapshot.seq : e.entry.id;
    frame = encoder.encode(`event: ${e.type}\nid: ${id}\ndata: ${JSON.stringify(data)}\n\n`);
    frames.set(data, frame);
  }
  return frame;
}

export function sseStream(monitor: Monitor, signal: AbortSignal): ReadableStream<Uint8Array> {
  let cleanup = () => {};
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        const send = (bytes: Uint8Array) => {
          try {
            controller.enqueue(bytes);
          } catch {
            cleanup();
          }
        };
        const onEvent = (e: MonitorEvent) => {
          if (e.type === "snapshot" && (controller.desiredSize ?? 0) < -MAX_QUEUED) return;
          send(frameOf(e));
        };
        send(encoder.encode(`retry: 2000\n\n`));
        const current = monitor.snapshot;
        if (current) onEvent({ type: "snapshot", snapshot: current });
        const unsubscribe = monitor.subscribe(onEvent);
        const heartbeat = setInterval(() => send(encoder.encode(`: heartbeat ${Date.now()}\n\n`)), HEARTBEAT_MS);
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
