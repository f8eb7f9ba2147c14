/**
 * Packs stretches of time into as few rows (lanes) as possible so none overlaps another in its row: how a
 * picture shows tasks that were in progress at once on one thread. Greedy by start time, which is optimal
 * for intervals (the lane count equals the most in progress at once). Touching stretches share a lane.
 */
export function assignLanes<T extends { startUs: number; endUs: number }>(
  items: readonly T[],
): { lanes: number; placed: Array<{ item: T; lane: number }> } {
  const laneEndsUs: number[] = [];
  const placed = [...items]
    .sort((a, b) => a.startUs - b.startUs || a.endUs - b.endUs)
    .map((item) => {
      let lane = laneEndsUs.findIndex((endUs) => endUs <= item.startUs);
      if (lane === -1) lane = laneEndsUs.push(item.endUs) - 1;
      else laneEndsUs[lane] = item.endUs;
      return { item, lane };
    });
  return { lanes: laneEndsUs.length, placed };
}
