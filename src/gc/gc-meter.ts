import { performance, PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks';
import { setImmediate as afterImmediates } from 'node:timers/promises';
import { getHeapStatistics } from 'node:v8';

/**
 * Garbage-collection pause time on the current thread, between a start and a stop. It reads `perf_hooks` 'gc'
 * entries, which V8 and Node produce per isolate: the main thread and every worker thread each see only their
 * own collections, so the same code measures either.
 *
 * Why stop() is async: Node does not hand a 'gc' entry over when the pause ends. It queues it from a native
 * immediate, so right after a synchronous batch neither the observer's callback nor `takeRecords()` has the
 * batch's entries yet (measured on Node 20: 0 entries synchronously, all of them after one setImmediate).
 * stop() therefore lets the immediates run, then takes the records: a reading taken right after a batch
 * includes that batch's collections. Flushing costs about 10 µs.
 *
 * What it does not count: V8's concurrent marking and sweeping on its own helper threads. Those keep other cores
 * busy (a sequential cell can show more than one core busy) but do not stop this thread; they show in process CPU
 * time, not here. A pause is counted in the window where it started. V8 also runs scavenges and marking steps as
 * foreground tasks on the event loop, between JavaScript turns: a window around a whole sample sees them, a
 * window around one task of an idle-between-tasks worker does not (see worker-gc.ts).
 */

export interface GcReading {
  /** Wall time between start and stop, ms. */
  wallMs: number;
  /** Sum of this thread's GC pauses that started in the window, ms. */
  gcMs: number;
  /** V8's used heap at start and stop, bytes (v8.getHeapStatistics: a few µs, no walk of the heap). */
  heapUsedStartBytes: number;
  heapUsedStopBytes: number;
}

export interface GcMeter {
  /** Opens the window now. Calling it again restarts the window. */
  start(): void;
  /**
   * Closes the window now (the clock and heap are read synchronously, in the call) and resolves with its figures
   * once the window's GC entries have arrived. So a synchronous hook (tinybench's afterEach) can call it and the
   * caller await the promise later, after the timed code.
   */
  stop(): Promise<GcReading>;
}

export interface GcPause {
  startMs: number;
  durationMs: number;
}

/**
 * The thread's one observer. Pauses are kept only while some window is open, and only back to the oldest open
 * window's start, so a thread that measures for hours holds no more than its open windows need.
 */
export class ThreadGcLedger {
  private readonly observer: PerformanceObserver;
  private pauses: GcPause[] = [];
  private readonly openStarts = new Map<number, number>();
  private nextWindowId = 0;
  /** Every pause this thread has reported since the ledger was made, whether or not a window was open. */
  totalGcMs = 0;

  constructor() {
    this.observer = new PerformanceObserver((list) => this.add(list.getEntries()));
    this.observer.observe({ entryTypes: ['gc'] });
  }

  /** Stops observing: V8 then creates no 'gc' entry on this thread (see stopGcLedger). */
  disconnect(): void {
    this.observer.disconnect();
  }

  /** Takes what the observer has queued but not yet delivered: synchronous, no waiting. */
  takeQueued(): void {
    this.add(this.observer.takeRecords());
  }

  open(startMs: number): number {
    const id = this.nextWindowId++;
    this.openStarts.set(id, startMs);
    return id;
  }

  /**
   * Lets the event loop turn until the entries of the pauses so far are queued, and takes them. Two turns: the
   * native immediate that queues the entries may itself be scheduled from the first turn. A piscina thread waits
   * for its next task without turning its loop (Atomics.wait), so without this its entries would never arrive.
   */
  async flush(): Promise<void> {
    await afterImmediates();
    await afterImmediates();
    this.takeQueued();
  }

  /** Closes window `id` at `stopMs`, after the entries of the pauses before it have been queued. */
  async close(id: number, stopMs: number): Promise<GcPause[]> {
    await this.flush();
    const startMs = this.openStarts.get(id) ?? stopMs;
    this.openStarts.delete(id);
    const inWindow = this.pauses.filter((pause) => pause.startMs >= startMs && pause.startMs <= stopMs);
    const oldestOpenMs = Math.min(...this.openStarts.values());
    this.pauses = this.pauses.filter((pause) => pause.startMs >= oldestOpenMs);
    return inWindow;
  }

  private add(entries: readonly PerformanceEntry[]): void {
    for (const entry of entries) {
      this.totalGcMs += entry.duration;
      if (this.openStarts.size === 0) continue;
      this.pauses.push({ startMs: entry.startTime, durationMs: entry.duration });
    }
  }
}

let ledger: ThreadGcLedger | undefined;

/**
 * Ends this thread's GC observation, if any. An observer makes V8 build a 'gc' entry at every collection, and a
 * piscina thread, whose loop does not turn between tasks, would keep them queued: so observation runs only while
 * corescope reads it (warm-up and traced batches) and is stopped before timed samples. The next reading starts a
 * new ledger, its totals from 0; only differences within one ledger's life are ever taken.
 */
export function stopGcLedger(): void {
  ledger?.disconnect();
  ledger = undefined;
}

/** This thread's ledger, made on first use (a module is loaded once per thread, so one per thread). */
export function threadGcLedger(): ThreadGcLedger {
  return (ledger ??= new ThreadGcLedger());
}

export function createGcMeter(): GcMeter {
  const threadLedger = threadGcLedger();
  let window: { id: number; startMs: number; heapUsedStartBytes: number } | undefined;
  return {
    start() {
      if (window !== undefined) void threadLedger.close(window.id, window.startMs);
      const heapUsedStartBytes = getHeapStatistics().used_heap_size;
      const startMs = performance.now();
      window = { id: threadLedger.open(startMs), startMs, heapUsedStartBytes };
    },
    async stop() {
      const stopMs = performance.now();
      const heapUsedStopBytes = getHeapStatistics().used_heap_size;
      if (window === undefined) throw new Error('GcMeter.stop() before start()');
      const { id, startMs, heapUsedStartBytes } = window;
      window = undefined;
      const pauses = await threadLedger.close(id, stopMs);
      const gcMs = pauses.reduce((total, pause) => total + pause.durationMs, 0);
      return { wallMs: stopMs - startMs, gcMs, heapUsedStartBytes, heapUsedStopBytes };
    },
  };
}
