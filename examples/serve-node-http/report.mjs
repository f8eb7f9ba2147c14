// The computing an existing handler does: a sales report over `rows` generated rows (sort, group, sum). Pure and
// synchronous, as most request-time computing is. Both servers and the workload import this one module.
export function buildReport(rows) {
  const sales = [];
  let seed = 7;
  for (let i = 0; i < rows; i += 1) {
    seed = (Math.imul(seed, 1_664_525) + 1_013_904_223) | 0;
    sales.push({ region: `r${(seed >>> 8) % 50}`, amount: (seed >>> 4) % 10_000 });
  }
  sales.sort((a, b) => a.amount - b.amount);
  const totals = new Map();
  for (const sale of sales) totals.set(sale.region, (totals.get(sale.region) ?? 0) + sale.amount);
  return { rows, median: sales[Math.floor(rows / 2)]?.amount ?? 0, regions: totals.size };
}
