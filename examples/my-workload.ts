// A workload of your own, in TypeScript: `npx corescope run --workload ./examples/my-workload.ts`
// (or `npx corescope classify ./examples/my-workload.ts`).
//
// corescope compiles the file to JavaScript once, before measuring (esbuild: types are stripped, not checked;
// run `tsc --noEmit` for that), and every strategy runs the compiled module: the measuring process imports it
// for `sequential` and `concurrent`, each worker thread for `parallel`. Relative imports are compiled in with
// it; packages (`corescope`, `node:*`, your dependencies) are imported as usual.
import { defineWorkload, type TaskInput } from 'corescope';

interface Order {
  id: number;
  region: 'north' | 'south' | 'east' | 'west';
  priceCents: number;
  quantity: number;
}

/** Handed from `setup` to every task: plain data, so it crosses to worker threads. */
interface OrdersData {
  /** One JSON document of orders, as an HTTP body or a file would deliver it. */
  ordersJson: string;
}

/** Per region, in cents. A plain object, so it comes back from a worker thread. */
interface RegionSummary {
  revenueCents: number;
  medianOrderCents: number;
}
type Summary = Record<Order['region'], RegionSummary>;

const REGIONS: readonly Order['region'][] = ['north', 'south', 'east', 'west'];

export default defineWorkload<OrdersData, Summary>({
  id: 'parse-and-total',
  kind: 'cpu',
  description: 'parse a JSON document of `size` orders; revenue and median order value per region',
  defaultSize: 20_000,
  defaultTasks: 8,

  // Once per cell, in the measuring process: build the document the tasks parse.
  setup: ({ size }) => ({ ordersJson: JSON.stringify(makeOrders(size)) }),

  // One unit of work: parsing and totalling is pure computing, so a pool of threads should pay.
  task: ({ data, index }: TaskInput<OrdersData>) => summarize(JSON.parse(data.ordersJson) as Order[], index),
});

function makeOrders(count: number): Order[] {
  const orders: Order[] = [];
  for (let id = 0; id < count; id += 1) {
    orders.push({
      id,
      region: REGIONS[id % REGIONS.length] ?? 'north',
      priceCents: 100 + ((id * 7919) % 9_900),
      quantity: 1 + (id % 5),
    });
  }
  return orders;
}

/** Each task applies its own discount, so no two tasks compute the same figures. */
function summarize(orders: readonly Order[], taskIndex: number): Summary {
  const discountPercent = taskIndex % 10;
  const valuesByRegion = new Map<Order['region'], number[]>(REGIONS.map((region) => [region, []]));
  for (const order of orders) {
    valuesByRegion
      .get(order.region)
      ?.push(Math.round((order.priceCents * order.quantity * (100 - discountPercent)) / 100));
  }
  const entries = REGIONS.map((region): [Order['region'], RegionSummary] => {
    const values = (valuesByRegion.get(region) ?? []).sort((a, b) => a - b);
    return [
      region,
      {
        revenueCents: values.reduce((sum, value) => sum + value, 0),
        medianOrderCents: values[values.length >> 1] ?? 0,
      },
    ];
  });
  return Object.fromEntries(entries) as Summary;
}
