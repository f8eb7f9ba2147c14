/**
 * The committed run README shows: its terminal excerpt is rendered from this file (test/docs/readme-excerpt.test.ts
 * holds the two together) and docs/report.png is drawn from it (scripts/docs-screenshot.ts).
 */
export const README_RUN = 'results/reference/readme-2core.json';
