/**
 * Where a measured curve crosses a level for good. Points are (x, y) with x > 0, in any order. Returns the
 * smallest x from which y stays at or above `level` for every larger x, interpolated linearly in log x
 * between the last point below and the first point at or above; `below: true` when even the smallest x is
 * already there (the crossing lies at or below it); null when the largest x is still below.
 * "For good" makes one lucky point among worse ones no threshold.
 */
export function crossingFromBelow(
  points: ReadonlyArray<{ x: number; y: number }>,
  level: number,
): { x: number; below: boolean } | null {
  const sorted = [...points].sort((a, b) => a.x - b.x);
  let first = sorted.length;
  while (first > 0 && (sorted[first - 1] as { y: number }).y >= level) first -= 1;
  if (first === sorted.length) return null;
  const above = sorted[first] as { x: number; y: number };
  if (first === 0) return { x: above.x, below: true };
  const under = sorted[first - 1] as { x: number; y: number };
  const share = above.y === under.y ? 1 : (level - under.y) / (above.y - under.y);
  return { x: Math.exp(Math.log(under.x) + share * (Math.log(above.x) - Math.log(under.x))), below: false };
}
