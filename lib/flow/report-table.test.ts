import { describe, expect, it } from "vitest";
import { FlowRecorder } from "./recorder";
import { formatFlowReport, table } from "./report-table";

describe("report tables", () => {
  it("aligns columns", () => {
    expect(table(["a", "bb"], [["xxx", "y"]]).split("\n")).toEqual(["a    bb", "---  --", "xxx  y"]);
  });

  it("prints every stage, handler and target of a finished run", () => {
    const r = new FlowRecorder();
    const t = 1_700_000_000_000;
    r.created.record(0.01, 10, t);
    r.published.record(3, 10, t);
    r.handlers.analytics.deliver(2, t);
    r.handlers.analytics.succeed(1, 9, false, t);
    const text = formatFlowReport(r.figures(t + 5000, { backlog: 0, storedClock: "ack", configuredRate: 10, running: false, startedAt: t - 1000, producedUntil: t }));
    for (const word of ["created (event built)", "published (send → ack)", "stored (created → ack)", "analytics", "Publish (send → ack)", "< 5 ms", "met", "not tested"]) {
      expect(text).toContain(word);
    }
  });
});
