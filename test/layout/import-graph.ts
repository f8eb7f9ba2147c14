import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative, sep } from 'node:path';

/** Relative imports as written: `from "./x.js"`, side-effect `import "./x.js"` and dynamic `import("./x.js")`. */
const IMPORT_RE = /(?:from\s*|import\s*\(?\s*)['"](\.{1,2}\/[^'"]+)['"]/g;

/**
 * The module a file belongs to for layering: its top-level folder under src/, or for report/ its subfolder
 * (terminal, export, html, ...). A file directly in src/ is a module of its own, since errors.ts and paths.ts are
 * imported from everywhere and the entry points import everything.
 */
export function moduleOf(path: string): string {
  const parts = path.split(sep);
  if (parts.length === 1) return parts[0] ?? path;
  if (parts[0] === 'report' && parts.length > 2) return `report/${parts[1]}`;
  return parts[0] ?? path;
}

/** Edges between modules, each with one file-to-file import that makes it, for the error message. */
export function moduleGraph(srcDir: string): Map<string, Map<string, string>> {
  const graph = new Map<string, Map<string, string>>();
  for (const file of readdirSync(srcDir, { recursive: true, encoding: 'utf8' })) {
    if (!file.endsWith('.ts')) continue;
    const from = moduleOf(file);
    for (const match of readFileSync(join(srcDir, file), 'utf8').matchAll(IMPORT_RE)) {
      const target = relative(srcDir, normalize(join(srcDir, dirname(file), match[1] ?? '')));
      const to = moduleOf(target);
      if (to === from) continue;
      const edges = graph.get(from) ?? new Map<string, string>();
      if (!edges.has(to)) edges.set(to, `${file} → ${target}`);
      graph.set(from, edges);
    }
  }
  return graph;
}

/** One cycle of modules (first module repeated at the end), or undefined when the graph has none. */
export function findCycle(graph: ReadonlyMap<string, ReadonlyMap<string, string>>): string[] | undefined {
  const done = new Set<string>();
  const path: string[] = [];
  const visit = (node: string): string[] | undefined => {
    const at = path.indexOf(node);
    if (at >= 0) return [...path.slice(at), node];
    if (done.has(node)) return undefined;
    path.push(node);
    for (const next of graph.get(node)?.keys() ?? []) {
      const cycle = visit(next);
      if (cycle !== undefined) return cycle;
    }
    path.pop();
    done.add(node);
    return undefined;
  };
  for (const node of graph.keys()) {
    const cycle = visit(node);
    if (cycle !== undefined) return cycle;
  }
  return undefined;
}
