import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BIN } from '../cli/run.js';
import { ROOT } from '../helpers.js';

describe('the summary line times the whole run', () => {
  it('says about as many seconds as the run took from the outside', () => {
    const started = performance.now();
    const run = spawnSync(
      process.execPath,
      [BIN, 'annotate', 'corpus/jiaozuo-interview-2023.txt', '-o', '/dev/null', '-j', '1'],
      {
        cwd: ROOT,
        encoding: 'utf8',
      },
    );
    const wall = (performance.now() - started) / 1000;
    expect(run.status).toBe(0);
    const said = Number(/; ([\d.]+) s\n$/.exec(run.stderr)?.[1]);
    // Spawning the process and its exit are outside what it can see: a few hundred ms at most.
    expect(said).toBeGreaterThan(wall - 0.6);
    expect(said).toBeLessThanOrEqual(wall + 0.1);
  });
});
