import type { Pairing, Side } from '../runner/pairing.js';
import type { WorkloadRecord } from '../runner/records.js';

/**
 * `ab`: a second version of the same workloads (the head, against the run's own as the base), in the same order.
 * Its processes alternate with the base's — base, head, base, head… — and stop together, so drift falls on both
 * alike; the head calibrates nothing of its own but takes the base's batches per sample and tasks per message.
 */
export function abPairing(head: Side): Pairing {
  return {
    others: [head],
    afterProcess: (group) => {
      shareCalibration(group);
      return workloadMismatch(group);
    },
  };
}

/** Why a group's sides do not measure the same workload (their ids differ), once every side has said. */
function workloadMismatch(group: readonly WorkloadRecord[]): string | undefined {
  const [first, ...others] = group;
  if (first?.info === undefined) return undefined;
  const other = others.find((record) => record.info !== undefined && record.info.id !== first.info?.id);
  return other === undefined
    ? undefined
    : `${other.spec} holds workload "${other.info?.id ?? '?'}" but ${first.spec} holds "${first.info.id}": ` +
        `both sides must hold the same workload ids`;
}

/**
 * The other sides of a group measure what the first side calibrated: the same batches per sample and tasks per
 * message, cell by cell (their cells line up: same strategies and thread counts), so a slower head is timed over
 * the same work as its base rather than over fewer repeats.
 */
function shareCalibration(group: readonly WorkloadRecord[]): void {
  const [first, ...others] = group;
  if (first === undefined) return;
  for (const other of others) {
    other.cells.forEach((cell, index) => {
      const source = first.cells[index];
      if (source === undefined) return;
      cell.repeats ??= source.repeats;
      cell.batching ??= source.batching;
    });
  }
}
