"use client";
// A network fault of ours on this broker, and for how long: the cause of its
// PARTITIONED state, shown where the operator who clicked it will look.
import type { BrokerView } from "@/lib/model/cluster";
import type { NetworkFault } from "@/lib/model/runtime";
import { formatDuration } from "@/components/ui/format";
import { useNow } from "@/components/ui/use-now";

const WORDS = { partition: "partitioned from its peers", isolate: "isolated from peers and clients", slow: "slowed" } as const;

function words(f: NetworkFault): string {
  if (f.kind !== "slow" || !f.params) return WORDS[f.kind];
  return `slowed: every answer ${f.params.delayMs} ms later${f.params.jitterMs > 0 ? ` (± ${f.params.jitterMs} ms)` : ""}`;
}

export function FaultLine({ broker: b }: { broker: BrokerView }) {
  const now = useNow();
  const faults = b.runtime?.faults ?? [];
  if (faults.length === 0) return null;
  return (
    <p data-testid={`broker-fault-${b.id}`} data-faults={faults.map((f) => f.kind).join(",")} className="rounded bg-violet-100 px-2 py-1 text-xs font-medium text-violet-900 dark:bg-violet-950 dark:text-violet-200">
      Network fault: {faults.map((f) => `${words(f)} for ${formatDuration(now - f.since)}`).join("; ")}
    </p>
  );
}
