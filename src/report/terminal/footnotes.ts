/**
 * Notes said once: a table row points at a numbered note under the table instead of repeating its text, so
 * a note that twenty rows share costs one line and the table stays narrow.
 */
export interface Footnotes {
  /** The marker for this note ("[2]"), numbering a new note on first sight. */
  ref(note: string): string;
  /** "[1] note", one line per note, in order of first sight. */
  lines(): string[];
}

export function footnotes(): Footnotes {
  const numbers = new Map<string, number>();
  return {
    ref(note) {
      let number = numbers.get(note);
      if (number === undefined) numbers.set(note, (number = numbers.size + 1));
      return `[${number}]`;
    },
    lines: () => [...numbers].map(([note, number]) => `[${number}] ${note}`),
  };
}
