import type { Benchmark, ResultFile } from '../results/schema.js';

/** One loaded result file and the name it is reported under (usually its path). */
export interface NamedResult {
  name: string;
  result: ResultFile;
}

/** One benchmark id across all files: `entries[i]` is file i's benchmark, or undefined where it is missing. */
export interface MatchedBenchmark {
  id: string;
  entries: Array<Benchmark | undefined>;
}

export interface Matching {
  /** Every id seen in any file, in order of first appearance (base file first). */
  rows: MatchedBenchmark[];
  /** Ids missing from at least one file, with the names of the files that hold them. */
  partial: Array<{ id: string; presentIn: string[]; missingFrom: string[] }>;
}

/** Lines benchmarks up across files by their stable id (`<workload>/<strategy>/t<threads>`). */
export function matchBenchmarks(files: readonly NamedResult[]): Matching {
  const rows = new Map<string, MatchedBenchmark>();
  files.forEach((file, index) => {
    for (const benchmark of file.result.benchmarks) {
      let row = rows.get(benchmark.id);
      if (row === undefined) {
        row = { id: benchmark.id, entries: files.map(() => undefined) };
        rows.set(benchmark.id, row);
      }
      row.entries[index] = benchmark;
    }
  });
  const partial = [...rows.values()]
    .filter((row) => row.entries.some((entry) => entry === undefined))
    .map((row) => ({
      id: row.id,
      presentIn: files.filter((_, index) => row.entries[index] !== undefined).map((file) => file.name),
      missingFrom: files.filter((_, index) => row.entries[index] === undefined).map((file) => file.name),
    }));
  return { rows: [...rows.values()], partial };
}

/** Ids two files have in common. */
export function commonIds(a: ResultFile, b: ResultFile): string[] {
  const inB = new Set(b.benchmarks.map((benchmark) => benchmark.id));
  return a.benchmarks.map((benchmark) => benchmark.id).filter((id) => inB.has(id));
}
