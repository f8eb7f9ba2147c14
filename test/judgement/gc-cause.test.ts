import { describe, expect, it } from 'vitest';
import { gcCause } from '../../src/judgement/gc-cause.js';

describe('gcCause', () => {
  it('names GC when the workers collected clearly more than the main thread', () => {
    expect(gcCause({ mainShare: 0.09, workerShare: 0.31 })).toBe(
      'workers spent 31 % of their time collecting garbage, against 9 % on the main thread',
    );
  });

  it('stays silent when the figures do not show it', () => {
    expect(gcCause({ mainShare: 0.09, workerShare: 0.12 })).toBeUndefined(); // 3 points
    expect(gcCause({ mainShare: 0.3, workerShare: 0.4 })).toBeUndefined(); // 1.33×
    expect(gcCause({ mainShare: 0, workerShare: 0.01 })).toBeUndefined();
  });
});
