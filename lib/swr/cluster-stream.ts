// The live link to the monitor: the SSE stream while it works, polling
// /api/cluster while it does not, and the stream reopened in the background.
// Nothing here ever throws at the page: a dead server only turns the state
// "offline" and the last snapshot stays where it was.
import type { ClusterSnapshot, TimelineEntry } from "@/lib/model/cluster";
import { FetchError, fetcher } from "./fetcher";

/** live: SSE delivering; polling: SSE down, /api/cluster answering; offline: nothing answers; locked: the server wants the token (an exposed dashboard before its login). */
export type Connection = "connecting" | "live" | "polling" | "offline" | "locked";

export interface LiveCluster {
  snapshot: ClusterSnapshot | null;
  /** The last snapshot in which Kafka answered: what the page greys out when it no longer does. */
  lastGood: ClusterSnapshot | null;
  connection: Connection;
  /** Browser time the last snapshot arrived. */
  receivedAt: number | null;
}

export interface StreamHandlers {
  onState(state: LiveCluster): void;
  onSnapshot(snapshot: ClusterSnapshot): void;
  onTimeline(entry: TimelineEntry): void;
  /** The stream came back after a gap: anything appended from it may have holes. */
  onResync(): void;
}

export const STREAM_URL = "/api/stream";
const POLL_URL = "/api/cluster";
const POLL_MS = 2000;
const POLL_TIMEOUT_MS = 4000;
/** The monitor sends a snapshot every poll (1 s): this long without one means the stream is dead. */
const SILENCE_MS = 8000;
const REOPEN_MIN_MS = 1000;
const REOPEN_MAX_MS = 15_000;

export const INITIAL_LIVE: LiveCluster = { snapshot: null, lastGood: null, connection: "connecting", receivedAt: null };

export function openClusterStream(h: StreamHandlers): () => void {
  let state = INITIAL_LIVE;
  let es: EventSource | null = null;
  let lastMessage = Date.now();
  let reopenDelay = REOPEN_MIN_MS;
  let reopenTimer: ReturnType<typeof setTimeout> | undefined;
  let pollTimer: ReturnType<typeof setInterval> | undefined;
  let polling = false;
  let closed = false;
  let hadGap = false;

  const emit = (patch: Partial<LiveCluster>) => {
    state = { ...state, ...patch };
    h.onState(state);
  };

  const accept = (snapshot: ClusterSnapshot, via: Connection) => {
    if (state.snapshot && snapshot.seq < state.snapshot.seq && snapshot.at <= state.snapshot.at) return;
    h.onSnapshot(snapshot);
    emit({ snapshot, lastGood: snapshot.reachable ? snapshot : state.lastGood, connection: via, receivedAt: Date.now() });
  };

  const pollOnce = async () => {
    if (polling || closed) return;
    polling = true;
    try {
      const snapshot = await fetcher<ClusterSnapshot>(POLL_URL, { signal: AbortSignal.timeout(POLL_TIMEOUT_MS) });
      if (!closed && state.connection !== "live") accept(snapshot, "polling");
    } catch (err) {
      const locked = err instanceof FetchError && err.status === 401;
      if (!closed && state.connection !== "live") emit({ connection: locked ? "locked" : "offline" });
    } finally {
      polling = false;
    }
  };

  const degrade = () => {
    hadGap = true;
    if (state.connection === "live" || state.connection === "connecting") emit({ connection: "polling" });
    if (!pollTimer) {
      pollTimer = setInterval(() => void pollOnce(), POLL_MS);
      void pollOnce();
    }
  };

  const scheduleReopen = () => {
    if (closed || reopenTimer) return;
    reopenTimer = setTimeout(() => {
      reopenTimer = undefined;
      open();
    }, reopenDelay);
    reopenDelay = Math.min(REOPEN_MAX_MS, reopenDelay * 2);
  };

  const onSnapshotEvent = (ev: MessageEvent<string>) => {
    lastMessage = Date.now();
    reopenDelay = REOPEN_MIN_MS;
    if (pollTimer) clearInterval(pollTimer);
    pollTimer = undefined;
    accept(JSON.parse(ev.data) as ClusterSnapshot, "live");
    if (hadGap) {
      hadGap = false;
      h.onResync();
    }
  };

  const onTimelineEvent = (ev: MessageEvent<string>) => {
    lastMessage = Date.now();
    h.onTimeline(JSON.parse(ev.data) as TimelineEntry);
  };

  function open() {
    if (closed) return;
    es?.close();
    lastMessage = Date.now();
    const source = new EventSource(STREAM_URL);
    es = source;
    source.addEventListener("snapshot", onSnapshotEvent);
    source.addEventListener("timeline", onTimelineEvent);
    source.onerror = () => {
      degrade();
      // CONNECTING: the browser retries by itself. CLOSED (an HTTP error answer): it never will.
      if (source.readyState === EventSource.CLOSED) {
        if (es === source) es = null;
        scheduleReopen();
      }
    };
  }

  const watchdog = setInterval(() => {
    if (Date.now() - lastMessage < SILENCE_MS) return;
    if (state.connection === "live" || state.connection === "connecting") degrade();
    es?.close();
    es = null;
    lastMessage = Date.now();
    scheduleReopen();
  }, 1000);

  open();

  return () => {
    closed = true;
    es?.close();
    clearInterval(watchdog);
    if (pollTimer) clearInterval(pollTimer);
    if (reopenTimer) clearTimeout(reopenTimer);
  };
}
