// Where the charts mark what the drill did: every step of a scenario, or (a
// version-1 report) the kill and the restart. Pure.
import type { Marker } from "@/components/charts/series";
import type { StepRecord } from "@/lib/drill/steps";

const SHORT: Record<string, string> = { pause: "freeze", resume: "thaw" };

export function drillMarkers(input: {
  steps?: readonly Pick<StepRecord, "startedAt" | "action" | "brokerId">[];
  killedAt: number | null;
  restartedAt: number | null;
  targetBrokerId: number | null;
  mode: string;
}): Marker[] {
  const ran = (input.steps ?? []).filter((s) => s.startedAt !== null);
  if (ran.length > 0) return ran.map((s) => ({ at: s.startedAt!, label: `${SHORT[s.action] ?? s.action} ${s.brokerId}` }));
  const who = input.targetBrokerId ?? "";
  return [
    ...(input.killedAt !== null ? [{ at: input.killedAt, label: `${input.mode} ${who}`.trim() }] : []),
    ...(input.restartedAt !== null ? [{ at: input.restartedAt, label: `back ${who}`.trim() }] : []),
  ];
}
