/**
 * Import cycles among our own modules. Reads every .ts file under src/ and cli/, follows relative
 * imports (value and type imports, re-exports, dynamic import of a literal), and fails on an import
 * cycle that scripts/import-cycles.txt does not list.
 *
 *   node dist/scripts/check-imports.js [--root DIR] [--allow FILE]     (root: the current directory)
 *
 * The test suite runs the same check (test/scripts/check-imports.test.ts). A cycle is a list of files,
 * each importing the next and the last importing the first. The check is exact: an import that closes
 * any cycle not in the list fails, even among files that already sit on a listed cycle, and a listed
 * cycle that no longer exists fails too, so the list only ever shrinks.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import ts from 'typescript';

/** File (relative to the root, with forward slashes) → the files it imports, sorted. */
export type ImportGraph = Map<string, string[]>;

function listTsFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out.push(...listTsFiles(full));
    else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) out.push(full);
  }
  return out;
}

function resolveImport(fromFile: string, specifier: string): string | undefined {
  const target = path.resolve(path.dirname(fromFile), specifier);
  const candidates = [
    target.replace(/\.js$/, '.ts'),
    target.replace(/\.mjs$/, '.mts'),
    `${target}.ts`,
    path.join(target, 'index.ts'),
  ];
  return candidates.find((file) => file.endsWith('ts') && existsSync(file) && statSync(file).isFile());
}

/** The relative-import graph of the .ts files under `dirs` (relative to `root`). */
export function importGraph(root: string, dirs: readonly string[]): ImportGraph {
  const files = dirs.flatMap((dir) =>
    existsSync(path.join(root, dir)) ? listTsFiles(path.join(root, dir)) : [],
  );
  const known = new Set(files);
  const name = (file: string) => path.relative(root, file).split(path.sep).join('/');
  const graph: ImportGraph = new Map();
  for (const file of files) {
    const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    const targets = new Set<string>();
    for (const { fileName } of info.importedFiles) {
      if (!fileName.startsWith('.')) continue;
      const resolved = resolveImport(file, fileName);
      if (resolved !== undefined && known.has(resolved)) targets.add(name(resolved));
    }
    graph.set(name(file), [...targets].sort());
  }
  return graph;
}

/** Strongly connected components (Tarjan), as a map file → component number. */
function components(graph: ImportGraph): Map<string, number> {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const component = new Map<string, number>();
  let counter = 0;
  let components = 0;
  const visit = (node: string): void => {
    index.set(node, counter);
    low.set(node, counter);
    counter++;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node) as number, low.get(next) as number));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node) as number, index.get(next) as number));
      }
    }
    if (low.get(node) === index.get(node)) {
      let member: string;
      do {
        member = stack.pop() as string;
        onStack.delete(member);
        component.set(member, components);
      } while (member !== node);
      components++;
    }
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return component;
}

const edgeKey = (from: string, to: string) => `${from} -> ${to}`;

/** Every import that lies on some cycle ("a.ts -> b.ts"). */
export function cyclicEdges(graph: ImportGraph): string[] {
  const component = components(graph);
  const edges: string[] = [];
  for (const [from, targets] of graph) {
    for (const to of targets) if (component.get(from) === component.get(to)) edges.push(edgeKey(from, to));
  }
  return edges;
}

/** A shortest cycle through the import from → to: [from, to, ..., last], where last imports from. */
export function shortestCycleThrough(graph: ImportGraph, from: string, to: string): string[] {
  const previous = new Map<string, string>([[to, to]]);
  const queue = [to];
  for (let i = 0; i < queue.length && !previous.has(from); i++) {
    const node = queue[i] as string;
    for (const next of graph.get(node) ?? []) {
      if (!previous.has(next)) {
        previous.set(next, node);
        queue.push(next);
      }
    }
  }
  if (!previous.has(from)) throw new Error(`${edgeKey(from, to)} lies on no cycle`);
  const path = [from];
  for (let node = previous.get(from) as string; node !== to; node = previous.get(node) as string)
    path.push(node);
  path.push(to);
  return [from, ...path.slice(1).reverse()];
}

