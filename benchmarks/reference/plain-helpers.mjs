// What the reference scripts share, with no corescope code in it: the median, and their way of reading flags.

export const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return (sorted[(sorted.length - 1) >> 1] + sorted[sorted.length >> 1]) / 2;
};

/**
 * The command line's flags, taken out of `args` as they are read, so what is left at the end is the positional
 * arguments: `flag('--name', fallback)` for `--name value`, `has('--name')` for a switch.
 */
export function commandLine(args = process.argv.slice(2)) {
  return {
    args,
    flag(name, fallback) {
      const at = args.indexOf(name);
      return at < 0 ? fallback : args.splice(at, 2)[1];
    },
    has(name) {
      const at = args.indexOf(name);
      if (at >= 0) args.splice(at, 1);
      return at >= 0;
    },
  };
}
