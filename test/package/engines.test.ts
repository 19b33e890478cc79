import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';

interface LockEntry {
  engines?: { node?: string } | string[];
  dev?: boolean;
  optional?: boolean;
}

/** The lowest Node major a `>=N` / `^N` / `N || M` range admits (undefined when the range is not read). */
function lowestMajor(range: string): number | undefined {
  const majors = range
    .split('||')
    .map((part) => /(?:>=|\^|~)?\s*v?(\d+)/.exec(part.trim())?.[1])
    .filter((m): m is string => m !== undefined)
    .map(Number);
  return majors.length ? Math.min(...majors) : undefined;
}

describe('npm install on the Node version package.json promises', () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { engines: { node: string } };
  const promised = lowestMajor(pkg.engines.node);

  it('reads the promised Node major', () => {
    expect(promised).toBe(20);
  });

  it('locks no package whose engines need a newer Node (no EBADENGINE warning)', () => {
    const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, LockEntry>;
    };
    const tooNew: string[] = [];
    for (const [path, entry] of Object.entries(lock.packages)) {
      const node = Array.isArray(entry.engines) ? undefined : entry.engines?.node;
      if (!node || path === '') continue;
      const lowest = lowestMajor(node);
      if (lowest !== undefined && promised !== undefined && lowest > promised) tooNew.push(`${path} ${node}`);
    }
    expect(tooNew).toEqual([]);
  });
});
