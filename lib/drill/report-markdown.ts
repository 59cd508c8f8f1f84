// A report as a Markdown file people can keep: the document (report-doc.ts)
// with every text escaped, tables in GitHub's pipe form, and the charts as
// inline SVG blocks. Text that came from the cluster (ids, notes, a broker's
// error message) can hold `<script>`, `|` or a leading `-`: escaped, it reads
// back as the same characters and never as markup.
import type { AnyReport } from "./progress";
import type { DocBlock, ReportDoc } from "./report-doc";
import { reportDoc } from "./report-document";

/** Inline Markdown text that renders as exactly these characters, on one line. */
export function escapeMarkdown(text: string): string {
  const flat = text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, "")
    .replace(/\s+/g, " ")
    .trim();
  const escaped = flat
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/[\\`*_[\]|~$]/g, (c) => `\\${c}`);
  // What would open a heading, a list or a setext underline at the start of a line.
  return escaped.replace(/^([-+=#])/, "\\$1").replace(/^(\d{1,9})([.)])(?=\s|$)/, "$1\\$2");
}

function tableMd(head: string[], rows: string[][], numeric: boolean[] = []): string {
  const line = (cells: string[]) => `| ${cells.map((c) => escapeMarkdown(c) || " ").join(" | ")} |`;
  const rule = `| ${head.map((_, i) => (numeric[i] ? "---:" : "---")).join(" | ")} |`;
  const width = head.length;
  // A short row would shift every cell after it: pad, never drop.
  const fit = (r: string[]) => Array.from({ length: width }, (_, i) => r[i] ?? "");
  return [line(head), rule, ...rows.map((r) => line(fit(r)))].join("\n");
}

function blockMd(b: DocBlock): string {
  switch (b.kind) {
    case "paragraph":
      return escapeMarkdown(b.text);
    case "list":
      return b.items.map((i) => `- ${escapeMarkdown(i) || " "}`).join("\n");
    case "table":
      return tableMd(b.head, b.rows, b.numeric);
    case "chart":
      // An HTML block ends at the first blank line: report-svg.ts emits none.
      return [`### ${escapeMarkdown(b.title)}`, b.svg.replace(/\n\s*\n/g, "\n"), `*${escapeMarkdown(b.alt)}*`].join("\n\n");
  }
}

export function docMarkdown(doc: ReportDoc): string {
  const parts = [`# ${escapeMarkdown(`${doc.kindLabel} ${doc.id}: ${doc.verdict}`)}`, escapeMarkdown(doc.summary)];
  for (const s of doc.sections) parts.push(`## ${escapeMarkdown(s.title)}`, ...s.blocks.map(blockMd));
  parts.push(`---`, escapeMarkdown(`Exported from StreamSocial Cluster. The full report as JSON: /api/drills/${doc.id}/export?format=json`));
  return `${parts.join("\n\n")}\n`;
}

export function reportMarkdown(report: AnyReport): string {
  return docMarkdown(reportDoc(report));
}
