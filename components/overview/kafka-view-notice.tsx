"use client";
// Kafka's metadata lags what is known: a broker that died stays in ISRs until
// it is fenced, and nothing changes at all without an active controller. This
// says so beside the figures, so "0 under-replicated" from Kafka is not read
// as the truth while the effective figures say otherwise.
import type { ClusterSnapshot, ViewDifference } from "@/lib/model/cluster";
import { formatClock, formatDuration, formatInt } from "@/components/ui/format";
import { useNow } from "@/components/ui/use-now";

const ROWS = [
  { key: "underReplicated", label: "Under-replicated" },
  { key: "underMinIsr", label: "Under min ISR" },
  { key: "offline", label: "Offline" },
] as const;

function FenceCountdown({ at, now }: { at: number; now: number }) {
  // Past the deadline the estimate was wrong (or the controller is slow): say so rather than show 0.
  const words = at >= now ? `fenced in ~${Math.round((at - now) / 1000)} s` : `fence expected ${formatDuration(now - at)} ago`;
  return (
    <>
      {" "}
      <span data-testid="fence-countdown" className="whitespace-nowrap font-semibold tabular-nums">
        ({words})
      </span>
    </>
  );
}

function Difference({ d, now }: { d: ViewDifference; now: number }) {
  return (
    <li data-testid={`view-difference-${d.brokerId}`}>
      {d.message}
      {d.fenceExpectedAt !== null && <FenceCountdown at={d.fenceExpectedAt} now={now} />}
    </li>
  );
}

/** Whether there is anything to say: lets the page skip the notice's slot (and its gap) entirely. */
export function kafkaViewDiffers(s: Pick<ClusterSnapshot, "viewDifferences" | "metadataFrozenSince">): boolean {
  return s.viewDifferences.length > 0 || s.metadataFrozenSince !== null;
}

export function KafkaViewNotice({ snapshot }: { snapshot: ClusterSnapshot }) {
  const now = useNow();
  const { viewDifferences: differences, metadataFrozenSince: frozen, kafkaView, figures } = snapshot;
  if (!kafkaViewDiffers(snapshot)) return null;
  return (
    <section
      data-testid="kafka-view-notice"
      aria-labelledby="kafka-view-title"
      className="flex flex-col gap-3 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950 sm:flex-row sm:items-start sm:justify-between dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100"
    >
      <div className="min-w-0">
        <h2 id="kafka-view-title" className="font-semibold">
          Kafka&apos;s view differs from what is known
        </h2>
        {frozen !== null && (
          <p data-testid="metadata-frozen" className="tabular-nums">
            Metadata frozen since {formatClock(frozen)} (no active controller), for {formatDuration(now - frozen)}.
          </p>
        )}
        {differences.length > 0 && (
          <ul className="mt-1 list-disc pl-5">
            {differences.map((d) => (
              <Difference key={d.brokerId} d={d} now={now} />
            ))}
          </ul>
        )}
        {figures.leaderDown > 0 && (
          <p className="mt-1">
            {formatInt(figures.leaderDown)} partition{figures.leaderDown === 1 ? " is" : "s are"} led by a broker known down: writes to{" "}
            {figures.leaderDown === 1 ? "it" : "them"} stall until Kafka elects a new leader.
          </p>
        )}
      </div>
      <table data-testid="kafka-view-compare" className="shrink-0 text-xs tabular-nums">
        <caption className="sr-only">Partition figures as Kafka states them and as they effectively are</caption>
        <thead>
          <tr>
            <td />
            <th scope="col" className="px-2 text-right font-medium">Kafka&apos;s view</th>
            <th scope="col" className="px-2 text-right font-medium">Effective</th>
          </tr>
        </thead>
        <tbody>
          {ROWS.map(({ key, label }) => (
            <tr key={key}>
              <th scope="row" className="pr-2 text-left font-medium">{label}</th>
              <td className="px-2 text-right">{formatInt(kafkaView[key])}</td>
              <td className={`px-2 text-right ${figures[key] !== kafkaView[key] ? "font-bold" : ""}`}>{formatInt(figures[key])}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
