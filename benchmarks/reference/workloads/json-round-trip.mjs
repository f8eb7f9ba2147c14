// JSON parse, sort and stringify of about 150 KB: allocation-heavy JavaScript. Written outside corescope.
export default {
  id: 'ext-json',
  kind: 'cpu',
  description: 'JSON parse sort stringify 150KB',
  defaultSize: 2000,
  defaultTasks: 24,
  setup({ size }) {
    const rows = Array.from({ length: size }, (_, i) => ({
      id: i,
      name: 'row' + ((i * 7919) % size),
      v: (i * 37) % 101,
      tags: ['a', 'b', String(i % 13)],
    }));
    return { json: JSON.stringify(rows) };
  },
  task({ data, index }) {
    const rows = JSON.parse(data.json);
    rows.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.v - b.v));
    return JSON.stringify(rows).length + index;
  },
};
