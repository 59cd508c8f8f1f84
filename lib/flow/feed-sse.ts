// The live feed as server-sent events: the newest items at once ("backlog":
// already old, not timed by the page), then each item as its handler applies
// it ("item": the page times created → rendered on these), and the server's
// clock every second ("clock"), which lets the page notice a skewed clock and
// tell a quiet feed from a dead stream.
import type { FeedBus } from "./feed-bus";

const CLOCK_MS = 1000;
/** A client this far behind gets no more items until it catches up (a slow tab must not grow the server's memory). */
const MAX_QUEUED = 256;

export function feedStream(bus: FeedBus, signal: AbortSignal): ReadableStream<Uint8Array> {
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
        send(`retry: 2000\n\nevent: backlog\ndata: ${JSON.stringify(bus.latest())}\n\n`);
        const unsubscribe = bus.subscribe((item) => {
          if ((controller.desiredSize ?? 0) < -MAX_QUEUED) return;
          send(`event: item\ndata: ${JSON.stringify(item)}\n\n`);
        });
        const clock = setInterval(() => send(`event: clock\ndata: ${Date.now()}\n\n`), CLOCK_MS);
        cleanup = () => {
          unsubscribe();
          clearInterval(clock);
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
