import { handle } from "@/lib/api/errors";
import { sseStream } from "@/lib/api/sse";
import { getMonitor } from "@/lib/monitor/instance";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export const GET = handle(async (req: Request) => {
  const monitor = await getMonitor();
  return new Response(sseStream(monitor, req.signal), {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-store, no-transform",
      connection: "keep-alive",
      "x-accel-buffering": "no",
    },
  });
});
