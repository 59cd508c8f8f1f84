import { describe, expect, it } from "vitest";
import { drillReportFixture, safetyReportFixture, sweepReportFixture, v1DrillReportFixture } from "@/test/fixtures/reports";
import { xmlProblem } from "@/test/unit/xml-wellformed";
import { escapeMarkdown, reportMarkdown } from "./report-markdown";

const svgs = (md: string) => [...md.matchAll(/<svg[\s\S]*?<\/svg>/g)].map((m) => m[0]);
/** Cells of a pipe-table row, honouring `\|`. */
const cells = (row: string) => row.slice(2, -2).split(/(?<!\\) \| /);
const tableRows = (md: string, header: string) => {
  const lines = md.split("\n");
  const start = lines.indexOf(header);
  if (start === -1) throw new Error(`no table ${header}`);
  const rows: string[] = [];
  for (let i = start + 2; lines[i]?.startsWith("| "); i++) rows.push(lines[i]!);
  return rows;
};

describe("reportMarkdown: a drill (version 2)", () => {
  const hostile = "<script>alert(1)</script> a | b *c* [x](http://e.x)";
  const md = reportMarkdown(drillReportFixture({ notes: [hostile, "- not a list"], errorReason: "broker 2: 127.0.0.1:19093 | timed out <again>" }));

  it("titles it with its verdict", () => {
    // A 6.5 s stall in a 10 s outage window: 65 % degradation fails the lesson's 50 %.
    expect(md.startsWith("# Black Friday drill drill-20261127T120000000Z: FAILED\n")).toBe(true);
    expect(reportMarkdown(drillReportFixture({ stallUntilSec: 13 })).startsWith("# Black Friday drill drill-20261127T120000000Z: PASSED\n")).toBe(true);
  });

  it("lists each criterion with PASS/FAIL, its measure and its rule", () => {
    expect(tableRows(md, "| result | criterion | measured | rule |")).toEqual([
      "| PASS | zero data loss | 0 records | must be 0 |",
      "| PASS | recovery time | 7.4 s | must be &lt; 30 s |",
      "| FAIL | throughput degradation | 65 % | must be &lt; 50 % |",
    ]);
    expect(md).toContain("1 of 3 criteria failed.");
  });

  it("has the figures, Kafka's part apart from the client's", () => {
    const rows = tableRows(md, "| figure | value |");
    expect(rows).toContain("| baseline | 1,000 acks/s |");
    expect(rows).toContain("| during the outage | 350 acks/s |");
    expect(rows).toContain("| back to ≥ 90 % of baseline, after the break | 7.4 s |");
    expect(rows).toContain("| first write on the moved partitions, after the break | 6.5 s (partitions 1, 4) |");
    expect(rows).toContain("| URP back to 0, after the restart | 3.0 s |");
    expect(rows).toContain("| first failover: Kafka's part (break → new leader) | 6.1 s |");
    expect(rows).toContain("| first failover: the client's part (new leader → its first write) | 0.4 s |");
  });

  it("has one row per step with its timings, reasons escaped", () => {
    const rows = tableRows(md, "| \\# | step | at | action took | fenced | Kafka's part | client's part | new controller | back in ISR | acks/s | failed attempts | why writes failed |");
    expect(rows).toHaveLength(2);
    expect(cells(rows[0]!)).toEqual(["1", "kill broker 2 at 10 s", "10.0 s", "0.1 s", "6.0 s", "6.1 s", "0.4 s", "—", "—", "350", "40", "40 × broker 2: 127.0.0.1:19093 \\| timed out &lt;again&gt;"]);
    expect(cells(rows[1]!).slice(0, 4)).toEqual(["2", "start broker 2 at 20 s", "20.0 s", "1.5 s"]);
    expect(cells(rows[1]!)[8]).toBe("4.0 s");
  });

  it("has the verification: lost, duplicates, out of order", () => {
    const rows = tableRows(md, "| check | records |");
    expect(rows).toContain("| acknowledged | 50 |");
    expect(rows).toContain("| lost (acknowledged, never read back) | 0 |");
    expect(rows).toContain("| duplicates | 0 |");
    expect(rows).toContain("| out of order (per key) | 0 |");
  });

  it("embeds the throughput and URP charts as well-formed SVG, with the steps marked", () => {
    const charts = svgs(md);
    expect(charts).toHaveLength(2);
    for (const svg of charts) {
      expect(xmlProblem(svg)).toBeNull();
      // A blank line would end the HTML block and spill the rest as text.
      expect(svg).not.toMatch(/\n\s*\n/);
      expect(svg).toContain(">kill 2</text>");
      expect(svg).toContain(">start 2</text>");
    }
    expect(charts[0]).toContain("<title>Acknowledged events per second</title>");
    expect(charts[1]).toContain("<title>Under-replicated partitions</title>");
  });

  it("escapes hostile text in notes: no markup, no table break, no list", () => {
    expect(md).not.toContain("<script>");
    expect(md).toContain("- &lt;script&gt;alert(1)&lt;/script&gt; a \\| b \\*c\\* \\[x\\](http://e.x)");
    expect(md).toContain("- \\- not a list");
    // Outside the SVG blocks the only tags left are none at all.
    expect(md.replace(/<svg[\s\S]*?<\/svg>/g, "")).not.toMatch(/<[a-z/]/i);
  });

  it("keeps every table row as wide as its header", () => {
    for (const block of md.split("\n\n").filter((b) => b.startsWith("| "))) {
      const [head, ...rest] = block.split("\n");
      for (const row of rest) expect(cells(row).length).toBe(cells(head!).length);
    }
  });
});

