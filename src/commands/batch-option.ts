import { UsageError } from '../errors.js';
import type { BatchSetting } from '../strategies/batch-size.js';

/** The largest fixed --batch accepted: beyond it one message holds more work than any deadline should. */
export const MAX_BATCH = 10_000;

/** `--batch`: a positive integer (tasks per message) or `auto`. */
export function parseBatch(value: unknown, flag = '--batch'): BatchSetting {
  const text = String(value).trim();
  if (text === 'auto') return 'auto';
  const number = Number(text);
  if (text === '' || !Number.isInteger(number) || number < 1 || number > MAX_BATCH) {
    throw new UsageError(`${flag}: "${text}" must be "auto" or a whole number of tasks per message from 1 to ${MAX_BATCH}`);
  }
  return number;
}
