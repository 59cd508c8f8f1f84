// Which update a staggered chart draws: pure, so the rule is tested on plain data
// (test/unit/chart-turns.test.ts) and the component only holds the state.

export interface Drawn<P> {
  props: P;
  /** Whether the chart was on screen when it drew `props`. */
  onScreen: boolean;
}

/**
 * What a chart shows after this update. Until it has two points it takes every
 * update (the first ones must not wait their turn); on screen it takes its turn,
 * every `turns`-th tick; off screen it keeps what it drew; coming back into view it
 * takes the latest at once. Returns `last` itself when nothing changes, so the
 * memoised chart below does not redraw.
 */
export function nextDrawn<P extends { rows: readonly unknown[] }>(
  last: Drawn<P> | null,
  props: P,
  at: { tick: number; turn: number; turns: number; onScreen: boolean },
): Drawn<P> {
  const { tick, turn, turns, onScreen } = at;
  const myTurn = tick % turns === turn % turns;
  if (last === null || last.props.rows.length < 2 || (onScreen && (myTurn || !last.onScreen))) return { props, onScreen };
  return last.onScreen === onScreen ? last : { props: last.props, onScreen };
}
