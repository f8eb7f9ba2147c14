// No imports: the worker test sends these functions' source to a worker thread, so they use only globals.

/**
 * Short-lived objects, arrays and strings for `durationMs`: the young generation fills and is scavenged. Few
 * survive (at most 5 000 are held), so the old generation stays small and leaves no major GC pending for the
 * next test on this thread (holding 50 000 did: a 10 ms mark-compact landed in a later arithmetic run).
 */
export function allocateFor(durationMs: number): number {
  const endMs = performance.now() + durationMs;
  let kept: unknown[] = [];
  let made = 0;
  while (performance.now() < endMs) {
    for (let i = 0; i < 1_000; i += 1) kept.push({ index: made + i, pair: [i, i + 1], label: `item-${made + i}` });
    made += 1_000;
    if (kept.length >= 5_000) kept = [];
  }
  return made + kept.length;
}

/** Integer arithmetic for `durationMs`: nothing allocated in the loop. */
export function spinFor(durationMs: number): number {
  const endMs = performance.now() + durationMs;
  let state = 1;
  while (performance.now() < endMs)
    for (let i = 0; i < 10_000; i += 1) state = (Math.imul(state, 1_664_525) + 1_013_904_223) | 0;
  return state;
}
