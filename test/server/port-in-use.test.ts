import { spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';

describe('zhtag serve on a port in use', () => {
  it('says so in one line and exits 2, with no stack trace', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as { port: number };
    try {
      const result = spawnSync(
        process.execPath,
        [join(ROOT, 'dist', 'cli', 'zhtag.js'), 'serve', '--port', String(port), '--workers', '1'],
        { cwd: ROOT, encoding: 'utf8', timeout: 60_000 },
      );
      expect(result.status).toBe(2);
      expect(result.stderr).toBe(
        `zhtag: E_USAGE port ${port} on 127.0.0.1 is in use; choose another with --port\n`,
      );
    } finally {
      blocker.close();
    }
  });
});
