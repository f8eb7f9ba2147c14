import type { Benchmark } from '../../results/schema.js';
import { formatPercent } from '../../format/numbers.js';

/** The "vs raw" cell: parallel's share of the raw floor at the same thread count, or blank. */
export function vsRawCell(benchmark: Benchmark): string {
  const share = benchmark.status === 'ok' ? benchmark.derived?.relativeToRaw : undefined;
  return share === undefined ? '' : formatPercent(share);
}

/** A note for cells that sent several tasks per message (--batch), so a batched figure is never mistaken. */
export function batchNote(benchmark: Benchmark): string {
  const batching = benchmark.status === 'ok' ? benchmark.batching : undefined;
  return batching !== undefined && batching.size > 1 ? `${batching.size} tasks/message` : '';
}

/** ", 97 % of the raw floor" for a verdict, or nothing when no raw cell ran at that thread count. */
export function rawFloorPhrase(benchmark: Benchmark): string {
  const share = benchmark.status === 'ok' ? benchmark.derived?.relativeToRaw : undefined;
  return share === undefined ? '' : `, ${formatPercent(share)} of the raw floor`;
}
