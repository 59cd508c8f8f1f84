// A report as a document: sections of paragraphs, tables, lists and charts,
// with plain (unescaped) text. One content, two renderers: the Markdown export
// (report-markdown.ts, which escapes) and the print page (React, which escapes
// by itself), so the file a user keeps says exactly what the page printed.
// report-document.ts picks the builder by the report's kind.

export type DocBlock =
  | { kind: "paragraph"; text: string }
  | { kind: "list"; items: string[] }
  /** Rows have as many cells as head; `numeric` columns are right-aligned. */
  | { kind: "table"; head: string[]; rows: string[][]; numeric?: boolean[] }
  /** A standalone SVG document (report-svg.ts) and a sentence saying what it shows. */
  | { kind: "chart"; title: string; svg: string; alt: string };

export interface DocSection {
  title: string;
  blocks: DocBlock[];
}

export interface ReportDoc {
  id: string;
  /** "Black Friday drill", "Safety comparison", "Session-timeout sweep". */
  kindLabel: string;
  /** PASSED / FAILED / CANCELLED / SHOWN / NOT SHOWN. */
  verdict: string;
  passed: boolean;
  /** One line under the title: what ran, when. */
  summary: string;
  sections: DocSection[];
}

export const table = (head: string[], rows: string[][], numeric?: boolean[]): DocBlock => ({ kind: "table", head, rows, ...(numeric ? { numeric } : {}) });
export const paragraph = (text: string): DocBlock => ({ kind: "paragraph", text });
export const list = (items: string[]): DocBlock => ({ kind: "list", items });
export const section = (title: string, ...blocks: DocBlock[]): DocSection => ({ title, blocks });
