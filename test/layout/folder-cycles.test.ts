import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { findCycle, moduleGraph, moduleOf } from './import-graph.js';

describe('the layers of src/', () => {
  it('no folder imports, through any chain, a folder that imports it', () => {
    const graph = moduleGraph(join(PACKAGE_ROOT, 'src'));
    const cycle = findCycle(graph) ?? [];
    // On failure, the message names the file import behind each step of the cycle.
    const imports = cycle.slice(1).map((to, step) => graph.get(cycle[step] ?? '')?.get(to));
    expect(imports, `folder cycle ${cycle.join(' → ')}`).toEqual([]);
    // The graph was read at all: a known edge is in it.
    expect(graph.get('report/terminal')?.has('report/data')).toBe(true);
  });

  it('finds a cycle planted in a hand-made graph, and none in a chain', () => {
    const edge = (to: string) => new Map([[to, `a file → ${to}`]]);
    expect(
      findCycle(
        new Map([
          ['a', edge('b')],
          ['b', edge('c')],
          ['c', edge('a')],
        ]),
      ),
    ).toEqual(['a', 'b', 'c', 'a']);
    expect(
      findCycle(
        new Map([
          ['a', edge('b')],
          ['b', edge('c')],
        ]),
      ),
    ).toBeUndefined();
  });

  it('counts report/ subfolders as modules of their own, and files at the top as one module each', () => {
    expect(moduleOf(join('report', 'terminal', 'table.ts'))).toBe('report/terminal');
    expect(moduleOf(join('runner', 'plan.ts'))).toBe('runner');
    expect(moduleOf('errors.ts')).toBe('errors.ts');
  });
});
