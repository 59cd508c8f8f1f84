import type { RuntimeInfo } from "@/lib/model/cluster";

export function ReadOnlyNotice({ runtime }: { runtime: RuntimeInfo }) {
  const why =
    runtime.kind === "none"
      ? "This dashboard monitors an existing cluster (RUNTIME=none): it watches the brokers but does not run them."
      : `The ${runtime.kind} runtime is not available: ${runtime.reason ?? "no reason given"}.`;
  return (
    <div data-testid="read-only-notice" role="note" className="rounded-md border border-sky-300 bg-sky-50 px-3 py-2 text-sm text-sky-950 dark:border-sky-800 dark:bg-sky-950 dark:text-sky-100">
      <strong className="font-semibold">Read-only.</strong> {why} Broker controls are disabled.
    </div>
  );
}
