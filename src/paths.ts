import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zhtagError } from './errors.js';

/**
 * The zhtag package root (the folder holding its package.json and `dictionaries/`), found by walking
 * up from this module, so it is the same whether code runs from `src/` (tests) or `dist/src/`.
 */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (
      existsSync(manifest) &&
      (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'zhtag'
    ) {
      return dir;
    }
    const parent = dirname(dir);
    if (parent === dir)
      throw zhtagError('E_INTERNAL', 'cannot find the package root (package.json named zhtag)');
    dir = parent;
  }
}

/** The shipped dictionaries folder. */
export function dictionariesDir(): string {
  return join(packageRoot(), 'dictionaries');
}