describe("reportMarkdown: the other kinds and versions", () => {
  it("a version-1 drill says it has no steps instead of an empty table", () => {
    const md = reportMarkdown(v1DrillReportFixture());
    expect(md).toContain("A version-1 report: written before scenarios had steps, it has no per-step timings.");
    expect(md).not.toContain("| # | step |");
    expect(md).not.toContain("first failover");
    expect(svgs(md)).toHaveLength(2);
    // Without step marks the kill and the restart are marked.
    expect(svgs(md)[0]).toContain(">kill 2</text>");
  });

  it("a safety comparison has both runs side by side and the lost ids, escaped", () => {
    const md = reportMarkdown(safetyReportFixture());
    expect(md.startsWith("# Safety comparison drill-20261127T130000000Z: SHOWN\n")).toBe(true);
    expect(tableRows(md, "| what | unsafe settings | safe settings |")).toEqual(expect.arrayContaining([
      "| producer acks | 1 | all |",
      "| min.insync.replicas | 1 | 2 |",
      "| lost (acknowledged, never read back) | 3 | 0 |",
    ]));
    expect(md).toContain("- p9#101\n- p9#102\n- &lt;b&gt;p9&lt;/b&gt;\\|103");
    expect(md).toContain("safe run: none lost.");
    expect(cells(tableRows(md, "| run | phase | attempted | acknowledged | failed attempts | most frequent failure |")[3]!)).toEqual(["safe", "frozen", "200", "0", "200", "NOT\\_ENOUGH\\_REPLICAS \\| min ISR 2"]);
  });

  it("a sweep has one row per session timeout and its chart", () => {
    const md = reportMarkdown(sweepReportFixture());
    const rows = tableRows(md, "| session timeout | fenced | Kafka's part | client's part | recovery | lost | drill | drill report | error |");
    expect(rows.map((r) => cells(r).slice(0, 5))).toEqual([
      ["3.0 s", "3.3 s", "3.4 s", "0.3 s", "4.1 s"],
      ["6.0 s", "6.3 s", "6.4 s", "0.3 s", "7.2 s"],
      ["9.0 s", "9.3 s", "9.4 s", "0.3 s", "10.3 s"],
    ]);
    const [svg] = svgs(md);
    expect(svg).toBeDefined();
    expect(xmlProblem(svg!)).toBeNull();
    expect(svg).toContain("<title>Recovery against broker.session.timeout.ms</title>");
  });
});

describe("escapeMarkdown", () => {
  it("turns markup into the characters it is made of", () => {
    expect(escapeMarkdown("# a\nb")).toBe("\\# a b");
    expect(escapeMarkdown("1. first")).toBe("1\\. first");
    expect(escapeMarkdown("0.5 s")).toBe("0.5 s");
    expect(escapeMarkdown("a & b <i>")).toBe("a &amp; b &lt;i&gt;");
    expect(escapeMarkdown("`x` _y_ ~z~ $m$ \\")).toBe("\\`x\\` \\_y\\_ \\~z\\~ \\$m\\$ \\\\");
  });
});
