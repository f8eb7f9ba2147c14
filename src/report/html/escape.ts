/**
 * Every string that reaches the HTML report from a result file (labels, ids, error messages, warnings) is
 * untrusted input. Escaped for both text and quoted attribute values, so one function serves both.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/** Numbers that go into SVG coordinates: fixed precision, and never NaN (which would silently break a path). */
export function coordinate(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite coordinate: ${value}`);
  return String(Math.round(value * 10) / 10);
}
