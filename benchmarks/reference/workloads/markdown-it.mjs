// Markdown to HTML with markdown-it (a real npm library, pure JavaScript): a document of `size` sections of
// headings, paragraphs with emphasis and links, lists, a table and a fenced code block. Rendering builds a token
// stream and strings for every block: it allocates heavily, so the young generation is collected many times a
// task. Written outside corescope, as a user would: a plain object, one module for every strategy.
import MarkdownIt from 'markdown-it';

// One renderer per thread, made when the module loads, as a server would keep one.
const markdown = new MarkdownIt({ linkify: true, typographer: true });

function section(index) {
  const word = (n) => ['core', 'thread', 'pool', 'event', 'loop', 'worker', 'batch', 'sample'][(index + n) % 8];
  return [
    `## Section ${index}: the ${word(1)} and the ${word(2)}`,
    '',
    `A paragraph about the *${word(3)}* with **strong** words, \`inline code\`, a [link](https://example.com/${index})`,
    `and an autolinked https://example.org/${word(4)}/${index} -- "quotes" and... ellipses (c) ${2000 + index}.`,
    '',
    `- first ${word(5)} item`,
    `- second item with _emphasis_ and ~~strike~~`,
    `  1. nested ${word(6)}`,
    `  2. nested ${word(7)}`,
    '',
    `| ${word(0)} | ms | share |`,
    '| --- | ---: | :---: |',
    `| a | ${index} | ${index % 7} % |`,
    `| b | ${index * 2} | ${index % 5} % |`,
    '',
    '```js',
    `const value${index} = items.map((item) => item * ${index});`,
    '```',
    '',
    `> A quote on ${word(1)}: ${'text '.repeat(12)}`,
    '',
  ].join('\n');
}

export default {
  id: 'ext-markdown-it',
  kind: 'cpu',
  description: 'markdown-it renders a document of `size` sections',
  defaultSize: 60,
  defaultTasks: 32,
  setup({ size }) {
    return { text: Array.from({ length: size }, (_, index) => section(index)).join('\n') };
  },
  task({ data, index }) {
    // The index changes one heading, so no layer can cache a whole answer.
    return markdown.render(`# Document ${index}\n\n${data.text}`).length;
  },
};
