// Two reports lined up: parameters, criteria and key figures by key, with the
// difference B − A and whether it is better or worse. Reports of different
// kinds (or a version-1 drill beside a version-2 one) compare on what both
// measure, and the comparison says in words what only one of them has.
import type { AnyReport } from "./progress";
import { reportFacts, type CriterionFact, type FigureFact, type ReportFacts } from "./report-facts";
import type { FigureUnit } from "./report-format";

export interface ParamLine {
  key: string;
  label: string;
  a: string | null;
  b: string | null;
  differs: boolean;
}

export interface CriterionLine {
  name: string;
  a: CriterionFact | null;
  b: CriterionFact | null;
}

export interface FigureLine {
  key: string;
  label: string;
  unit: FigureUnit;
  /** Absent: that report does not measure it. */
  a?: FigureFact;
  b?: FigureFact;
  /** B − A, when both have a value. */
  diff: number | null;
  change: "better" | "worse" | "same" | null;
}

export interface ReportComparison {
  a: Omit<ReportFacts, "params" | "criteria" | "figures">;
  b: Omit<ReportFacts, "params" | "criteria" | "figures">;
  sameKind: boolean;
  params: ParamLine[];
  criteria: CriterionLine[];
  /** Figures both measure first, then those only one has. */
  figures: FigureLine[];
  /** Sentences on what the two do not share. */
  notShared: string[];
}

/** Keys of both lists, A's order first. */
function keysOf<T>(a: readonly T[], b: readonly T[], key: (x: T) => string): string[] {
  return [...new Set([...a.map(key), ...b.map(key)])];
}

function changeOf(diff: number | null, better: FigureFact["better"]): FigureLine["change"] {
  if (diff === null || better === null) return null;
  if (Math.abs(diff) < 1e-9) return "same";
  return (diff < 0) === (better === "lower") ? "better" : "worse";
}

function figureLines(a: ReportFacts, b: ReportFacts): FigureLine[] {
  const lines = keysOf(a.figures, b.figures, (f) => f.key).map((key): FigureLine => {
    const fa = a.figures.find((f) => f.key === key);
    const fb = b.figures.find((f) => f.key === key);
    const any = (fa ?? fb)!;
    const diff = fa && fb && fa.value !== null && fb.value !== null ? fb.value - fa.value : null;
    return { key, label: any.label, unit: any.unit, ...(fa ? { a: fa } : {}), ...(fb ? { b: fb } : {}), diff, change: changeOf(diff, any.better) };
  });
  const both = (l: FigureLine) => (l.a && l.b ? 0 : 1);
  return lines.sort((x, y) => both(x) - both(y));
}

function notShared(a: ReportFacts, b: ReportFacts, figures: readonly FigureLine[]): string[] {
  const out: string[] = [];
  if (a.kind !== b.kind) {
    const shared = figures.filter((l) => l.a && l.b).length;
    out.push(`A is a ${a.kindLabel}, B a ${b.kindLabel}: they compare on the ${shared} figure${shared === 1 ? "" : "s"} both measure and the parameters both have.`);
  }
  const only = (side: "A" | "B", pick: (l: FigureLine) => boolean) => {
    const labels = figures.filter(pick).map((l) => l.label);
    if (labels.length > 0) out.push(`Only ${side} measures: ${labels.join("; ")}.`);
  };
  only("A", (l) => Boolean(l.a && !l.b));
  only("B", (l) => Boolean(l.b && !l.a));
  for (const g of a.gaps) out.push(`A is ${g}.`);
  for (const g of b.gaps) out.push(`B is ${g}.`);
  return out;
}

const head = ({ params: _p, criteria: _c, figures: _f, ...rest }: ReportFacts) => rest;

export function compareReports(ra: AnyReport, rb: AnyReport): ReportComparison {
  const a = reportFacts(ra);
  const b = reportFacts(rb);
  const params = keysOf(a.params, b.params, (p) => p.key).map((key): ParamLine => {
    const pa = a.params.find((p) => p.key === key) ?? null;
    const pb = b.params.find((p) => p.key === key) ?? null;
    return { key, label: (pa ?? pb)!.label, a: pa?.value ?? null, b: pb?.value ?? null, differs: pa?.value !== pb?.value };
  });
  const criteria = keysOf(a.criteria, b.criteria, (c) => c.name).map((name) => ({
    name,
    a: a.criteria.find((c) => c.name === name) ?? null,
    b: b.criteria.find((c) => c.name === name) ?? null,
  }));
  const figures = figureLines(a, b);
  return { a: head(a), b: head(b), sameKind: a.kind === b.kind, params, criteria, figures, notShared: notShared(a, b, figures) };
}
