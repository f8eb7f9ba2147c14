// A pure integer loop of fixed length: about 0.4 ms a task on the 2-core development VM. Written as a user's file
// would be (a plain object, nothing imported from corescope), for holding corescope to a plain script.
function loop(iterations, seed) {
  let x = seed;
  for (let i = 0; i < iterations; i += 1) x = (x * 31 + i) | 0;
  return x;
}

export default {
  id: 'int-loop-04',
  kind: 'cpu',
  description: 'fixed integer loop, about 0.4 ms',
  defaultSize: 90_000,
  defaultTasks: 16,
  task: ({ size, index }) => loop(size, index),
};
