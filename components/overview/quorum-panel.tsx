"use client";
import type { QuorumMember, QuorumState } from "@/lib/model/cluster";
import { Badge } from "@/components/ui/badge";
import { Card, CardTitle } from "@/components/ui/card";
import { formatAgo, formatInt } from "@/components/ui/format";

function MemberRow({ m, leaderId, now, observer }: { m: QuorumMember; leaderId: number; now: number; observer?: boolean }) {
  return (
    <tr data-testid={`quorum-member-${m.id}`} className="border-t border-slate-200 dark:border-slate-700">
      <th scope="row" className="py-1 text-left font-medium">
        {m.id}
      </th>
      <td>{m.id === leaderId ? <Badge tone="violet">leader</Badge> : observer ? "observer" : "follower"}</td>
      <td className="text-right tabular-nums">{formatInt(m.logEndOffset)}</td>
      <td className={`text-right tabular-nums ${m.lag > 0 ? "font-semibold text-amber-800 dark:text-amber-300" : ""}`}>{formatInt(m.lag)}</td>
      <td className="w-24 text-right text-xs tabular-nums">{m.lastFetchTimestamp ? formatAgo(m.lastFetchTimestamp, now) : "—"}</td>
    </tr>
  );
}

export function QuorumPanel({ quorum, at }: { quorum: QuorumState | null; at: number }) {
  return (
    <Card data-testid="quorum-panel" aria-labelledby="quorum-title">
      <CardTitle id="quorum-title" aside={quorum ? `epoch ${quorum.leaderEpoch} · HW ${formatInt(quorum.highWatermark)}` : undefined}>
        KRaft quorum
      </CardTitle>
      {!quorum ? (
        <p className="text-sm text-slate-700 dark:text-slate-300">The quorum could not be described (no controller answered).</p>
      ) : (
        <table className="w-full text-sm">
          <caption className="sr-only">Quorum voters and observers with log end offset and lag</caption>
          <thead className="text-xs text-slate-600 dark:text-slate-400">
            <tr>
              <th scope="col" className="text-left font-medium">Node</th>
              <th scope="col" className="text-left font-medium">Role</th>
              <th scope="col" className="text-right font-medium">Log end</th>
              <th scope="col" className="text-right font-medium">Lag</th>
              <th scope="col" className="text-right font-medium">Fetched</th>
            </tr>
          </thead>
          <tbody>
            {quorum.voters.map((m) => (
              <MemberRow key={`v${m.id}`} m={m} leaderId={quorum.leaderId} now={at} />
            ))}
            {quorum.observers.map((m) => (
              <MemberRow key={`o${m.id}`} m={m} leaderId={quorum.leaderId} now={at} observer />
            ))}
          </tbody>
        </table>
      )}
      {quorum && quorum.leaderId < 0 && (
        <p role="alert" className="mt-2 text-sm font-semibold text-red-800 dark:text-red-300">The quorum has no leader.</p>
      )}
    </Card>
  );
}
