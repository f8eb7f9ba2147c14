import { performance } from 'node:perf_hooks';
import { EXIT } from '../errors.js';
import { probeProvenance } from '../results/provenance.js';
import type { Benchmark, ResultFile } from '../results/schema.js';
import { SCHEMA_VERSION } from '../results/schema.js';
import { TOOL_VERSION } from '../version.js';
import { aggregateWorkload } from './aggregate.js';
import { probeMachine, startStealMeter } from './machine-probe.js';
import { SOLO, type Pairing, type Side } from './pairing.js';
import { finishedCells, roundPlanFor, timeLeftMs, wantsProcess } from './process-plan.js';
import { newRecord, type ProcessSettings, type WorkloadRecord } from './records.js';
import { runWarnings, tryWrite, withTrace } from './result-snapshot.js';
import type { RunRequest } from './run-request.js';
import { withScalingFits } from './scaling.js';
import { measureProcess } from './supervisor.js';
import { tagUvThreadpool } from './uv-threadpool.js';

/** Bootstrap replicates for the files written while a workload is still measuring (the final ones use the default). */
const INTERIM_RESAMPLES = 200;
/** Interim files between processes: at most this often, so writing never costs much of the measuring time. */
const INTERIM_WRITE_EVERY_MS = 1_000;

export interface SuiteOutcome {
  result: ResultFile;
  /** With a paired run: the other side's result (`result` is the run's own side's). */
  versusResult?: ResultFile;
  exitCode: number;
  /** A user's workload file could not be used: the CLI reports it as bad input (exit 2). */
  usageError: string | undefined;
  /** The result file could not be written (disk full, file too large...): one line; the run stopped there. */
  writeError?: string;
}

/**
 * Runs the whole matrix (workloads × strategies × threads). Each workload is measured in several fresh
 * processes, taken in passes — every workload's first process, then every workload's second… — so a spell of
 * load on the machine falls on one process of many workloads rather than on all of one. After its minimum,
 * a workload gets another process while some cell is short of --precision and its --max-time allows. The
 * result file is kept current throughout, so nothing measured is lost whatever happens next.
 */
export function runSuite(request: RunRequest, pairing: Pairing = SOLO): Promise<SuiteOutcome> {
  return new Scheduler(request, pairing).run();
}

/** One run: its records, its processes, its files and its stop state, and nothing shared with another run. */
class Scheduler {
  private readonly stop = new AbortController();
  private readonly sides: Side[];
  /** Records of one workload (and libuv pool size), one per side: they take their processes in turn. */
  private readonly groups: WorkloadRecord[][];
  /** Entries per record, recomputed only for the record whose figures changed, never while a sample runs. */
  private readonly aggregated = new Map<WorkloadRecord, Benchmark[]>();
  private readonly startedAtMs = performance.now();
  /** When measuring began, after the machine probe. */
  private startedAt = '';
  private readonly provenance = probeProvenance();
  private writeError: string | undefined;
  private mismatch: string | undefined;
  private lastWriteMs = 0;

  constructor(
    private readonly request: RunRequest,
    private readonly pairing: Pairing,
  ) {
    const { config, label, outPath } = request;
    this.sides = [{ workloads: config.workloads, label, outPath }, ...pairing.others];
    this.groups = config.workloads.flatMap((_, index) =>
      (config.uvThreadpoolSizes ?? [undefined]).map((size) =>
        this.sides.map((side) => newRecord(side.workloads[index] ?? '', config, size)),
      ),
    );
    if (request.signal?.aborted === true) this.stop.abort();
    request.signal?.addEventListener('abort', () => this.stop.abort(), { once: true });
  }

  private get stopped(): boolean {
    return this.stop.signal.aborted;
  }

  async run(): Promise<SuiteOutcome> {
    const { environment, extras, config } = this.request;
    if (extras.probe) environment.machine = await probeMachine(environment.usableCores, config.minSampleMs);
    const stealMeter = startStealMeter();
    this.startedAt = new Date().toISOString();
    for (let pass = 0; !this.stopped; pass += 1) {
      // A group goes on while any side wants more, all sides together, so their processes keep alternating.
      const due = this.groups.filter((group) => group.some((record) => this.wants(record)));
      if (due.length === 0) break;
      for (const group of due) {
        for (const record of group) {
          if (this.stopped) break;
          await this.measure(record, group);
        }
      }
    }
    if (environment.machine !== undefined) environment.machine.stealPct = stealMeter();
    this.groups.flat().forEach((record) => this.refresh(record, false));
    return this.outcome(this.writeAll(true));
  }

  /** One more measuring process for `record`, then its figures and files brought up to date. */
  private async measure(record: WorkloadRecord, group: readonly WorkloadRecord[]): Promise<void> {
    this.report(record);
    await (this.request.measure ?? measureProcess)(record, this.settingsFor(record, group), {
      onRound: () => {
        if (performance.now() - this.lastWriteMs < INTERIM_WRITE_EVERY_MS) return;
        this.refresh(record, true);
        this.writeAll(false);
      },
      signal: this.stop.signal,
      ...(this.request.killSignal !== undefined ? { killSignal: this.request.killSignal } : {}),
    });
    this.mismatch ??= this.pairing.afterProcess(group);
    if (this.mismatch !== undefined) this.stop.abort();
    this.refresh(record, false);
    this.writeAll(false);
  }