/** The same cycle, rotated to start at its smallest file, so a cycle has one spelling. */
export function canonicalCycle(cycle: readonly string[]): string[] {
  let start = 0;
  cycle.forEach((file, i) => {
    if (file < (cycle[start] as string)) start = i;
  });
  return [...cycle.slice(start), ...cycle.slice(0, start)];
}

const formatCycle = (cycle: readonly string[]) => [...cycle, cycle[0]].join(' -> ');

/** Cycles of the allow-list file: one per line, `a.ts -> b.ts -> a.ts`; `#` starts a comment. */
export function parseAllowList(text: string, file = 'allow-list'): string[][] {
  const cycles: string[][] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/#.*/, '').trim();
    if (line === '') return;
    const files = line.split('->').map((part) => part.trim());
    if (files.length < 2 || files[0] !== files[files.length - 1] || files.some((f) => f === '')) {
      throw new Error(`${file}:${i + 1}: a cycle is "a.ts -> b.ts -> a.ts" (ends where it starts)`);
    }
    cycles.push(canonicalCycle(files.slice(0, -1)));
  });
  return cycles;
}

export interface CycleReport {
  /** Cycles that use an import no listed cycle uses (one shortest cycle per such import). */
  newCycles: string[][];
  /** Listed cycles that no longer exist: delete them from the list. */
  staleCycles: string[][];
}

/** Compares the graph's cycles with the allowed ones. */
export function compareCycles(graph: ImportGraph, allowed: readonly (readonly string[])[]): CycleReport {
  const exists = (from: string, to: string) => graph.get(from)?.includes(to) ?? false;
  const staleCycles = allowed
    .filter((cycle) => cycle.some((from, i) => !exists(from, cycle[(i + 1) % cycle.length] as string)))
    .map((cycle) => [...cycle]);
  const allowedEdges = new Set(
    allowed.flatMap((cycle) =>
      cycle.map((from, i) => edgeKey(from, cycle[(i + 1) % cycle.length] as string)),
    ),
  );
  const seen = new Set<string>();
  const newCycles: string[][] = [];
  for (const edge of cyclicEdges(graph)) {
    if (allowedEdges.has(edge)) continue;
    const [from, to] = edge.split(' -> ') as [string, string];
    const cycle = canonicalCycle(shortestCycleThrough(graph, from, to));
    const key = formatCycle(cycle);
    if (!seen.has(key)) {
      seen.add(key);
      newCycles.push(cycle);
    }
  }
  return { newCycles, staleCycles };
}

export const SOURCE_DIRS = ['src', 'cli'] as const;
export const ALLOW_LIST = 'scripts/import-cycles.txt';

/** The check on a source tree: its graph against its allow-list file (none: no cycle allowed). */
export function checkImports(root: string, allowFile = path.join(root, ALLOW_LIST)): CycleReport {
  const allowed = existsSync(allowFile) ? parseAllowList(readFileSync(allowFile, 'utf8'), allowFile) : [];
  return compareCycles(importGraph(root, SOURCE_DIRS), allowed);
}

/** A report as lines for a person: empty when the check passes. */
export function describeReport(report: CycleReport, allowFile: string): string[] {
  const lines: string[] = [];
  if (report.newCycles.length > 0) {
    lines.push(`import cycles (${report.newCycles.length}); break them (move the shared part down a layer):`);
    for (const cycle of report.newCycles) lines.push(`  ${formatCycle(cycle)}`);
  }
  if (report.staleCycles.length > 0) {
    lines.push(`cycles listed in ${allowFile} that no longer exist; delete these lines:`);
    for (const cycle of report.staleCycles) lines.push(`  ${formatCycle(cycle)}`);
  }
  return lines;
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const { values } = parseArgs({ options: { root: { type: 'string' }, allow: { type: 'string' } } });
  const root = path.resolve(values.root ?? '.');
  const allowFile = path.resolve(values.allow ?? path.join(root, ALLOW_LIST));
  const lines = describeReport(checkImports(root, allowFile), allowFile);
  for (const line of lines) console.error(line);
  process.exitCode = lines.length > 0 ? 1 : 0;
}
