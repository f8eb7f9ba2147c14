import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * The engine core stays readable: no function in src/runner/ longer than 80 lines, and no module-level `let` (a
 * run's state lives in its Scheduler, so two runs in one process share nothing).
 */
const RUNNER = join(import.meta.dirname, '..', '..', 'src', 'runner');
const MAX_FUNCTION_LINES = 80;

function sources(): Array<{ file: string; source: ts.SourceFile }> {
  return readdirSync(RUNNER)
    .filter((file) => file.endsWith('.ts'))
    .map((file) => ({
      file,
      source: ts.createSourceFile(file, readFileSync(join(RUNNER, file), 'utf8'), ts.ScriptTarget.Latest, true),
    }));
}

describe('src/runner/ shape', () => {
  it(`has no function longer than ${MAX_FUNCTION_LINES} lines`, () => {
    const long: string[] = [];
    for (const { file, source } of sources()) {
      const visit = (node: ts.Node): void => {
        if (ts.isFunctionLike(node) && 'body' in node && node.body !== undefined) {
          const first = source.getLineAndCharacterOfPosition(node.getStart()).line;
          const last = source.getLineAndCharacterOfPosition(node.end).line;
          if (last - first + 1 > MAX_FUNCTION_LINES) long.push(`${file}:${first + 1} (${last - first + 1} lines)`);
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
    expect(long).toEqual([]);
  });

  it('has no module-level let', () => {
    const lets = sources().flatMap(({ file, source }) =>
      source.statements
        .filter((statement) => ts.isVariableStatement(statement))
        .filter((statement) => (statement.declarationList.flags & ts.NodeFlags.Let) !== 0)
        .map((statement) => `${file}:${source.getLineAndCharacterOfPosition(statement.getStart()).line + 1}`),
    );
    expect(lets).toEqual([]);
  });
});
