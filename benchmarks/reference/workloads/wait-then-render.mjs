// A wait, then real CPU work: each task waits `size` ms on a timer (a download, a database answer) and then
// renders a Markdown document of 20 sections with markdown-it. Waits overlap under `concurrent` and the renders
// do not; `parallel` spreads the renders. The `wait` and `compute` halves let `hybrid` split them. Written
// outside corescope.
import { setTimeout as sleep } from 'node:timers/promises';
import MarkdownIt from 'markdown-it';

const markdown = new MarkdownIt({ linkify: true, typographer: true });

function section(index) {
  return [
    `## Part ${index}`,
    '',
    `Text with *emphasis*, **strength**, \`code\` and a [link](https://example.com/${index}) -- "typographer".`,
    '',
    `- item ${index}`,
    `- item ${index + 1} with _more_ text`,
    '',
    `| k | v |`,
    '| --- | ---: |',
    `| ${index} | ${index * 3} |`,
    '',
  ].join('\n');
}

const render = (text, index) => markdown.render(`# Page ${index}\n\n${text}`).length;

export default {
  id: 'ext-wait-then-render',
  kind: 'mixed',
  description: 'waits `size` ms, then markdown-it renders 20 sections',
  defaultSize: 10,
  defaultTasks: 16,
  setup() {
    return { text: Array.from({ length: 20 }, (_, index) => section(index)).join('\n') };
  },
  async task({ data, size, index }) {
    await sleep(size);
    return render(data.text, index);
  },
  wait({ size, index }) {
    return sleep(size).then(() => index);
  },
  compute({ data, waited }) {
    return render(data.text, waited);
  },
};
