/** Exit codes shared by every command (README lists them). */
export const EXIT = {
  ok: 0,
  workloadFailed: 1,
  usage: 2,
  regression: 3,
  interrupted: 130,
} as const;

/**
 * Bad usage or bad input: the CLI prints `message` as one line and exits 2, no stack trace.
 * The message names the flag or the file and what is wrong with it.
 */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** A plain, cloneable description of any thrown value: what crosses threads, IPC and the result file. */
export interface SerializedError {
  name: string;
  message: string;
  code?: string;
  /** Exit code of a thread or process that died (`crashed`). */
  exitCode?: number;
  stack?: string;
}

export function serializeError(value: unknown): SerializedError {
  if (value instanceof TaskError) return value.serialized;
  if (value instanceof Error) {
    // fetch() and other wrappers hide the system error (EMFILE, ECONNRESET) in `cause`: lift its code and say it.
    const cause = (value as { cause?: unknown }).cause;
    const causeCode = cause instanceof Error ? codeOf((cause as { code?: unknown }).code) : undefined;
    const code = codeOf((value as { code?: unknown }).code) ?? causeCode;
    const exitCode = (value as { exitCode?: unknown }).exitCode;
    return {
      name: value.name,
      message: causeCode !== undefined && cause instanceof Error ? `${value.message}: ${cause.message}` : value.message,
      ...(code !== undefined ? { code } : {}),
      ...(typeof exitCode === 'number' ? { exitCode } : {}),
      ...(value.stack !== undefined ? { stack: value.stack } : {}),
    };
  }
  if (typeof value === 'object' && value !== null) {
    const record = value as { name?: unknown; message?: unknown; code?: unknown };
    if (typeof record.message === 'string') {
      const code = codeOf(record.code);
      return {
        name: typeof record.name === 'string' ? record.name : 'Error',
        message: record.message,
        ...(code !== undefined ? { code } : {}),
      };
    }
  }
  return { name: 'NonError', message: describeThrown(value) };
}

/** Error codes are strings (`ENOENT`) or sometimes numbers; anything else is not a code. */
function codeOf(code: unknown): string | undefined {
  return typeof code === 'string' || typeof code === 'number' ? String(code) : undefined;
}

function describeThrown(value: unknown): string {
  if (typeof value === 'string') return value;
  try {
    return `thrown value: ${JSON.stringify(value) ?? String(value)}`;
  } catch {
    return `thrown value: ${String(value)}`;
  }
}

/** Error rebuilt from its serialized form, so a failure keeps its name and code on this side. */
export class TaskError extends Error {
  readonly code: string | undefined;
  constructor(readonly serialized: SerializedError) {
    super(serialized.message);
    this.name = serialized.name;
    this.code = serialized.code;
  }
}
