// The comparison's three tables: parameters, criteria, key figures, each with
// A and B side by side. A value a report does not have says so in words; a
// change says "better" or "worse" in words too, not by colour alone.
import type { CriterionFact } from "@/lib/drill/report-facts";
import type { CriterionLine, FigureLine, ParamLine } from "@/lib/drill/report-compare";
import { diffText, figureText } from "@/lib/drill/report-format";

const th = "px-2 py-1 text-left text-xs font-medium text-slate-600 dark:text-slate-400";
const td = "px-2 py-1 align-top";
const absent = <span className="text-xs italic text-slate-500 dark:text-slate-400">not in this report</span>;

function Head({ cols }: { cols: string[] }) {
  return (
    <thead>
      <tr className="border-b border-slate-200 dark:border-slate-700">
        {cols.map((c) => (
          <th key={c} scope="col" className={th}>
            {c}
          </th>
        ))}
      </tr>
    </thead>
  );
}

export function ParamsTable({ lines }: { lines: ParamLine[] }) {
  return (
    <table className="w-full text-sm" aria-label="Parameters of A and B">
      <Head cols={["parameter", "A", "B"]} />
      <tbody>
        {lines.map((l) => (
          <tr key={l.key} className={`border-b border-slate-100 dark:border-slate-800 ${l.differs ? "bg-amber-50 dark:bg-amber-950/40" : ""}`}>
            <th scope="row" className={`${td} text-left font-normal`}>
              {l.label}
              {l.differs && " "}
              {l.differs && <span className="text-xs text-amber-800 dark:text-amber-300">(differs)</span>}
            </th>
            <td className={td}>{l.a ?? absent}</td>
            <td className={td}>{l.b ?? absent}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Verdict({ c }: { c: CriterionFact | null }) {
  if (!c) return absent;
  return (
    <span>
      <span className={`font-semibold ${c.passed ? "text-emerald-800 dark:text-emerald-300" : "text-red-800 dark:text-red-300"}`}>{c.passed ? "PASS" : "FAIL"}</span> <span className="font-mono">{c.measured}</span>{" "}
      <span className="text-xs text-slate-600 dark:text-slate-400">({c.rule})</span>
    </span>
  );
}

export function CriteriaTable({ lines }: { lines: CriterionLine[] }) {
  return (
    <table className="w-full text-sm" aria-label="Criteria of A and B">
      <Head cols={["criterion", "A", "B"]} />
      <tbody>
        {lines.map((l) => (
          <tr key={l.name} className="border-b border-slate-100 dark:border-slate-800">
            <th scope="row" className={`${td} text-left font-normal`}>
              {l.name}
            </th>
            <td className={td}>
              <Verdict c={l.a} />
            </td>
            <td className={td}>
              <Verdict c={l.b} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const CHANGE_TONE = { better: "text-emerald-800 dark:text-emerald-300", worse: "text-red-800 dark:text-red-300", same: "text-slate-600 dark:text-slate-400" } as const;

function Value({ line, side }: { line: FigureLine; side: "a" | "b" }) {
  const f = line[side];
  if (!f) return absent;
  return (
    <span className="font-mono tabular-nums">
      {figureText(f.value, line.unit)}
      {f.note && " "}
      {f.note && <span className="font-sans text-xs text-slate-500 dark:text-slate-400">({f.note})</span>}
    </span>
  );
}

export function FiguresTable({ lines }: { lines: FigureLine[] }) {
  return (
    <table className="w-full text-sm" aria-label="Key figures of A and B">
      <Head cols={["figure", "A", "B", "B − A"]} />
      <tbody>
        {lines.map((l) => (
          <tr key={l.key} data-figure={l.key} className="border-b border-slate-100 dark:border-slate-800">
            <th scope="row" className={`${td} text-left font-normal`}>
              {l.label}
            </th>
            <td className={td} data-side="a">
              <Value line={l} side="a" />
            </td>
            <td className={td} data-side="b">
              <Value line={l} side="b" />
            </td>
            <td className={`${td} font-mono tabular-nums`} data-side="diff">
              {l.diff === null ? "—" : diffText(l.diff, l.unit)}
              {l.change && l.change !== "same" && " "}
              {l.change && l.change !== "same" && <span className={`font-sans text-xs ${CHANGE_TONE[l.change]}`}>{l.change}</span>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
