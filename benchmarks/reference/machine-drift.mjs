// The plain reference for what precision a machine allows: no corescope code at all. It repeats one fixed piece of
// work (16 SHA-256 chains, about 45 ms on the 2-core development VM) back to back on the main thread for a while,
// with its own stopwatch, and prints one line of JSON: the spread of single samples, and the spread of the medians
// of consecutive windows as long as one measuring process of a default run (about 4 s). When that second spread is
// large, the machine's own speed drifts over seconds, and only samples taken in many separate spells of time can
// average it out: it sets a floor under any cell's 95 % interval that more rounds inside a process cannot lower.
// Usage: node machine-drift.mjs [seconds=40] [windowSeconds=4]
import { createHash } from 'node:crypto';
import { median } from './plain-helpers.mjs';

const seconds = Number(process.argv[2] ?? 40);
const windowSeconds = Number(process.argv[3] ?? 4);

function work() {
  const block = Buffer.alloc(4096, 1);
  for (let task = 0; task < 16; task += 1) {
    let digest = createHash('sha256').update(block).digest();
    for (let round = 1; round < 400; round += 1) {
      digest.copy(block);
      digest = createHash('sha256').update(block).digest();
    }
  }
}

const cvPct = (values) => {
  const mean = values.reduce((total, value) => total + value, 0) / values.length;
  const variance = values.reduce((total, value) => total + (value - mean) ** 2, 0) / (values.length - 1);
  return (Math.sqrt(variance) / mean) * 100;
};

for (let warm = 0; warm < 5; warm += 1) work();
const samples = [];
const startedAt = performance.now();
while (performance.now() - startedAt < seconds * 1000) {
  const before = performance.now();
  work();
  samples.push({ atMs: before - startedAt, ms: performance.now() - before });
}
const windows = [];
for (const sample of samples) {
  const index = Math.floor(sample.atMs / (windowSeconds * 1000));
  (windows[index] ??= []).push(sample.ms);
}
const windowMedians = windows.filter((window) => window !== undefined && window.length >= 3).map(median);
const betweenWindowsPct = cvPct(windowMedians);
console.log(
  JSON.stringify({
    seconds,
    samples: samples.length,
    medianMs: median(samples.map((sample) => sample.ms)),
    sampleCvPct: cvPct(samples.map((sample) => sample.ms)),
    windowSeconds,
    windowMediansMs: windowMedians,
    betweenWindowsCvPct: betweenWindowsPct,
    // Normal approximation: spells of one window each needed for a 95 % half-width of 3 % on their mean.
    windowsForThreePct: Math.ceil(((1.96 * betweenWindowsPct) / 3) ** 2),
  }),
);
