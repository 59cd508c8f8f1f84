// Docker's view of a container mapped onto the runtime's statuses. Pure, so
// the mapping is unit-tested with plain data.
import type { BrokerProcess } from "./types";

/** The fields of a container inspect's State this module reads. */
export interface ContainerStateView {
  Status?: string;
  Running?: boolean;
  Paused?: boolean;
  Restarting?: boolean;
  OOMKilled?: boolean;
  ExitCode?: number;
  StartedAt?: string;
  FinishedAt?: string;
}

/** Epoch ms of a Docker timestamp; null for Docker's "never" (year 1) or garbage. */
export function dockerTime(s: string | undefined): number | null {
  if (!s || s.startsWith("0001-")) return null;
  const ms = Date.parse(s);
  return Number.isFinite(ms) ? ms : null;
}

/** Words for an exit code: 137 is SIGKILL (docker kill, OOM), 143 SIGTERM (docker stop). */
export function exitDetail(code: number | undefined, oomKilled = false): string {
  if (code === undefined) return "exited";
  const signal = code > 128 && code < 160 ? SIGNALS[code - 128] : undefined;
  const how = signal ? ` (${signal})` : "";
  return `exit code ${code}${how}${oomKilled ? ", out of memory" : ""}`;
}

const SIGNALS: Record<number, string> = { 2: "SIGINT", 6: "SIGABRT", 9: "SIGKILL", 15: "SIGTERM" };

/**
 * running / paused / exited from a container's State. Docker keeps no pause
 * time, so a paused container's `since` comes from the caller (when we saw it).
 */
export function containerProcess(
  id: number,
  containerId: string,
  state: ContainerStateView,
  pausedAt: number | null = null,
): BrokerProcess {
  const base = { id, containerId };
  if (state.Paused) return { ...base, status: "paused", since: pausedAt };
  if (state.Restarting) return { ...base, status: "exited", since: dockerTime(state.FinishedAt), detail: "restarting" };
  if (state.Running) return { ...base, status: "running", since: dockerTime(state.StartedAt) };
  if (state.Status === "created") return { ...base, status: "exited", since: null, detail: "created, never started" };
  return { ...base, status: "exited", since: dockerTime(state.FinishedAt), detail: exitDetail(state.ExitCode, state.OOMKilled) };
}

export function missingProcess(id: number, project: string): BrokerProcess {
  return {
    id,
    status: "missing",
    since: null,
    detail: `no container of cluster ${project} runs broker ${id}: run scripts/docker-setup.sh -p ${project}`,
  };
}
