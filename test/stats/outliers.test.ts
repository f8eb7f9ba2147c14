import { describe, expect, it } from 'vitest';
import { tukeyOutliers } from '../../src/stats/outliers.js';

describe("Tukey's fences", () => {
  it('counts mild and severe outliers on a hand-made vector', () => {
    // Q1 = 2.25, Q3 = 6.75 (numpy.percentile, R type 7), IQR 4.5: mild fences −4.5 and 13.5, severe −11.25 and
    // 20.25. So −12 and 30 are both outliers, and both severe.
    const values = [1, 2, 3, 4, 5, 6, 7, 8, 30, -12];
    expect(tukeyOutliers(values)).toEqual({ low: 1, high: 1, severe: 2 });
    // 16 is past 13.5 but not 20.25: mild.
    expect(tukeyOutliers([1, 2, 3, 4, 5, 6, 7, 8, 16, 0])).toMatchObject({ high: 1, severe: 0 });
  });

  it('finds none in a tight sample, and none in fewer than four values', () => {
    expect(tukeyOutliers([10, 10.2, 9.9, 10.1, 10.05, 9.95])).toEqual({ low: 0, high: 0, severe: 0 });
    expect(tukeyOutliers([1, 100, 1000])).toEqual({ low: 0, high: 0, severe: 0 });
  });

  it('tells a mild outlier from a severe one', () => {
    // Q1 = 10, Q3 = 11 (IQR 1): 12.6 is past 12.5 (mild) but not 14 (severe); 14.5 is severe.
    const base = [10, 10, 10, 10, 11, 11, 11, 11];
    expect(tukeyOutliers([...base, 12.6])).toMatchObject({ high: 1, severe: 0 });
    expect(tukeyOutliers([...base, 14.5])).toMatchObject({ high: 1, severe: 1 });
  });
});
