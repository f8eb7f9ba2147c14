import { describe, expect, it } from 'vitest';
import { incompleteBeta, studentTCdf, tCritical } from '../../src/stats/student-t.js';

describe("Student's t", () => {
  it('reproduces textbook two-sided 95 % critical values', () => {
    // Published t tables.
    const table: Array<[number, number]> = [
      [1, 12.706],
      [2, 4.303],
      [5, 2.571],
      [9, 2.262],
      [30, 2.042],
      [120, 1.98],
    ];
    for (const [df, critical] of table) expect(tCritical(df)).toBeCloseTo(critical, 3);
  });

  it('approaches the normal distribution for large df', () => {
    expect(tCritical(1e6)).toBeCloseTo(1.95996, 4);
  });

  it('has a symmetric CDF', () => {
    for (const t of [0.3, 1, 2.5]) expect(studentTCdf(t, 7) + studentTCdf(-t, 7)).toBeCloseTo(1, 12);
    expect(studentTCdf(0, 4)).toBeCloseTo(0.5, 12);
  });

  it('computes the regularized incomplete beta at known points', () => {
    expect(incompleteBeta(0.5, 1, 1)).toBeCloseTo(0.5, 12);
    // I_x(a, 1) = x^a
    expect(incompleteBeta(0.3, 3, 1)).toBeCloseTo(0.027, 10);
    // I_x(1, b) = 1 - (1 - x)^b
    expect(incompleteBeta(0.2, 1, 4)).toBeCloseTo(1 - 0.8 ** 4, 10);
  });
});
