import { z } from 'zod';

/**
 * The machine probe (runner/machine-probe.ts): a plain integer spin on 1…P plain worker threads at once, no pool,
 * before any workload runs. It says what this machine's cores delivered in this run — a shared VM's second vCPU
 * may give much less than a core — and how noisy its timing is, so verdicts can be read against the hardware.
 */
export const machineProbeSchema = z.object({
  /** Length of one spin on one idle thread, ms. */
  spinMs: z.number().positive(),
  /**
   * For each thread count: the cores' worth of work delivered, Σ over threads of (alone time / time with the
   * others).
   */
  threads: z.array(z.object({ threads: z.int().positive(), deliveredCores: z.number().nonnegative() })),
  /** Coefficient of variation of the one-thread spin repeated, %: the timing-noise floor of a sample this long. */
  noiseCvPct: z.number().nonnegative(),
  /**
   * Share of CPU time the hypervisor took (steal, /proc/stat) over the whole run, %; null where Linux has no figure.
   */
  stealPct: z.number().nonnegative().nullable(),
});

export type MachineProbe = z.infer<typeof machineProbeSchema>;
