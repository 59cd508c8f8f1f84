// What each scenario is called on the page, and one sentence on what it does.
import type { DrillScenario } from "@/lib/drill/params";

export const SCENARIO_LABEL: Record<DrillScenario, string> = {
  single: "Drill",
  "controller-failover": "Controller failover",
  "rolling-restart": "Rolling restart",
  cascade: "Cascade",
  safety: "Safety comparison",
};

export const SCENARIO_HELP: Record<DrillScenario, string> = {
  single: "Break one broker at peak (kill, stop, freeze or a network fault), bring it back later.",
  "controller-failover": "Break the active KRaft controller at peak: a controller election on top of the leader moves.",
  "rolling-restart": "Restart every broker in turn, each once the previous is back in every ISR — the zero-downtime upgrade. The controller goes last.",
  cascade: "Break a second broker while the first is still down: on 3 nodes the quorum and min ISR are lost, writes must fail and say so, nothing acknowledged may be lost.",
  safety: "What if we hadn't: the same fault on two scratch topics, unsafe settings (acks=1, min ISR 1, unclean election) vs the safe ones, read back. About a minute and a half.",
};
