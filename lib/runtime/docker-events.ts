// Docker's events stream: newline-delimited JSON, cut into chunks anywhere.
// Pure helpers: splitting the stream and reading one event as a status change.
import { brokerIdOf } from "./docker-labels";
import { exitDetail } from "./docker-state";
import type { BrokerProcess } from "./types";

/** The container events the runtime subscribes to. */
export const WATCHED_ACTIONS = ["start", "die", "pause", "unpause", "destroy"] as const;

export interface DockerEvent {
  Type?: string;
  Action?: string;
  Actor?: { ID?: string; Attributes?: Record<string, string> };
  /** Epoch seconds and nanoseconds. */
  time?: number;
  timeNano?: number;
}

/** Splits complete lines off `buffer`; returns the parsed ones and the unfinished rest. */
export function splitEventLines(buffer: string): { events: DockerEvent[]; rest: string } {
  const lines = buffer.split("\n");
  const rest = lines.pop() ?? "";
  const events: DockerEvent[] = [];
  for (const line of lines) {
    if (!line.trim()) continue;
    try {
      events.push(JSON.parse(line) as DockerEvent);
    } catch {
      // a torn or foreign line: the resync after a reconnect covers anything lost
    }
  }
  return { events, rest };
}

/**
 * The status change an event means for a broker of `project`, or undefined when
 * the event is not about one of our containers. `startedAt` gives the start time
 * of a container that is unpaused (the event does not carry it).
 */
export function eventChange(
  ev: DockerEvent,
  project: string,
  startedAt: (containerId: string) => number | null = () => null,
): BrokerProcess | undefined {
  if (ev.Type !== undefined && ev.Type !== "container") return undefined;
  const attrs = ev.Actor?.Attributes;
  const containerId = ev.Actor?.ID;
  const id = brokerIdOf(attrs, project);
  if (id === undefined || !containerId) return undefined;
  const at = ev.timeNano ? Math.round(ev.timeNano / 1e6) : ev.time ? ev.time * 1000 : Date.now();
  switch (ev.Action) {
    case "start":
      return { id, containerId, status: "running", since: at };
    case "unpause":
      return { id, containerId, status: "running", since: startedAt(containerId) };
    case "pause":
      return { id, containerId, status: "paused", since: at };
    case "die": {
      const code = Number(attrs?.exitCode);
      return { id, containerId, status: "exited", since: at, detail: exitDetail(Number.isFinite(code) ? code : undefined) };
    }
    case "destroy":
      return { id, status: "missing", since: at, detail: "container removed" };
    default:
      return undefined;
  }
}
