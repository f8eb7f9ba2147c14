// The build: esbuild strips the types of src, benchmarks and workers into dist/, file for file (the sources are
// isolatedModules, so nothing else is needed; `npm run typecheck` checks the types and `npm run build:types` writes
// the package's declarations). Workers and the measuring child run this compiled JavaScript, never a TypeScript
// loader. `--clean` first removes dist/, so a packed build holds no file whose source is gone.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

if (process.argv.includes('--clean')) rmSync('dist', { recursive: true, force: true });
await build({
  entryPoints: ['src/**/*.ts', 'benchmarks/**/*.ts', 'workers/**/*.ts'],
  outdir: 'dist',
  outbase: '.',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
});
