import { coordinate as c, escapeHtml } from './escape.js';
import type { Marker } from './series-style.js';

/** Small SVG pieces shared by the line and bar charts. */

/** Ticks from 0 to a round top at least `max`: about five steps of 1, 2, 2.5 or 5 × 10^k. */
export function niceTicks(max: number, steps = 5): number[] {
  const target = max > 0 ? max : 1;
  const raw = target / steps;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 2.5, 5, 10].find((candidate) => candidate * magnitude >= raw - 1e-12) ?? 10) * magnitude;
  const count = Math.ceil(target / step - 1e-9);
  return Array.from({ length: count + 1 }, (_, index) => Number((index * step).toPrecision(12)));
}

export function markerShape(marker: Marker, x: number, y: number, color: string, hollow = false): string {
  const fill = hollow ? '#ffffff' : color;
  const common = `fill="${fill}" stroke="${hollow ? color : '#ffffff'}" stroke-width="${hollow ? 1.6 : 1}"`;
  const r = 4.5;
  switch (marker) {
    case 'circle':
      return `<circle cx="${c(x)}" cy="${c(y)}" r="${r}" ${common}/>`;
    case 'square':
      return `<rect x="${c(x - r)}" y="${c(y - r)}" width="${r * 2}" height="${r * 2}" ${common}/>`;
    case 'triangle':
      return (
        `<path ` +
        `d="M${c(x)},${c(y - r - 1)}L${c(x + r + 0.5)},${c(y + r - 0.5)}L${c(x - r - 0.5)},${c(y + r - 0.5)}Z" ` +
        `${common}/>`
      );
    case 'triangle-down':
      return (
        `<path ` +
        `d="M${c(x)},${c(y + r + 1)}L${c(x + r + 0.5)},${c(y - r + 0.5)}L${c(x - r - 0.5)},${c(y - r + 0.5)}Z" ` +
        `${common}/>`
      );
    case 'diamond':
      return `<path d="M${c(x)},${c(y - r - 1)}L${c(x + r + 1)},${c(y)}L${c(x)},${c(y + r + 1)}L${c(x - r - 1)},${c(y)}Z" ${common}/>`;
    case 'cross':
      return (
        `<path ` +
        `d="M${c(x - r)},${c(y - r)}L${c(x + r)},${c(y + r)}M${c(x + r)},${c(y - r)}L${c(x - r)},${c(y + r)}" ` +
        `stroke="${color}" stroke-width="2.5" fill="none"/>`
      );
    case 'none':
      return '';
  }
}

/** A hoverable, focusable data point: the exact figures are in its <title> and data-tip (the page's tooltip). */
export function point(tip: string, shape: string, extraClass = ''): string {
  const text = escapeHtml(tip);
  return `<g class="point${extraClass === '' ? '' : ` ${extraClass}`}" tabindex="0" data-tip="${text}"><title>${text}</title>${shape}</g>`;
}

export interface LegendEntry {
  label: string;
  swatch: string;
}

/** Legend as HTML under the chart: it wraps with the page, and its labels stay selectable text. */
export function legend(entries: readonly LegendEntry[]): string {
  const items = entries.map(
    (entry) =>
      `<li><svg class="swatch" width="34" height="14" ` +
      `aria-hidden="true">${entry.swatch}</svg>${escapeHtml(entry.label)}</li>`,
  );
  return `<ul class="legend">${items.join('')}</ul>`;
}

export function axisTitle(text: string, x: number, y: number, rotate = false): string {
  return `<text class="axis-title" x="${c(x)}" y="${c(y)}" text-anchor="middle"${rotate ? ` transform="rotate(-90 ${c(x)} ${c(y)})"` : ''}>${escapeHtml(text)}</text>`;
}

export function formatTick(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toFixed(2)));
}
