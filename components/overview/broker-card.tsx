"use client";
import type { BrokerView, RuntimeInfo } from "@/lib/model/cluster";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { formatBytes, formatBytesRate, formatInt } from "@/components/ui/format";
import type { ActionButton } from "./action-rules";
import { BrokerActions } from "./broker-actions";
import { FaultLine } from "./fault-line";
import { nodeName } from "./node-name";
import { ProbeLine } from "./probe-line";
import { RuntimeLine } from "./runtime-line";
import { STATE_TONE } from "./tones";

export interface BrokerCardProps {
  broker: BrokerView;
  /** Kafka's last view of this broker, shown greyed while the cluster does not answer. */
  lastKnown: BrokerView | null;
  buttons: ActionButton[];
  busyAction: string | null;
  error: string | null;
  onAction: (action: ActionButton["action"]) => void;
  runtime: RuntimeInfo;
  /** Many nodes on screen: tighter spacing, the address and rates left out. */
  compact?: boolean;
}

const LABEL = "text-slate-600 dark:text-slate-400";

function DataFacts({ b, rates }: { b: BrokerView; rates: boolean }) {
  return (
    <>
      <dt className={LABEL}>Leaders</dt>
      <dd data-testid={`broker-leaders-${b.id}`} className="tabular-nums">
        {formatInt(b.leaderCount)} <span className={`text-xs ${LABEL}`}>of {formatInt(b.replicaCount)} replicas</span>
      </dd>
      <dt className={LABEL}>Out of ISR</dt>
      <dd className={`tabular-nums ${b.outOfSyncCount > 0 ? "font-semibold text-amber-800 dark:text-amber-300" : ""}`}>{formatInt(b.outOfSyncCount)}</dd>
      <dt className={LABEL}>Disk</dt>
      <DiskFacts b={b} />
      {rates && b.rates && (
        <>
          <dt className={LABEL}>Bytes in/out</dt>
          <dd className="truncate text-xs tabular-nums">
            {formatBytesRate(b.rates.bytesInPerSec)} / {formatBytesRate(b.rates.bytesOutPerSec)}
          </dd>
        </>
      )}
    </>
  );
}

/** Log dirs' size and the free share of their filesystem; "≈" when a log dir did not answer (its replicas are left out). */
function DiskFacts({ b }: { b: BrokerView }) {
  const d = b.disk;
  if (!d) return <dd data-testid={`broker-disk-${b.id}`} className="text-xs text-slate-600 dark:text-slate-400">not sampled yet</dd>;
  const free = d.totalBytes !== null && d.usableBytes !== null && d.totalBytes > 0 ? d.usableBytes / d.totalBytes : null;
  const low = free !== null && free < 0.1;
  return (
    <dd
      data-testid={`broker-disk-${b.id}`}
      data-size={d.sizeBytes}
      data-free={free === null ? undefined : free.toFixed(4)}
      className={`truncate text-xs tabular-nums ${low ? "font-semibold text-red-800 dark:text-red-300" : ""}`}
      title={d.estimate ? `estimate: ${d.error ?? "a log dir did not answer"}` : `log dirs sampled ${new Date(d.at).toLocaleTimeString()}`}
    >
      {d.estimate ? "≈ " : ""}
      {formatBytes(d.sizeBytes)} · {free === null ? "free unknown" : `${Math.round(free * 100)} % free`}
    </dd>
  );
}

export function BrokerCard({ broker: b, lastKnown, buttons, busyAction, error, onAction, runtime, compact = false }: BrokerCardProps) {
  const kafka = lastKnown ?? b;
  const headingId = `broker-${b.id}-title`;
  const name = nodeName(b);
  return (
    <Card
      data-testid={`broker-card-${b.id}`}
      data-state={b.state}
      data-role={b.controllerOnly ? "controller" : "broker"}
      data-leaders={kafka.leaderCount}
      aria-labelledby={headingId}
      className={`flex flex-col ${compact ? "gap-2 !p-3" : "gap-3"}`}
    >
      <div className="flex items-center justify-between gap-2">
        <h3 id={headingId} className="text-base font-semibold">
          {name}
          {!compact && (
            <span className="ml-2 text-xs font-normal text-slate-600 dark:text-slate-400">
              {b.controllerOnly ? "KRaft controller, no data" : b.host !== null ? `${b.host}:${b.port}` : "address unknown"}
            </span>
          )}
        </h3>
        <Badge data-testid={`broker-state-${b.id}`} tone={STATE_TONE[b.state]} className={`${compact ? "w-24" : "w-28"} py-1 text-sm`}>
          {b.state}
        </Badge>
      </div>
      <p className="min-h-5 truncate text-xs text-slate-700 dark:text-slate-300" title={b.reason}>
        {b.reason}
      </p>
      <dl
        data-stale={lastKnown ? "true" : "false"}
        className={`grid grid-cols-2 gap-x-3 gap-y-1 ${compact ? "text-xs" : "text-sm"} ${lastKnown ? "opacity-60 grayscale" : ""}`}
        title={lastKnown ? "last known: the cluster is not answering" : undefined}
      >
        <dt className={LABEL}>Role</dt>
        <dd data-testid={`broker-role-${b.id}`} className="flex gap-1">
          {kafka.isController ? <Badge tone="violet">active controller</Badge> : kafka.isVoter ? <Badge>{b.controllerOnly ? "standby controller" : "voter"}</Badge> : <span>broker</span>}
        </dd>
        {b.controllerOnly ? (
          <>
            <dt className={LABEL}>Data</dt>
            <dd className="text-xs">metadata only</dd>
          </>
        ) : (
          <DataFacts b={kafka} rates={!compact} />
        )}
      </dl>
      <RuntimeLine broker={b} runtime={runtime} />
      <FaultLine broker={b} />
      {!b.controllerOnly && <ProbeLine broker={b} />}
      <BrokerActions brokerId={b.id} name={name} buttons={buttons} busyAction={busyAction} onAction={onAction} />
      {error && (
        <p role="alert" data-testid={`broker-error-${b.id}`} className="text-xs text-red-800 dark:text-red-300">
          {error}
        </p>
      )}
    </Card>
  );
}
