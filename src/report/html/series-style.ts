import { IDEAL } from '../data/chart-data.js';

/**
 * How series are told apart: colour and marker by strategy, dash pattern (lines) or hatching (bars) by machine.
 * Colours are the Okabe–Ito palette, readable with the common colour-vision deficiencies; markers and dashes
 * carry the same distinction for readers who cannot rely on colour at all, and in greyscale print.
 */

export type Marker = 'circle' | 'square' | 'triangle' | 'diamond' | 'cross' | 'triangle-down' | 'none';

export interface StrategyStyle {
  color: string;
  marker: Marker;
}

const KNOWN: Record<string, StrategyStyle> = {
  sequential: { color: '#6b6b6b', marker: 'square' },
  concurrent: { color: '#e69f00', marker: 'triangle' },
  parallel: { color: '#0072b2', marker: 'circle' },
  raw: { color: '#009e73', marker: 'cross' },
  [IDEAL]: { color: '#999999', marker: 'diamond' },
  // Study charts: batched dispatch, and the three ways of passing a payload (each in a chart of its own).
  batched: { color: '#cc79a7', marker: 'triangle-down' },
  'payload clone': { color: '#d55e00', marker: 'diamond' },
  'payload transfer': { color: '#0072b2', marker: 'square' },
  'payload shared': { color: '#009e73', marker: 'triangle' },
};

// Strategies added later (and each machine in per-machine bar charts) take these in order of appearance.
const EXTRA: StrategyStyle[] = [
  { color: '#009e73', marker: 'cross' },
  { color: '#cc79a7', marker: 'triangle-down' },
  { color: '#d55e00', marker: 'diamond' },
  { color: '#56b4e9', marker: 'square' },
  { color: '#f0e442', marker: 'circle' },
];

const MACHINE_DASHES = ['', '8 4', '2 3', '10 3 2 3', '5 2 1 2 1 2'];

/** Assigns styles to names as they come, stable within one report. */
export class StyleBook {
  private readonly extras = new Map<string, StrategyStyle>();

  strategy(name: string): StrategyStyle {
    const known = KNOWN[name];
    if (known !== undefined) return known;
    let style = this.extras.get(name);
    if (style === undefined) {
      style = EXTRA[this.extras.size % EXTRA.length] ?? { color: '#000000', marker: 'circle' };
      this.extras.set(name, style);
    }
    return style;
  }

  /** Per-machine bars: the first machine blue, then the extra colours. */
  machine(machineIndex: number): StrategyStyle {
    if (machineIndex === 0) return { color: '#0072b2', marker: 'circle' };
    return EXTRA[(machineIndex - 1) % EXTRA.length] ?? { color: '#000000', marker: 'circle' };
  }
}

/** The ideal line is always dashed, so it never passes for a measurement; machines add their own pattern. */
export function dashFor(strategy: string, machineIndex: number): string {
  const own = MACHINE_DASHES[machineIndex % MACHINE_DASHES.length] ?? '';
  if (strategy === IDEAL) return own === '' ? '4 4' : own;
  return own;
}

/** Hatching angle of a machine's bars: none for the first, then distinct angles. */
export function hatchAngle(machineIndex: number): number | null {
  if (machineIndex === 0) return null;
  return [45, -45, 0, 90][(machineIndex - 1) % 4] ?? 45;
}
