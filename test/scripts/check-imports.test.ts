import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  checkImports,
  compareCycles,
  cyclicEdges,
  importGraph,
  parseAllowList,
} from '../../scripts/check-imports.js';

const repo = path.resolve(import.meta.dirname, '..', '..');

describe('import cycles in src/ and cli/', () => {
  it('has none beyond scripts/import-cycles.txt, and every listed cycle still exists', () => {
    const report = checkImports(repo);
    expect(report.newCycles.map((cycle) => cycle.join(' -> '))).toEqual([]);
    expect(report.staleCycles.map((cycle) => cycle.join(' -> '))).toEqual([]);
  });
});

describe('the cycle check on a fixture', () => {
  let root = '';
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  };
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const fixture = () => {
    root = mkdtempSync(path.join(tmpdir(), 'zhtag-cycles-'));
    // a -> b (multi-line import) -> c (type-only import) -> a (re-export); d imports a, on no cycle;
    // e imports the folder f (f/index.ts) and a package, f imports nothing.
    write('src/a.ts', "import {\n  b,\n  bb,\n} from './b.js';\nexport const a = b + bb;\n");
    write('src/b.ts', "import type { C } from './c.js';\nexport const b = 1;\nexport const bb: C = 2;\n");
    write('src/c.ts', "export { a } from './a.js';\nexport type C = number;\n");
    write('src/d.ts', "import { a } from './a.js';\nexport const d = a;\n");
    write(
      'cli/e.ts',
      "import { f } from '../src/f';\nimport yargs from 'yargs';\nexport const e = [f, yargs];\n",
    );
    write('src/f/index.ts', 'export const f = 1;\n');
  };

  it('reads value, type, multi-line, re-export and folder imports', () => {
    fixture();
    const graph = importGraph(root, ['src', 'cli']);
    expect(Object.fromEntries(graph)).toEqual({
      'src/a.ts': ['src/b.ts'],
      'src/b.ts': ['src/c.ts'],
      'src/c.ts': ['src/a.ts'],
      'src/d.ts': ['src/a.ts'],
      'src/f/index.ts': [],
      'cli/e.ts': ['src/f/index.ts'],
    });
    expect(cyclicEdges(graph).sort()).toEqual([
      'src/a.ts -> src/b.ts',
      'src/b.ts -> src/c.ts',
      'src/c.ts -> src/a.ts',
    ]);
  });

  it('fails on a cycle that is not listed, naming its files in order', () => {
    fixture();
    const report = checkImports(root, path.join(root, 'none.txt'));
    expect(report.newCycles).toEqual([['src/a.ts', 'src/b.ts', 'src/c.ts']]);
    expect(report.staleCycles).toEqual([]);
  });

  it('passes with the cycle listed (any rotation), and fails on a new cycle among the same files', () => {
    fixture();
    write('allow.txt', '# known\nsrc/b.ts -> src/c.ts -> src/a.ts -> src/b.ts\n');
    const allow = path.join(root, 'allow.txt');
    expect(checkImports(root, allow)).toEqual({ newCycles: [], staleCycles: [] });
    // c also imports b: b <-> c is a new cycle although both files already sit on a listed one.
    write('src/c.ts', "export { a } from './a.js';\nexport { b } from './b.js';\nexport type C = number;\n");
    expect(checkImports(root, allow).newCycles).toEqual([['src/b.ts', 'src/c.ts']]);
  });

  it('fails on a listed cycle that no longer exists (the list only shrinks)', () => {
    fixture();
    write('src/c.ts', 'export type C = number;\n');
    const allowed = parseAllowList('src/a.ts -> src/b.ts -> src/c.ts -> src/a.ts\n');
    const report = compareCycles(importGraph(root, ['src', 'cli']), allowed);
    expect(report).toEqual({ newCycles: [], staleCycles: [['src/a.ts', 'src/b.ts', 'src/c.ts']] });
  });

  it('refuses a malformed allow-list line, naming the line', () => {
    expect(() => parseAllowList('# x\nsrc/a.ts -> src/b.ts\n', 'allow.txt')).toThrow(/^allow\.txt:2: /);
  });

  it('the built script exits 1 and prints the cycle', () => {
    fixture();
    let failure: { status: number; stderr: string } | undefined;
    try {
      execFileSync(process.execPath, [path.join(repo, 'dist/scripts/check-imports.js'), '--root', root], {
        stdio: 'pipe',
      });
    } catch (error) {
      failure = error as { status: number; stderr: string };
    }
    expect(failure?.status).toBe(1);
    expect(String(failure?.stderr)).toContain('src/a.ts -> src/b.ts -> src/c.ts -> src/a.ts');
  });
});
