/**
 * The Workload contract. One module serves every strategy: the measuring process imports it for
 * `sequential` and `concurrent`, a worker thread imports the very same module for `parallel`.
 * Built-in workloads and users' own files are written against this API alone.
 */

export const WORKLOAD_KINDS = ['io', 'cpu', 'mixed'] as const;
export type WorkloadKind = (typeof WORKLOAD_KINDS)[number];

export interface SetupContext {
  /** The size the run uses (the workload's own unit, e.g. iterations or milliseconds). */
  size: number;
  /** How many tasks one sample runs. */
  tasks: number;
}

export interface TaskInput<Data> {
  /** Plain, cloneable data returned by `setup` (a URL, a directory): it crosses to worker threads. */
  data: Data;
  size: number;
  /** 0-based index of the task within its batch. */
  index: number;
}

/** What the `compute` step of a split workload receives: the task's input plus what its `wait` step returned. */
export interface ComputeInput<Data, Waited> extends TaskInput<Data> {
  waited: Waited;
}

/** Facts about one cell, for workloads that can state a floor on a batch's wall time. */
export interface BoundContext<Data> extends SetupContext {
  data: Data;
}

export interface WorkloadDefinition<Data = undefined, Result = unknown, Waited = unknown> {
  /** Stable id: lowercase letters, digits and dashes. Result ids are built from it. */
  id: string;
  kind: WorkloadKind;
  description: string;
  /** Size used when the run does not choose one; pick it so one task costs milliseconds. */
  defaultSize: number;
  /** Tasks per sample when the run does not choose; defaults to the run's `--tasks`. */
  defaultTasks?: number;
  /** Runs once per cell in the measuring process, never in a worker. Returns plain data. */
  setup?: (context: SetupContext) => Data | Promise<Data>;
  /** Runs once per cell after its last sample, with what `setup` returned. */
  teardown?: (data: Data) => void | Promise<void>;
  /** One unit of work. Its return value must be cloneable (it may cross a thread). */
  task: (input: TaskInput<Data>) => Result | Promise<Result>;
  /**
   * Optional split of `task` into its two halves, for the `hybrid` strategy: `wait` (network, timers: runs
   * concurrently on the measuring process's event loop) and `compute` (CPU work on what `wait` returned:
   * runs on a worker thread). Give both or neither. `compute(wait(input))` must return what `task(input)`
   * returns; `task` stays required because every other strategy runs it alone. `wait`'s value crosses to a
   * worker thread, so it must be cloneable.
   */
  wait?: (input: TaskInput<Data>) => Waited | Promise<Waited>;
  compute?: (input: ComputeInput<Data, Waited>) => Result | Promise<Result>;
  /**
   * Optional floor on one batch's wall time, ms, that no strategy can beat: for tasks that depend on each
   * other, the critical path (the longest chain of dependent steps). Called once per cell after `setup`;
   * reported beside the measured times.
   */
  criticalPathMs?: (context: BoundContext<Data>) => number | Promise<number>;
}

/**
 * A checked, frozen definition. Files are validated by shape when loaded (`findDefinitionProblem`), not by
 * provenance, so a plain object exported without `defineWorkload` works too.
 */
export type Workload<Data = unknown, Result = unknown, Waited = unknown> = Readonly<
  WorkloadDefinition<Data, Result, Waited>
>;

const ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** Checks a definition and returns a frozen workload; throws an Error whose message names the field. */
export function defineWorkload<Data = undefined, Result = unknown, Waited = unknown>(
  definition: WorkloadDefinition<Data, Result, Waited>,
): Workload<Data, Result, Waited> {
  const problem = findDefinitionProblem(definition);
  if (problem !== undefined) throw new TypeError(`invalid workload: ${problem}`);
  return Object.freeze({ ...definition });
}

/** The first thing wrong with a would-be workload definition, or undefined when it is valid. */
export function findDefinitionProblem(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return 'a workload must be an object';
  const def = value as Record<string, unknown>;
  if (typeof def.id !== 'string' || !ID_PATTERN.test(def.id)) {
    return `"id" must be lowercase letters, digits and dashes (got ${JSON.stringify(def.id)})`;
  }
  if (typeof def.kind !== 'string' || !(WORKLOAD_KINDS as readonly string[]).includes(def.kind)) {
    return `"kind" must be one of ${WORKLOAD_KINDS.join(', ')} (got ${JSON.stringify(def.kind)})`;
  }
  if (typeof def.description !== 'string') return '"description" must be a string';
  if (!isPositiveFinite(def.defaultSize)) return '"defaultSize" must be a positive number';
  if (def.defaultTasks !== undefined && !(Number.isInteger(def.defaultTasks) && isPositiveFinite(def.defaultTasks))) {
    return '"defaultTasks" must be a positive integer';
  }
  if (typeof def.task !== 'function') return '"task" must be a function';
  for (const hook of ['setup', 'teardown', 'wait', 'compute', 'criticalPathMs'] as const) {
    if (def[hook] !== undefined && typeof def[hook] !== 'function') return `"${hook}" must be a function`;
  }
  if ((def.wait === undefined) !== (def.compute === undefined)) {
    return (
      `"wait" and "compute" split a task in two: give both or neither (got only ` +
      `"${def.wait === undefined ? 'compute' : 'wait'}")`
    );
  }
  return undefined;
}

/** Whether a workload exposes the wait/compute split the `hybrid` strategy needs. */
export function hasSplit(workload: Workload): workload is Workload & Required<Pick<Workload, 'wait' | 'compute'>> {
  return typeof workload.wait === 'function' && typeof workload.compute === 'function';
}

function isPositiveFinite(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0;
}
