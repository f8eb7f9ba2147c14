import { median } from '../stats/summary.js';
import type { CellRecord } from './supervisor.js';

/** Strategies whose figures are read against the raw floor: the pools that `raw` is the library-free twin of. */
const MEASURED_AGAINST_RAW = new Set(['parallel']);

/**
 * median(raw) / median(cell) at the cell's thread count: 1 means the pool costs nothing beyond plain threads,
 * 0.8 means it reaches 80 % of what this machine's threads allow. Undefined without a usable raw cell.
 */
export function relativeToRaw(cell: CellRecord, cells: readonly CellRecord[]): number | undefined {
  if (!MEASURED_AGAINST_RAW.has(cell.strategy) || cell.samples.length === 0) return undefined;
  const floor = cells.find((other) => other.strategy === 'raw' && other.threads === cell.threads && other.failure === undefined && other.samples.length > 0);
  if (floor === undefined) return undefined;
  const cellMs = median(cell.samples.map((sample) => sample.wallMs));
  const floorMs = median(floor.samples.map((sample) => sample.wallMs));
  return cellMs > 0 && floorMs > 0 ? floorMs / cellMs : undefined;
}
