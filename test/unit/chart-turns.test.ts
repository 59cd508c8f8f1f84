import { describe, expect, it } from "vitest";
import { nextDrawn, type Drawn } from "@/components/charts/chart-turns";

const data = (n: number, tag: string) => ({ rows: Array.from({ length: n }, (_, i) => i), tag });
type P = ReturnType<typeof data>;
const at = (tick: number, onScreen = true) => ({ tick, turn: 2, turns: 6, onScreen });

/** Feeds ticks from..to (a new props object each) and returns the tags drawn. */
function run(from: number, to: number, onScreen: (tick: number) => boolean, start: Drawn<P> | null = null) {
  let shown = start;
  const drawn: string[] = [];
  for (let tick = from; tick <= to; tick++) {
    const before = shown;
    shown = nextDrawn(shown, data(5, `t${tick}`), at(tick, onScreen(tick)));
    if (shown.props !== before?.props) drawn.push(shown.props.tag);
  }
  return { shown: shown!, drawn };
}

describe("staggered chart turns", () => {
  it("takes every update until it has two points, then only its turn (every sixth tick)", () => {
    let shown = nextDrawn<P>(null, data(1, "a"), at(0));
    shown = nextDrawn(shown, data(1, "b"), at(1));
    expect(shown.props.tag).toBe("b"); // one point: not its turn, taken anyway
    const { drawn } = run(3, 20, () => true, shown);
    // t3 still replaces a one-point chart; from then on ticks 8, 14, 20 (tick % 6 === 2).
    expect(drawn).toEqual(["t3", "t8", "t14", "t20"]);
  });

  it("keeps the very same object between turns, so the memoised chart does not redraw", () => {
    const first = nextDrawn<P>(null, data(5, "a"), at(2));
    expect(nextDrawn(first, data(5, "b"), at(3))).toBe(first);
  });

  it("draws nothing while off screen, and the latest at once when back in view", () => {
    const start = nextDrawn<P>(null, data(5, "first"), at(0));
    // Off screen for ticks 1-10 (its turns at 2 and 8 skipped), back in view at 11.
    const { drawn, shown } = run(1, 13, (t) => t >= 11, start);
    expect(drawn).toEqual(["t11"]); // not t2, t8 (off screen); t11 is the return, not a turn
    expect(shown.onScreen).toBe(true);
    const next = run(14, 20, () => true, shown);
    expect(next.drawn).toEqual(["t14", "t20"]);
  });

  it("the first update is drawn even off screen (the chart must not start empty)", () => {
    const shown = nextDrawn<P>(null, data(5, "a"), at(1, false));
    expect([shown.props.tag, shown.onScreen]).toEqual(["a", false]);
  });
});
