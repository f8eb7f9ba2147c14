// The same loop, about 1 ms a task on the 2-core development VM, 32 tasks a batch.
function loop(iterations, seed) {
  let x = seed;
  for (let i = 0; i < iterations; i += 1) x = (x * 31 + i) | 0;
  return x;
}

export default {
  id: 'int-loop-1',
  kind: 'cpu',
  description: 'fixed integer loop, about 1 ms',
  defaultSize: 225_000,
  defaultTasks: 32,
  task: ({ size, index }) => loop(size, index),
};
