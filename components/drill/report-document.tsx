// A report laid out for paper: the same document the Markdown export writes
// (lib/drill/report-doc.ts), in black on white whatever the screen's theme,
// charts as images that scale to the page width, nothing split across pages
// that would be unreadable split.
import type { DocBlock, ReportDoc } from "@/lib/drill/report-doc";

const svgSrc = (svg: string) => `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;

function Block({ block: b }: { block: DocBlock }) {
  if (b.kind === "paragraph") return <p className="my-2 text-sm">{b.text}</p>;
  if (b.kind === "list") {
    return (
      <ul className="my-2 list-disc pl-5 text-sm">
        {b.items.map((item, i) => (
          <li key={i} className="break-words">{item}</li>
        ))}
      </ul>
    );
  }
  if (b.kind === "chart") {
    // An <img> SVG runs no script and cannot reach the page, whatever its text.
    return (
      <figure className="my-3 break-inside-avoid">
        <img src={svgSrc(b.svg)} alt={b.alt} className="h-auto w-full max-w-3xl border border-slate-200" />
      </figure>
    );
  }
  return (
    <div className="my-2 overflow-x-auto print:overflow-visible">
      <table className="w-full border-collapse text-left text-xs">
        <thead>
          <tr className="border-b-2 border-slate-400">
            {b.head.map((h, i) => (
              <th key={i} scope="col" className={`px-1.5 py-1 font-semibold ${b.numeric?.[i] ? "text-right" : ""}`}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {b.rows.map((row, r) => (
            <tr key={r} className="break-inside-avoid border-b border-slate-200">
              {b.head.map((_, i) => (
                <td key={i} className={`px-1.5 py-1 align-top ${b.numeric?.[i] ? "whitespace-nowrap text-right tabular-nums" : "break-words"} ${/^(PASS|FAIL)$/.test(row[i] ?? "") ? "font-semibold" : ""}`}>
                  {row[i] ?? ""}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ReportDocument({ doc }: { doc: ReportDoc }) {
  return (
    <article aria-labelledby="report-doc-title" data-testid="report-document" className="text-slate-900">
      <h1 id="report-doc-title" className="text-xl font-semibold">
        {doc.kindLabel} {doc.id}:{" "}
        <span data-testid="report-verdict" className={doc.passed ? "text-emerald-800" : "text-red-800"}>
          {doc.verdict}
        </span>
      </h1>
      <p className="mt-1 text-sm text-slate-700">{doc.summary}</p>
      {doc.sections.map((s) => (
        <section key={s.title} aria-label={s.title} className="mt-5">
          <h2 className="break-after-avoid border-b border-slate-300 pb-0.5 text-base font-semibold">{s.title}</h2>
          {s.blocks.map((b, i) => (
            <Block key={i} block={b} />
          ))}
        </section>
      ))}
    </article>
  );
}
