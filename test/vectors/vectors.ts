import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../src/paths.js';

/** The scipy reference vectors (make-judgement-vectors.py), as committed. */
export interface JudgementVectors {
  generator: string;
  normalCdf: Array<[number, number]>;
  normalQuantile: Array<[number, number]>;
  benjaminiHochberg: Array<{ p: number[]; q: number; adjusted: number[]; discoveries: number }>;
  families: Array<{
    margin: number;
    alpha: number;
    discoveries: number;
    confidence: number;
    rows: Array<{
      logRatio: number;
      standardError: number;
      pValue: number;
      adjustedP: number;
      low: number;
      high: number;
      verdict: string;
      minimumDetectable: number;
    }>;
  }>;
  independentRatio: Array<{
    a: [number, number, number];
    b: [number, number, number];
    estimate: number;
    low: number;
    high: number;
  }>;
}

export const VECTORS = JSON.parse(
  readFileSync(join(PACKAGE_ROOT, 'test', 'vectors', 'judgement-vectors.json'), 'utf8'),
) as JudgementVectors;
