import { handle } from "@/lib/api/errors";
import { feedStream } from "@/lib/flow/feed-sse";
import { getTrafficService } from "@/lib/traffic/instance";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** Server-sent events: the live feed of StreamSocial events as the handlers apply them. */
export const GET = handle(async (req: Request) => {
  const traffic = await getTrafficService();
  return new Response(feedStream(traffic.feed, req.signal), {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-store, no-transform",
      connection: "keep-alive",
      "x-accel-buffering": "no",
    },
  });
});
