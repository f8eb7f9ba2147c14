/** A stretch of time on one track, µs. */
export interface SliceBounds {
  startUs: number;
  endUs: number;
}

/**
 * Whether slices on one track nest, as the Trace Event Format requires of a thread's duration events: any two
 * are disjoint (touching ends count as disjoint) or one lies within the other.
 */
export function nestsProperly(slices: readonly SliceBounds[]): boolean {
  // Earlier first; at the same start the longer one first, so it becomes the parent.
  const sorted = [...slices].sort((a, b) => a.startUs - b.startUs || b.endUs - a.endUs);
  const open: SliceBounds[] = [];
  for (const slice of sorted) {
    while (open.length > 0 && (open.at(-1)?.endUs ?? Infinity) <= slice.startUs) open.pop();
    const parent = open.at(-1);
    if (parent !== undefined && slice.endUs > parent.endUs) return false;
    open.push(slice);
  }
  return true;
}
