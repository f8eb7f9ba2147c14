// YAML parse and stringify with the `yaml` package (a real npm library, pure JavaScript): a configuration-like
// document of `size` services, each with nested maps, lists, anchors-free scalars of every type. Parsing builds
// a CST, a document and plain objects; stringifying walks them back into text. Written outside corescope.
import { parse, stringify } from 'yaml';

function service(index) {
  return {
    name: `service-${index}`,
    image: `registry.example.com/team/service-${index}:1.${index % 10}.${index % 7}`,
    replicas: 1 + (index % 5),
    enabled: index % 3 !== 0,
    ratio: (index % 11) / 10,
    ports: [8000 + index, 9000 + index],
    env: { LOG_LEVEL: index % 2 === 0 ? 'info' : 'debug', REGION: `eu-${index % 4}`, TIMEOUT_MS: 1000 * (index % 9) },
    labels: Object.fromEntries(Array.from({ length: 6 }, (_, k) => [`label-${k}`, `value ${index}-${k}`])),
    notes: `a multi-line note\nfor service ${index}\nwith three lines`,
  };
}

export default {
  id: 'ext-yaml',
  kind: 'cpu',
  description: 'yaml parses and stringifies a document of `size` services',
  defaultSize: 20,
  defaultTasks: 32,
  setup({ size }) {
    return { text: stringify({ version: 3, services: Array.from({ length: size }, (_, index) => service(index)) }) };
  },
  task({ data, index }) {
    const document = parse(data.text);
    document.version = index;
    return stringify(document).length;
  },
};
