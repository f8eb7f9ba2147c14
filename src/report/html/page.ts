import { createHash } from 'node:crypto';
import { escapeHtml } from './escape.js';

/**
 * The page around the charts: inline CSS and JavaScript only, so the file works offline, from file://, mailed
 * or archived. A Content-Security-Policy allows exactly this style and this script (by hash) and nothing
 * else: no network at all, and no script that an escaping mistake might let a result file inject.
 */

const CSS = `
:root { color-scheme: light; --ink: #1d2125; --muted: #5f6770; --rule: #d9dde2; --panel: #f6f7f9; --warn: #9a4d00; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--ink); background: #fff; }
main { max-width: 1180px; margin: 0 auto; padding: 24px 28px 48px; }
h1 { font-size: 24px; margin: 0 0 2px; }
h2 { font-size: 19px; margin: 36px 0 6px; padding-top: 12px; border-top: 1px solid var(--rule); }
h3 { font-size: 15px; margin: 18px 0 6px; }
.sub, .about { color: var(--muted); margin: 0 0 10px; }
.verdicts { margin: 6px 0 12px; padding-left: 18px; }
.charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(460px, 1fr)); gap: 18px 22px; }
figure.chart { margin: 0; padding: 10px 12px 8px; background: var(--panel); border: 1px solid var(--rule); border-radius: 6px; }
figcaption { font-weight: 600; margin-bottom: 4px; }
figure.timeline { margin: 18px 0 0; padding: 10px 12px 8px; background: var(--panel); border: 1px solid var(--rule); border-radius: 6px; }
svg.plot .lane { fill: #ffffff; stroke: #e3e6ea; stroke-width: 1; }
svg.plot .track-label { font-size: 11px; fill: var(--ink); }
svg.plot .cell-title { font-size: 12px; font-weight: 600; fill: var(--ink); }
svg.plot { display: block; width: 100%; height: auto; overflow: visible; }
svg.plot text { font: 11px system-ui, sans-serif; fill: var(--muted); }
svg.plot .axis-title { font-size: 12px; fill: var(--ink); }
svg.plot .category { fill: var(--ink); }
svg.plot .bar-value { fill: var(--ink); font-size: 10.5px; }
svg.plot .grid { stroke: #e3e6ea; stroke-width: 1; }
svg.plot .axis { stroke: #8a929b; stroke-width: 1; }
svg.plot .guide { stroke: #8a929b; stroke-width: 1; stroke-dasharray: 2 3; }
.point { cursor: default; outline: none; }
.point:hover > :first-child, .point:focus > :first-child, .point.active > :first-child { stroke: #000; stroke-width: 2; }
.legend { list-style: none; display: flex; flex-wrap: wrap; gap: 4px 14px; margin: 6px 0 0; padding: 0; font-size: 12.5px; }
.legend li { display: flex; align-items: center; gap: 5px; }
.empty { color: var(--muted); font-style: italic; }
table { border-collapse: collapse; margin: 6px 0 14px; font-size: 12.5px; font-variant-numeric: tabular-nums; }
th, td { border-bottom: 1px solid var(--rule); padding: 3px 9px; text-align: right; vertical-align: top; }
th { background: var(--panel); font-weight: 600; }
th:first-child, td:first-child, th.text, td.text { text-align: left; }
.table-wrap { overflow-x: auto; }
.warnings li { color: var(--warn); margin: 2px 0; }
.warnings code, .notes code, td code { color: var(--ink); }
.notes li { margin: 2px 0; }
table caption, .table-title { caption-side: top; text-align: left; color: var(--muted); padding: 2px 0 4px; margin: 10px 0 0; }
table.fits td.no-fit { color: var(--muted); font-style: italic; max-width: 760px; }
details summary { cursor: pointer; color: var(--muted); margin: 6px 0; }
#tooltip { position: fixed; z-index: 10; max-width: 420px; padding: 6px 9px; border-radius: 4px; background: #1d2125; color: #fff; font-size: 12.5px; line-height: 1.35; pointer-events: none; box-shadow: 0 2px 8px rgba(0,0,0,.25); }
#tooltip[hidden] { display: none; }
@media print { #tooltip { display: none; } figure.chart { break-inside: avoid; } }
`;

// Plain ES2017 with no dependencies; it only adds hover and keyboard tooltips. Without it, each point's SVG
// <title> still shows the same figures.
const SCRIPT = `
(() => {
  'use strict';
  const tip = document.getElementById('tooltip');
  if (!tip) return;
  let current = null;
  for (const title of document.querySelectorAll('.point > title')) {
    title.parentNode.setAttribute('aria-label', title.textContent);
    title.remove();
  }
  const place = (x, y) => {
    const pad = 14;
    let left = x + pad;
    let top = y + pad;
    if (left + tip.offsetWidth > window.innerWidth - 4) left = Math.max(4, x - tip.offsetWidth - pad);
    if (top + tip.offsetHeight > window.innerHeight - 4) top = Math.max(4, y - tip.offsetHeight - pad);
    tip.style.left = left + 'px';
    tip.style.top = top + 'px';
  };
  const show = (point, x, y) => {
    if (current && current !== point) current.classList.remove('active');
    current = point;
    point.classList.add('active');
    tip.textContent = point.getAttribute('data-tip');
    tip.hidden = false;
    place(x, y);
  };
  const hide = () => {
    if (current) current.classList.remove('active');
    current = null;
    tip.hidden = true;
  };
  const pointOf = (target) => (target instanceof Element ? target.closest('.point') : null);
  document.addEventListener('pointerover', (event) => {
    const point = pointOf(event.target);
    if (point) show(point, event.clientX, event.clientY);
    else hide();
  });
  document.addEventListener('pointermove', (event) => {
    if (current) place(event.clientX, event.clientY);
  });
  document.addEventListener('focusin', (event) => {
    const point = pointOf(event.target);
    if (!point) return;
    const box = point.getBoundingClientRect();
    show(point, box.right, box.top);
  });
  document.addEventListener('focusout', hide);
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') hide();
  });
  document.documentElement.classList.add('js');
})();
`;

function sha256(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

export function renderPage(title: string, body: string): string {
  const policy =
    `default-src 'none'; style-src ${sha256(CSS)}; script-src ${sha256(SCRIPT)}; img-src data:; base-uri ` +
    `'none'; form-action 'none'`;
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${policy}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="corescope">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${CSS}</style>`,
    '</head>',
    '<body>',
    `<main>${body}</main>`,
    '<div id="tooltip" role="tooltip" hidden></div>',
    `<script>${SCRIPT}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
