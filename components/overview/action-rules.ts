// Which broker buttons make sense now, and if not, why. Pure, so the rules read
// in one place: the runtime status decides, Kafka's view of the broker does not.
import type { BrokerView, RuntimeInfo } from "@/lib/model/cluster";
import { faultLabel, type BrokerAction } from "@/lib/model/runtime";
import { nodeName } from "./node-name";

export interface ActionButton {
  action: BrokerAction;
  /** Null when the action can be run now. */
  disabledReason: string | null;
}

/** Actions that take a broker (or its leadership) away: they ask first. */
export const DESTRUCTIVE: ReadonlySet<BrokerAction> = new Set<BrokerAction>(["kill", "stop", "pause", "restart", "partition", "isolate", "slow"]);

export const ACTION_LABEL: Record<BrokerAction, string> = {
  kill: "Kill",
  stop: "Stop",
  pause: "Pause",
  resume: "Resume",
  restart: "Restart",
  start: "Start",
  partition: "Partition",
  isolate: "Isolate",
  slow: "Slow",
  heal: "Heal",
};

export const ACTION_EFFECT: Record<BrokerAction, string> = {
  kill: "SIGKILL: the broker dies at once, with no controlled shutdown. Partitions it leads have no leader until the controller elects new ones from the ISR.",
  stop: "Graceful SIGTERM: Kafka's controlled shutdown moves leadership to other brokers first, then the process exits. This can take several seconds.",
  pause: "SIGSTOP: the process freezes with its sockets open and stops answering; the controller fences it once its session times out.",
  resume: "SIGCONT: the frozen process carries on where it stopped.",
  restart: "Graceful stop, then start again: the broker re-registers and catches up before it is back in every ISR.",
  start: "Starts the broker process; it re-registers and catches up.",
  partition:
    "Cuts the broker off from the other nodes (replication and KRaft traffic, both ways) while clients can still reach it. The controller fences it after its session times out and moves its leaders; writes through it fail.",
  isolate: "Cuts the broker off from the other nodes and from every client: nothing reaches it, it reaches nothing.",
  slow: "Everything that talks to the broker (clients, its peers' replication and KRaft traffic) waits this much longer for each answer, through a proxy in front of its ports. It stays in the cluster: writes to the partitions it leads slow down, and so do acks=all writes it must replicate.",
  heal: "Removes every network fault on the broker; it re-registers and catches up before it is back in every ISR.",
};

export interface ActionContext {
  runtime: RuntimeInfo;
  serverDown: boolean;
  /** An action on this broker is in flight. */
  busy: boolean;
}

function commonReason(b: BrokerView, ctx: ActionContext): string | null {
  if (ctx.runtime.kind === "none") return "Read-only: this dashboard does not run the brokers (RUNTIME=none)";
  if (!ctx.runtime.available) return `Runtime unavailable: ${ctx.runtime.reason ?? "unknown reason"}`;
  if (ctx.serverDown) return "The dashboard server is not answering";
  if (ctx.busy) return "An action on this broker is in progress";
  if (!b.runtime) return `${nodeName(b)} is not run by this dashboard's runtime`;
  return null;
}

export function actionButtons(b: BrokerView, ctx: ActionContext): ActionButton[] {
  const common = commonReason(b, ctx);
  const status = b.runtime?.status;
  const alive = status === "running" || status === "paused";
  const notRunning = `${nodeName(b)} is not running (${status ?? "unknown"})`;
  const reason = (a: BrokerAction): string | null => {
    if (common) return common;
    switch (a) {
      case "kill":
      case "stop":
        return alive ? null : notRunning;
      case "pause":
        return status === "paused" ? `${nodeName(b)} is already paused` : alive ? null : notRunning;
      case "resume":
        return status === "paused" ? null : `${nodeName(b)} is not paused`;
      case "restart":
        return status === "missing" ? (b.runtime?.detail ?? "Broker storage is missing") : null;
      case "start":
        return status === "missing" ? (b.runtime?.detail ?? "Broker storage is missing") : alive ? "Already running" : null;
      case "partition":
      case "isolate":
      case "slow":
        if (faulted) return `${nodeName(b)} is already ${faults.map(faultLabel).join(", ")}: heal it first`;
        if (a === "slow" && slowOff) return slowOff;
        return faultsOff ?? (status === "running" ? null : notRunning);
      case "heal":
        return faulted ? null : `${nodeName(b)} has no network fault`;
    }
  };
  const faults = b.runtime?.faults ?? [];
  const faulted = faults.length > 0;
  const faultsOff = ctx.runtime.faults && !ctx.runtime.faults.available ? `Network faults unavailable: ${ctx.runtime.faults.reason ?? "unknown reason"}` : null;
  const slowInfo = ctx.runtime.faults?.slow;
  const slowOff = slowInfo && !slowInfo.available ? `Slow unavailable: ${slowInfo.reason ?? "unknown reason"}` : null;
  const shown: BrokerAction[] = ["kill", "stop", "pause", "resume", "restart"];
  if (status === "exited" || status === "missing") shown.push("start");
  if (ctx.runtime.faults) shown.push(...(faulted ? (["heal"] as const) : (["partition", "isolate", "slow"] as const)));
  return shown.map((action) => ({ action, disabledReason: reason(action) }));
}
