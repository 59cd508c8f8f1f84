// A stored report as a file to download: Markdown (report-markdown.ts) or the
// JSON exactly as stored. The id was checked against the report id pattern, so
// it is safe inside the Content-Disposition header.
import type { AnyReport } from "./progress";
import { reportMarkdown } from "./report-markdown";

export interface ReportFile {
  body: string;
  contentType: string;
  filename: string;
}

export function reportFile(report: AnyReport, format: "md" | "json"): ReportFile {
  if (format === "json") return { body: `${JSON.stringify(report, null, 1)}\n`, contentType: "application/json; charset=utf-8", filename: `${report.id}.json` };
  return { body: reportMarkdown(report), contentType: "text/markdown; charset=utf-8", filename: `${report.id}.md` };
}
