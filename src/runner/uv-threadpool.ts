import type { Benchmark } from '../results/schema.js';

/**
 * libuv runs async fs, dns.lookup, zlib and most async crypto on a thread pool of UV_THREADPOOL_SIZE threads
 * (4 unless set). The pool is created on first use and the variable is read only then, so a size can only be
 * chosen for a whole process before it starts: corescope forks one measuring child per size.
 */

/** The environment of a measuring child with a libuv pool of `size` threads (everything else inherited). */
export function uvThreadpoolEnv(size: number, base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return { ...base, UV_THREADPOOL_SIZE: String(size) };
}

/**
 * Marks a cell measured with a chosen libuv pool size. Ids gain `/uv<size>` only when the size differs from the
 * one a run without the sweep gets (`defaultSize`, the file's environment.uvThreadpoolSize): those cells keep
 * the plain `<workload>/<strategy>/t<threads>` id, so a sweep file lines up with ordinary runs, while every
 * other size gets an id of its own and stays comparable across sweep files.
 */
export function tagUvThreadpool(benchmark: Benchmark, size: number | undefined, defaultSize: number): Benchmark {
  if (size === undefined) return benchmark;
  return {
    ...benchmark,
    id: size === defaultSize ? benchmark.id : `${benchmark.id}/uv${size}`,
    uvThreadpoolSize: size,
  };
}
