import type { ConsumerGroupLag } from "@/lib/model/cluster";
import { Card, CardTitle } from "@/components/ui/card";
import { formatInt } from "@/components/ui/format";

export function ConsumerGroups({ groups }: { groups: ConsumerGroupLag[] }) {
  const sorted = [...groups].sort((a, b) => b.totalLag - a.totalLag || a.groupId.localeCompare(b.groupId));
  return (
    <Card data-testid="consumer-groups" aria-labelledby="groups-title">
      <CardTitle id="groups-title" aside={`${groups.length} groups, most lag first`}>
        Consumer-group lag
      </CardTitle>
      {sorted.length === 0 ? (
        <p className="text-sm text-slate-700 dark:text-slate-300">No consumer groups.</p>
      ) : (
        <table className="w-full table-fixed text-sm">
          <caption className="sr-only">Consumer groups with their lag per topic</caption>
          <thead className="text-xs text-slate-600 dark:text-slate-400">
            <tr>
              <th scope="col" className="text-left font-medium">Group</th>
              <th scope="col" className="w-28 text-left font-medium">State</th>
              <th scope="col" className="w-20 text-right font-medium">Members</th>
              <th scope="col" className="w-28 text-right font-medium">Total lag</th>
              <th scope="col" className="text-left font-medium pl-4">Per topic</th>
            </tr>
          </thead>
          <tbody>
            {sorted.slice(0, 200).map((g) => (
              <tr key={g.groupId} className="border-t border-slate-200 tabular-nums dark:border-slate-700">
                <th scope="row" className="truncate py-1 text-left font-medium">{g.groupId}</th>
                <td>{g.state}</td>
                <td className="text-right">{formatInt(g.members)}</td>
                <td className={`text-right ${g.totalLag > 0 ? "font-semibold" : ""}`}>{formatInt(g.totalLag)}</td>
                <td className="truncate pl-4 text-xs">{g.topics.map((t) => `${t.topic}: ${formatInt(t.lag)}`).join(", ") || "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Card>
  );
}
