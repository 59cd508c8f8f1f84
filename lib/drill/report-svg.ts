// Small line charts as standalone SVG text, for the Markdown export and the
// print page. No library and no script: a report kept as a file must draw the
// same in ten years, in any viewer. Every text is escaped (labels can carry a
// broker's error message), and the output has no blank line, because a blank
// line ends a raw HTML block in Markdown.

import { lineRuns, niceTicks, valueDomain, type DataPoint } from "@/lib/chart/geometry";

export type SvgPoint = DataPoint;

export interface SvgSeries {
  label: string;
  color: string;
  /** A null y breaks the line (not measured), it never draws a 0. */
  points: readonly SvgPoint[];
  /** Hold each value until the next point (a gauge such as URP). */
  step?: boolean;
}

export interface SvgMark {
  x: number;
  label: string;
}

export interface SvgChart {
  title: string;
  xLabel: string;
  yLabel: string;
  series: readonly SvgSeries[];
  marks?: readonly SvgMark[];
  /** Default: the data's own range. Two charts given the same domain share their time axis. */
  xDomain?: readonly [number, number];
  formatX?: (n: number) => string;
  formatY?: (n: number) => string;
  /** Counts (URP): no tick between two whole numbers. */
  integerY?: boolean;
  width?: number;
  height?: number;
}

export const SVG_MARGIN = { left: 58, right: 18, top: 44, bottom: 40 } as const;

/** Control characters are not allowed in XML 1.0; everything else is escaped. */
export function escapeXml(s: string): string {
  return s
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, "")
    .replace(/\s+/g, " ")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

/** 12,500 → "12.5k": axis labels stay short. */
export function compactNumber(n: number): string {
  const a = Math.abs(n);
  if (a >= 1e6) return `${+(n / 1e6).toFixed(1)}M`;
  if (a >= 1e3) return `${+(n / 1e3).toFixed(1)}k`;
  return String(+n.toFixed(2));
}

const f1 = (n: number) => String(Math.round(n * 10) / 10);

function domainOf(chart: SvgChart): { x: [number, number]; y: [number, number] } {
  const xs: number[] = [];
  let yMax = 0;
  let yMin = 0;
  for (const s of chart.series) {
    for (const [x, y] of s.points) {
      xs.push(x);
      if (y !== null) [yMin, yMax] = [Math.min(yMin, y), Math.max(yMax, y)];
    }
  }
  const x: [number, number] = chart.xDomain ? [chart.xDomain[0], chart.xDomain[1]] : [Math.min(...xs, 0), Math.max(...xs, 1)];
  if (!(x[1] > x[0])) x[1] = x[0] + 1;
  return { x, y: valueDomain(yMin, yMax, 5, chart.integerY) };
}

function segments(points: readonly SvgPoint[], step: boolean, px: (x: number) => number, py: (y: number) => number): string[] {
  return lineRuns(points, step).map((run) => run.map(([x, y]) => `${f1(px(x))},${f1(py(y))}`).join(" "));
}

/** The chart as one standalone `<svg>` element. */
export function lineChartSvg(chart: SvgChart): string {
  const W = chart.width ?? 720;
  const H = chart.height ?? 240;
  const m = SVG_MARGIN;
  const [x0, x1, y0, y1] = [m.left, W - m.right, H - m.bottom, m.top];
  const d = domainOf(chart);
  const px = (x: number) => x0 + ((Math.min(Math.max(x, d.x[0]), d.x[1]) - d.x[0]) / (d.x[1] - d.x[0])) * (x1 - x0);
  const py = (y: number) => y0 - ((Math.min(Math.max(y, d.y[0]), d.y[1]) - d.y[0]) / (d.y[1] - d.y[0])) * (y0 - y1);
  const fx = chart.formatX ?? compactNumber;
  const fy = chart.formatY ?? compactNumber;
  const inX = (x: number) => x >= d.x[0] && x <= d.x[1];
  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" font-family="sans-serif" font-size="11">`,
    `<title>${escapeXml(chart.title)}</title>`,
    `<rect x="0" y="0" width="${W}" height="${H}" fill="#ffffff"/>`,
    `<text x="${x0}" y="16" font-size="13" font-weight="bold" fill="#0f172a">${escapeXml(chart.title)}</text>`,
  ];
  let lx = x0;
  for (const s of chart.series) {
    out.push(`<rect x="${f1(lx)}" y="26" width="12" height="3" fill="${escapeXml(s.color)}"/>`, `<text x="${f1(lx + 16)}" y="31" fill="#334155">${escapeXml(s.label)}</text>`);
    lx += 30 + s.label.length * 6.2; // about 6 px a character at 11 px sans-serif
  }
  for (const t of niceTicks(d.y[0], d.y[1], 5, chart.integerY)) {
    const y = f1(py(t));
    out.push(`<line x1="${x0}" y1="${y}" x2="${x1}" y2="${y}" stroke="#cbd5e1" stroke-dasharray="3 3"/>`, `<text x="${x0 - 6}" y="${y}" dy="4" text-anchor="end" fill="#475569">${escapeXml(fy(t))}</text>`);
  }
  for (const t of niceTicks(d.x[0], d.x[1], 8)) out.push(`<text x="${f1(px(t))}" y="${y0 + 15}" text-anchor="middle" fill="#475569">${escapeXml(fx(t))}</text>`);
  out.push(
    `<line class="x-axis" x1="${x0}" y1="${y0}" x2="${x1}" y2="${y0}" stroke="#475569"/>`,
    `<line class="y-axis" x1="${x0}" y1="${y0}" x2="${x0}" y2="${y1}" stroke="#475569"/>`,
    `<text x="${(x0 + x1) / 2}" y="${H - 6}" text-anchor="middle" fill="#334155">${escapeXml(chart.xLabel)}</text>`,
    `<text transform="translate(12 ${(y0 + y1) / 2}) rotate(-90)" text-anchor="middle" fill="#334155">${escapeXml(chart.yLabel)}</text>`,
  );
  for (const s of chart.series) {
    const pts = s.points.filter(([x]) => inX(x));
    for (const seg of segments(pts, s.step === true, px, py)) out.push(`<polyline fill="none" stroke="${escapeXml(s.color)}" stroke-width="1.8" points="${seg}"/>`);
  }
  (chart.marks ?? []).filter((k) => inX(k.x)).forEach((k, i) => {
    const x = f1(px(k.x));
    out.push(
      `<line class="mark" x1="${x}" y1="${y0}" x2="${x}" y2="${y1}" stroke="#dc2626" stroke-dasharray="4 2"/>`,
      `<text x="${x}" y="${y1 + 10 + (i % 3) * 11}" dx="3" fill="#b91c1c" font-size="10">${escapeXml(k.label)}</text>`,
    );
  });
  if (chart.series.every((s) => s.points.every(([, y]) => y === null))) {
    out.push(`<text x="${(x0 + x1) / 2}" y="${(y0 + y1) / 2}" text-anchor="middle" fill="#64748b">no data</text>`);
  }
  out.push("</svg>");
  return out.join("\n");
}