  private wants(record: WorkloadRecord): boolean {
    return wantsProcess(record, this.aggregated.get(record) ?? [], this.request.config);
  }

  private settingsFor(record: WorkloadRecord, group: readonly WorkloadRecord[]): ProcessSettings {
    const { config, extras, environment } = this.request;
    return {
      config,
      rounds: roundPlanFor(record, this.aggregated.get(record) ?? [], config),
      usableCores: environment.usableCores,
      traceSamples: record.processes === 0 ? extras.traceSamples : 0,
      done: this.finishedInGroup(record, group),
    };
  }

  /** A cell sits out only when it is precise on every side of its group: paired sides pair round by round. */
  private finishedInGroup(record: WorkloadRecord, group: readonly WorkloadRecord[]): Set<string> {
    const minimum = this.request.config.processes;
    const finished = group.map((member) => finishedCells(member, this.aggregated.get(member) ?? [], minimum));
    const indices = record.cells.flatMap((cell, index) =>
      group.every((member, side) => finished[side]?.has(member.cells[index]?.id ?? '') === true) ? [index] : [],
    );
    return new Set(indices.map((index) => record.cells[index]?.id ?? ''));
  }

  private refresh(record: WorkloadRecord, interim: boolean): void {
    if (record.info === undefined && record.fatal === undefined) return;
    const { config, environment } = this.request;
    const entries = aggregateWorkload(record, {
      usableCores: environment.usableCores,
      maxInFlight: config.maxInFlight,
      interrupted: this.stopped,
      precisionPct: config.precisionPct,
      ...(interim ? { resamples: INTERIM_RESAMPLES } : {}),
    });
    this.aggregated.set(
      record,
      entries.map((benchmark) => tagUvThreadpool(benchmark, record.uvThreadpoolSize, environment.uvThreadpoolSize)),
    );
  }

  /**
   * Writes every side's file. The store writes a temporary file and renames it, so a failed write leaves the last
   * good file in place; nothing more could be saved then: stop measuring, keep the figures for the summary.
   */
  private writeAll(finished: boolean): ResultFile[] {
    this.lastWriteMs = performance.now();
    return this.sides.map((side, index) => {
      const own = this.groups.flatMap((group) => group[index] ?? []);
      const result = withScalingFits(this.snapshot(finished, side, own));
      if (side.outPath !== null && this.writeError === undefined) {
        this.writeError = tryWrite(side.outPath, result);
        if (this.writeError !== undefined) this.stop.abort();
      }
      return result;
    });
  }

  private snapshot(finished: boolean, side: Side, own: readonly WorkloadRecord[]): ResultFile {
    const { config, environment, argv } = this.request;
    return {
      schemaVersion: SCHEMA_VERSION,
      tool: { name: 'corescope', version: TOOL_VERSION },
      run: {
        startedAt: this.startedAt,
        finishedAt: finished ? new Date().toISOString() : null,
        label: side.label,
        argv,
        interrupted: this.stopped,
      },
      environment,
      config: { ...config, workloads: side.workloads },
      benchmarks: own.flatMap((record) => this.aggregated.get(record) ?? []),
      warnings: runWarnings(own, environment),
      ...(this.provenance !== undefined ? { provenance: this.provenance } : {}),
      ...withTrace(own, this.aggregated),
    };
  }

  private report(record: WorkloadRecord): void {
    const { config, onProgress } = this.request;
    if (onProgress === undefined) return;
    const remainingMs = this.groups
      .flat()
      .reduce((total, other) => total + (this.wants(other) || other === record ? timeLeftMs(other, config) : 0), 0);
    onProgress({
      workload: record.spec,
      process: record.completed,
      processesPlanned: config.processes,
      elapsedMs: performance.now() - this.startedAtMs,
      remainingMs,
    });
  }

  private outcome([result, versusResult]: ResultFile[]): SuiteOutcome {
    if (result === undefined) throw new Error('a run always has its own side');
    const records = this.groups.flat();
    const usage =
      this.mismatch !== undefined
        ? { error: { message: this.mismatch } }
        : records.find((record) => record.fatal?.usage === true)?.fatal;
    const failed = [result, versusResult].some((file) =>
      file?.benchmarks.some((benchmark) => !['ok', 'skipped'].includes(benchmark.status)),
    );
    const exitCode =
      usage !== undefined || this.writeError !== undefined
        ? EXIT.usage
        : this.stopped
          ? EXIT.interrupted
          : failed
            ? EXIT.workloadFailed
            : EXIT.ok;
    return {
      result,
      ...(versusResult !== undefined ? { versusResult } : {}),
      exitCode,
      usageError: usage?.error.message,
      ...(this.writeError !== undefined ? { writeError: this.writeError } : {}),
    };
  }
}
