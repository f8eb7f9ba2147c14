// A pure integer loop of fixed length: about 0.4 ms a task on the 2-core development VM. Written as a user's file
// would be (a plain object, nothing imported from corescope), for holding corescope to a plain script.
// A linear congruential generator in 32-bit integers: V8 compiles it to the same code on every thread and keeps
// it there. (A plain `x = (x * 31 + i) | 0` loop got four times faster after a few thousand calls, on the main
// thread and on workers at different moments, which no benchmark can measure.)
function loop(iterations, seed) {
  let state = seed | 1;
  for (let i = 0; i < iterations; i += 1) state = (Math.imul(state, 1_664_525) + 1_013_904_223) | 0;
  return state;
}

export default {
  id: 'int-loop-04',
  kind: 'cpu',
  description: 'fixed integer loop, about 0.4 ms',
  defaultSize: 370_000,
  defaultTasks: 16,
  task: ({ size, index }) => loop(size, index),
};
