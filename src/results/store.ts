import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, basename, join } from 'node:path';
import { type ResultFile, resultFileSchema } from './schema.js';

/** Validates a result and serialises it; a schema violation (NaN, a missing field) is a bug, refused here. */
export function serializeResult(result: ResultFile): string {
  const parsed = resultFileSchema.safeParse(result);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`refusing to write an invalid result: ${issue?.path.join('.') ?? '?'}: ${issue?.message ?? ''}`);
  }
  return `${JSON.stringify(parsed.data, null, 2)}\n`;
}

/**
 * Writes through a temporary file in the same directory, fsyncs it, then renames it over the target, so the
 * file on disk is always a complete, valid result: the old one or the new one, never half of either.
 */
export function writeResultAtomic(path: string, result: ResultFile): void {
  writeFileAtomic(path, serializeResult(result));
}

export function writeFileAtomic(path: string, content: string): void {
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    const fd = openSync(temporary, 'w');
    try {
      // writeFileSync loops until every byte is written: a bare writeSync may write part of the content and
      // return (a full disk, a file size limit), and that half file would then be renamed over a good one.
      writeFileSync(fd, content);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, path);
  } catch (error) {
    try {
      rmSync(temporary, { force: true });
    } catch {
      // The temporary file could not even be created; the original error is the one worth reporting.
    }
    throw error;
  }
}
