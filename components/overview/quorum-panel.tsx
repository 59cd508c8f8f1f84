"use client";
// The KRaft quorum as judged (ok / electing / lost) and as each voter answers
// for itself. Only a voter answering as leader proves an active controller, so
// "no leader confirmed" is an alert, never a neutral "could not be described".
import type { QuorumState, QuorumStatus, QuorumVerdict } from "@/lib/model/cluster";
import { Badge, type Tone } from "@/components/ui/badge";
import { Card, CardTitle } from "@/components/ui/card";
import { formatAgo, formatClock, formatInt } from "@/components/ui/format";
import { useNow } from "@/components/ui/use-now";
import { namedLeader, quorumRows, type QuorumRow } from "./quorum-rows";

const STATUS_TONE: Record<QuorumStatus, Tone> = { ok: "green", electing: "amber", lost: "red" };
const muted = "text-slate-600 dark:text-slate-400";

function Answer({ row, now }: { row: QuorumRow; now: number }) {
  const v = row.view;
  if (!v) return <span className={muted}>{row.observer ? "—" : "not asked"}</span>;
  const last = v.lastAnsweredAt !== null ? `last answered ${formatAgo(v.lastAnsweredAt, now)}` : "never answered";
  return (
    <span className="flex flex-col">
      {v.answered ? <span>answered</span> : <span className="font-semibold text-red-800 dark:text-red-300">no answer</span>}
      {v.error && (
        <span className="max-w-40 truncate text-red-800 dark:text-red-300" title={v.error}>
          {v.error}
        </span>
      )}
      <span className={`tabular-nums ${muted}`}>{last}</span>
    </span>
  );
}

function MemberRow({ row, now, at }: { row: QuorumRow; now: number; at: number }) {
  const m = row.member;
  return (
    <tr data-testid={`quorum-member-${row.id}`} className="border-t border-slate-200 align-top dark:border-slate-700">
      <th scope="row" className="py-1 text-left font-medium">
        <span className="flex items-center gap-1">
          {row.id}
          {row.leader ? <Badge tone="violet">leader</Badge> : <span className={`text-xs font-normal ${muted}`}>{row.observer ? "observer" : "voter"}</span>}
        </span>
      </th>
      <td className="py-1 tabular-nums">{namedLeader(row.view)}</td>
      <td className="py-1">
        <Answer row={row} now={now} />
      </td>
      <td className="py-1 text-right tabular-nums">{m ? formatInt(m.logEndOffset) : "—"}</td>
      <td className={`py-1 text-right tabular-nums ${m && m.lag > 0 ? "font-semibold text-amber-800 dark:text-amber-300" : ""}`}>{m ? formatInt(m.lag) : "—"}</td>
      <td className="py-1 text-right tabular-nums">{m?.lastFetchTimestamp ? formatAgo(m.lastFetchTimestamp, at) : "—"}</td>
    </tr>
  );
}

export interface QuorumPanelProps {
  verdict: QuorumVerdict;
  /** The leader's own DescribeQuorum answer: log end, lag and fetch times; null without a leader. */
  quorum: QuorumState | null;
  /** The snapshot's time: the leader's fetch timestamps are relative to it. */
  at: number;
}

export function QuorumPanel({ verdict, quorum, at }: QuorumPanelProps) {
  const now = useNow();
  const rows = quorumRows(verdict, quorum);
  const confirmed = verdict.activeControllerId !== null;
  return (
    <Card data-testid="quorum-panel" aria-labelledby="quorum-title">
      <CardTitle id="quorum-title" aside={quorum ? `epoch ${quorum.leaderEpoch} · HW ${formatInt(quorum.highWatermark)}` : undefined}>
        KRaft quorum
      </CardTitle>
      <div className="mb-2 flex items-start gap-2 text-sm">
        <Badge data-testid="quorum-status" tone={STATUS_TONE[verdict.status]} className="w-16 shrink-0">
          {verdict.status}
        </Badge>
        {/* Without a confirmed leader the reason goes in the alert below, said once. */}
        {confirmed && <p data-testid="quorum-reason">{verdict.reason}</p>}
      </div>
      <p className={`mb-2 text-xs tabular-nums ${muted}`}>
        {verdict.alive} of {verdict.voters} voters alive · majority {verdict.majority}
        {verdict.down.length > 0 && ` · down: ${verdict.down.join(", ")}`} · asked via {verdict.via}
      </p>
      {!confirmed && (
        <p role="alert" data-testid="quorum-no-leader" className="mb-2 text-sm text-red-800 dark:text-red-300">
          <strong className="font-semibold">No active controller</strong>
          {verdict.noLeaderSince !== null && <span className="tabular-nums"> since {formatClock(verdict.noLeaderSince)}</span>}: {verdict.reason}
        </p>
      )}
      {rows.length > 0 && (
        <table className="w-full text-xs">
          <caption className="sr-only">Quorum voters and observers: the leader each names, whether it answered, log end offset, lag and last fetch</caption>
          <thead className={muted}>
            <tr>
              <th scope="col" className="text-left font-medium">Node</th>
              <th scope="col" className="text-left font-medium" title="The active controller this voter believes in">Names</th>
              <th scope="col" className="text-left font-medium">Answer</th>
              <th scope="col" className="text-right font-medium">Log end</th>
              <th scope="col" className="text-right font-medium">Lag</th>
              <th scope="col" className="text-right font-medium">Fetched</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <MemberRow key={`${r.observer ? "o" : "v"}${r.id}`} row={r} now={now} at={at} />
            ))}
          </tbody>
        </table>
      )}
    </Card>
  );
}
