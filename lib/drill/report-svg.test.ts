import { describe, expect, it } from "vitest";
import { xmlProblem } from "@/test/unit/xml-wellformed";
import { escapeXml, lineChartSvg, type SvgChart } from "./report-svg";

const chart = (over: Partial<SvgChart> = {}): SvgChart => ({
  title: "Acknowledged events per second",
  xLabel: "seconds",
  yLabel: "acks/s",
  series: [{ label: "acks/s", color: "#0369a1", points: Array.from({ length: 31 }, (_, t) => [t, t >= 10 && t < 16 ? 0 : 1000] as const) }],
  marks: [{ x: 10, label: "kill 2" }, { x: 20, label: "start 2" }],
  xDomain: [0, 30],
  width: 600,
  height: 200,
  ...over,
});

const numbers = (attr: string, svg: string) => [...svg.matchAll(new RegExp(`${attr}="([-\\d.]+)"`, "g"))].map((m) => Number(m[1]));
const polylines = (svg: string) => [...svg.matchAll(/<polyline [^>]*points="([^"]*)"/g)].map((m) => (m[1] ?? "").split(" ").map((p) => p.split(",").map(Number) as [number, number]));
const axis = (svg: string) => {
  const m = /<line class="x-axis" x1="([\d.]+)" y1="([\d.]+)" x2="([\d.]+)"/.exec(svg);
  if (!m) throw new Error("no x axis");
  return { x1: Number(m[1]), y: Number(m[2]), x2: Number(m[3]) };
};

describe("lineChartSvg", () => {
  it("is one well-formed SVG element with a viewBox and no blank line", () => {
    const svg = lineChartSvg(chart());
    expect(xmlProblem(svg)).toBeNull();
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="0 0 600 200"/);
    expect(svg.trimEnd().endsWith("</svg>")).toBe(true);
    expect(svg).not.toMatch(/\n\s*\n/);
  });

  it("keeps every point inside the viewBox and the plot, the highest value at or below the top", () => {
    const svg = lineChartSvg(chart());
    const pts = polylines(svg).flat();
    expect(pts.length).toBe(31);
    const { x1, x2, y: bottom } = axis(svg);
    for (const [x, y] of pts) {
      expect(x).toBeGreaterThanOrEqual(x1);
      expect(x).toBeLessThanOrEqual(x2);
      expect(y).toBeGreaterThanOrEqual(0);
      expect(y).toBeLessThanOrEqual(bottom);
    }
    // t = 0 sits on the y axis, t = 30 at the end of the x axis; a 0 sits on the x axis.
    expect(pts[0]![0]).toBeCloseTo(x1, 1);
    expect(pts.at(-1)![0]).toBeCloseTo(x2, 1);
    expect(pts[12]![1]).toBeCloseTo(bottom, 1);
  });

  it("draws each mark as a vertical line at its own x on the time axis", () => {
    const svg = lineChartSvg(chart());
    const { x1, x2 } = axis(svg);
    const marks = [...svg.matchAll(/<line class="mark" x1="([\d.]+)" y1="([\d.]+)" x2="([\d.]+)" y2="([\d.]+)"/g)];
    expect(marks).toHaveLength(2);
    const at = (t: number) => x1 + (t / 30) * (x2 - x1);
    expect(Number(marks[0]![1])).toBeCloseTo(at(10), 0);
    expect(Number(marks[1]![1])).toBeCloseTo(at(20), 0);
    expect(marks[0]![1]).toBe(marks[0]![3]); // vertical
    expect(svg).toContain(">kill 2</text>");
  });

  it("leaves out marks outside the domain and breaks the line where a value is missing", () => {
    const svg = lineChartSvg(chart({
      marks: [{ x: 45, label: "after the end" }],
      series: [{ label: "URP", color: "#b45309", step: true, points: [[0, 0], [1, 2], [2, null], [3, 1], [4, 0]] }],
      xDomain: [0, 4],
    }));
    expect(svg).not.toContain("after the end");
    const lines = polylines(svg);
    expect(lines).toHaveLength(2);
    // A step holds the previous value until the next point: 2 points become 3 corners.
    expect(lines[0]).toHaveLength(3);
    expect(lines[0]![1]![1]).toBe(lines[0]![0]![1]);
  });

  it("escapes every text it is given", () => {
    const svg = lineChartSvg(chart({ title: `<script>alert("x")</script> & co`, marks: [{ x: 5, label: "kill <b>2</b>'" }] }));
    expect(svg).not.toContain("<script");
    expect(svg).not.toContain("<b>");
    expect(svg).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co");
    expect(xmlProblem(svg)).toBeNull();
  });

  it("says so when there is no data", () => {
    const svg = lineChartSvg(chart({ series: [{ label: "acks/s", color: "#000", points: [] }], marks: [] }));
    expect(svg).toContain(">no data</text>");
    expect(xmlProblem(svg)).toBeNull();
  });
});

describe("helpers", () => {
  it("strips what XML forbids", () => {
    expect(escapeXml("a\u0000b\nc")).toBe("ab c");
  });

  it("the well-formedness check itself catches what it must", () => {
    expect(xmlProblem("<svg><g></svg>")).toMatch(/closes/);
    expect(xmlProblem("<svg><text>a < b</text></svg>")).toMatch(/tag/);
    expect(xmlProblem("<svg><text>a & b</text></svg>")).toMatch(/bare &/);
    expect(xmlProblem("<svg/><svg/>")).toMatch(/2 root/);
    expect(xmlProblem('<svg a="1"><rect/></svg>')).toBeNull();
  });
});
