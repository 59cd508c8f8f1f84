import type { BrokerState, ClusterHealth } from "@/lib/model/cluster";
import type { TimelineEntry } from "@/lib/model/cluster";
import type { Tone } from "@/components/ui/badge";

export const STATE_TONE: Record<BrokerState, Tone> = {
  RUNNING: "green",
  STARTING: "blue",
  RECOVERING: "amber",
  PARTITIONED: "violet",
  SHUTDOWN: "red",
  UNRESPONSIVE: "violet",
};

export const HEALTH_LOOK: Record<ClusterHealth, string> = {
  HEALTHY: "border-emerald-300 bg-emerald-50 text-emerald-950 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-100",
  DEGRADED: "border-amber-300 bg-amber-50 text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100",
  CRITICAL: "border-red-300 bg-red-50 text-red-950 dark:border-red-800 dark:bg-red-950 dark:text-red-100",
  UNREACHABLE: "border-slate-400 bg-slate-200 text-slate-950 dark:border-slate-500 dark:bg-slate-800 dark:text-slate-100",
};

export const HEALTH_TONE: Record<ClusterHealth, Tone> = {
  HEALTHY: "green",
  DEGRADED: "amber",
  CRITICAL: "red",
  UNREACHABLE: "slate",
};

export const SEVERITY_TONE: Record<TimelineEntry["severity"], Tone> = {
  info: "blue",
  ok: "green",
  warn: "amber",
  critical: "red",
};
