/** Number and unit formatting shared by every human-readable output: terminal, Markdown, HTML, classify. */

export function formatMs(ms: number): string {
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  if (ms >= 100) return `${ms.toFixed(0)} ms`;
  if (ms >= 10) return `${ms.toFixed(1)} ms`;
  return `${ms.toFixed(2)} ms`;
}

/** To the µs, for tooltips that give a figure exactly (a task's start, its run time). */
export function formatMsExact(ms: number): string {
  return `${ms.toFixed(3)} ms`;
}

export function formatRatio(ratio: number): string {
  return `${ratio >= 10 ? ratio.toFixed(1) : ratio.toFixed(2)}×`;
}

/** "1 process", "3 processes": a count and its noun, singular for exactly one. */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

/** "1 thread", "4 threads". */
export function formatThreads(threads: number): string {
  return plural(threads, 'thread');
}

/** A fraction as a percentage, "97 %"; with `maxDecimals`, "12.5 %" (trailing zeros dropped). */
export function formatPercent(fraction: number, maxDecimals = 0): string {
  return `${Number((fraction * 100).toFixed(maxDecimals))} %`;
}

/** A cost in µs the way a reader scans it: µs below a millisecond ("25 µs", "2.5 µs"), ms above ("1.5 ms"). */
export function formatUs(us: number): string {
  if (Math.abs(us) >= 1000) return `${Number((us / 1000).toFixed(Math.abs(us) >= 10_000 ? 1 : 2))} ms`;
  return `${Number(us.toFixed(Math.abs(us) >= 10 ? 0 : 1))} µs`;
}

/** Payload sizes: "512 B", "64 KiB", "1.5 MiB". */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Number((bytes / (1024 * 1024)).toPrecision(4))} MiB`;
  if (bytes >= 1024) return `${Number((bytes / 1024).toPrecision(4))} KiB`;
  return `${bytes} B`;
}

/** Elapsed or remaining time at a glance: "42 s", "3 min 05 s", "1 h 02 min". */
export function formatDuration(seconds: number): string {
  const whole = Math.max(0, Math.round(seconds));
  if (whole < 60) return `${whole} s`;
  const minutes = Math.floor(whole / 60);
  if (minutes < 60) return `${minutes} min ${String(whole % 60).padStart(2, '0')} s`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}

/** A request rate: "40 req/s", "1.5 req/s", "12000 req/s" (whole numbers from 10 up). */
export function formatRatePerS(perS: number): string {
  return `${Number(perS.toFixed(perS >= 10 ? 0 : 1))} req/s`;
}
