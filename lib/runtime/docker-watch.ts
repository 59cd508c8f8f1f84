// watch() for the Docker runtime: one events stream filtered by our cluster
// label, so a container's death is pushed within milliseconds. The stream is
// re-opened (with backoff) whenever it ends, and every (re)connect is followed
// by a resync from a full list, so changes during a gap are not lost.
import type Docker from "dockerode";
import { clusterLabelFilter } from "./docker-labels";
import { eventChange, splitEventLines, WATCHED_ACTIONS } from "./docker-events";
import type { BrokerProcess } from "./types";

export interface DockerWatchOptions {
  docker: Docker;
  project: string;
  connectTimeoutMs: number;
  resync: () => Promise<BrokerProcess[]>;
  startedAt: (containerId: string) => number | null;
  onChange: (p: BrokerProcess) => void;
}

type Callback = (change: BrokerProcess) => void;

export class DockerWatch {
  private readonly callbacks = new Set<Callback>();
  private readonly lastSeen = new Map<number, string>();
  /** Events seen per broker: a resync must not overwrite a newer event with an older list. */
  private readonly eventCount = new Map<number, number>();
  private active = false;
  private controller: AbortController | undefined;
  private stream: NodeJS.ReadableStream | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private backoffMs = 250;

  constructor(private readonly opts: DockerWatchOptions) {}

  add(cb: Callback): () => void {
    this.callbacks.add(cb);
    if (!this.active) {
      this.active = true;
      void this.connect();
    }
    return () => {
      this.callbacks.delete(cb);
      if (this.callbacks.size === 0) this.close();
    };
  }

  close(): void {
    this.active = false;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    this.drop();
    this.lastSeen.clear();
  }

  private drop(): void {
    this.controller?.abort();
    this.controller = undefined;
    const s = this.stream as (NodeJS.ReadableStream & { destroy?: () => void }) | undefined;
    this.stream = undefined;
    s?.removeAllListeners();
    s?.on("error", () => {}); // a late socket error after abort must not go unhandled
    s?.destroy?.();
  }

  private async connect(): Promise<void> {
    if (!this.active) return;
    const controller = new AbortController();
    this.controller = controller;
    const timer = setTimeout(() => controller.abort(), this.opts.connectTimeoutMs);
    try {
      const filters = { type: ["container"], label: [clusterLabelFilter(this.opts.project)], event: [...WATCHED_ACTIONS] };
      const stream = await this.opts.docker.getEvents({ filters, abortSignal: controller.signal } as Docker.GetEventsOptions);
      clearTimeout(timer);
      if (!this.active || this.controller !== controller) {
        (stream as NodeJS.ReadableStream & { destroy?: () => void }).destroy?.();
        return;
      }
      this.stream = stream;
      // The stream must not keep the process alive on its own (as the local runtime's timer).
      (stream as { socket?: { unref?: () => void } }).socket?.unref?.();
      let buffer = "";
      stream.on("data", (chunk: Buffer | string) => {
        const { events, rest } = splitEventLines(buffer + chunk.toString());
        buffer = rest;
        for (const ev of events) {
          const p = eventChange(ev, this.opts.project, this.opts.startedAt);
          if (!p) continue;
          this.eventCount.set(p.id, (this.eventCount.get(p.id) ?? 0) + 1);
          this.emit(p);
        }
      });
      const lost = () => {
        if (this.stream === stream) this.retry();
      };
      stream.on("error", lost);
      stream.on("end", lost);
      stream.on("close", lost);
      this.backoffMs = 250;
      await this.resync();
    } catch {
      clearTimeout(timer);
      if (this.controller === controller) this.retry();
    }
  }

  private retry(): void {
    this.drop();
    if (!this.active || this.retryTimer) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      void this.connect();
    }, this.backoffMs);
    this.retryTimer.unref();
    this.backoffMs = Math.min(this.backoffMs * 2, 5000);
  }

  /** Seeds the first time (no callbacks), reports differences after a reconnect. */
  private async resync(): Promise<void> {
    const before = new Map(this.eventCount);
    let list: BrokerProcess[];
    try {
      list = await this.opts.resync();
    } catch {
      return; // the engine is going away; the stream's end will bring us back
    }
    for (const p of list) {
      if ((this.eventCount.get(p.id) ?? 0) !== (before.get(p.id) ?? 0)) continue;
      if (!this.lastSeen.has(p.id)) this.lastSeen.set(p.id, p.status);
      else this.emit(p);
    }
  }

  private emit(p: BrokerProcess): void {
    if (!this.active || this.lastSeen.get(p.id) === p.status) return;
    this.lastSeen.set(p.id, p.status);
    this.opts.onChange(p);
    for (const cb of this.callbacks) {
      try {
        cb(p);
      } catch {
        // one subscriber's bug must not stop the others
      }
    }
  }
}
