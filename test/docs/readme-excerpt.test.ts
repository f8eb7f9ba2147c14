import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { README_RUN } from '../../scripts/readme-run.js';
import { runCli } from '../helpers/cli.js';
import { ELISION, fencedAfter, missingPart } from './excerpt.js';

/** The sentence that introduces README's terminal excerpt, naming the committed run it comes from. */
const MARKER = 'An excerpt of a default run';

describe("README's terminal excerpt", () => {
  const readme = readFileSync(join(PACKAGE_ROOT, 'README.md'), 'utf8');
  const { file, block } = fencedAfter(readme, MARKER);

  it('names the committed run that docs/report.png is drawn from', () => {
    expect(file).toBe(README_RUN);
  });

  it('is what `report --format terminal` renders from that file, lines left out only at …', async () => {
    const rendered = await runCli(['report', join(PACKAGE_ROOT, file), '--format', 'terminal']);
    expect(rendered.stderr).toBe('');
    expect(rendered.code).toBe(0);
    expect(missingPart(block, rendered.stdout), 'a part of the excerpt that the file does not render').toBeUndefined();
    // Most of it is there to read: not a line or two.
    expect(block.split('\n').filter((line) => line.trim() !== '' && line !== ELISION).length).toBeGreaterThan(12);
  });
});

describe('missingPart', () => {
  const full = ['a', 'b 1.00×', 'c', 'd', 'e'].join('\n');

  it('finds parts in order, each as consecutive lines', () => {
    expect(missingPart(['a', 'b 1.00×', ELISION, 'd', 'e'].join('\n'), full)).toBeUndefined();
    expect(missingPart(['b 1.00×   ', 'c'].join('\n'), full)).toBeUndefined();
  });

  it('fails a figure edited by hand, lines out of order, and lines left out without …', () => {
    expect(missingPart(['a', 'b 1.01×'].join('\n'), full)).toBe('a\nb 1.01×');
    expect(missingPart(['d', ELISION, 'a'].join('\n'), full)).toBe('a');
    expect(missingPart(['a', 'c'].join('\n'), full)).toBe('a\nc');
  });
});
