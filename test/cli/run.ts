/** Helpers that run the built CLI (dist/cli/zhtag.js) as a user does. */
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from '../helpers.js';

export const BIN = join(ROOT, 'dist', 'cli', 'zhtag.js');

/** Runs the built CLI to completion. */
export function zhtag(args: string[], options: { input?: string; cwd?: string } = {}) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    input: options.input,
    encoding: 'utf8',
    cwd: options.cwd ?? ROOT,
    maxBuffer: 256 * 1024 * 1024,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, signal: result.signal };
}

/**
 * Starts the built CLI, writes `input` to its stdin but leaves stdin open (so the run cannot finish on
 * its own, however fast it is), and sends `signal` once `ready()` says so (checked every 20 ms).
 */
export function zhtagInterrupted(
  args: string[],
  cwd: string,
  input: string,
  ready: () => boolean,
  signal: NodeJS.Signals = 'SIGINT',
): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, stdio: ['pipe', 'ignore', 'pipe'] });
    child.stdin.write(input);
    let stderr = '';
    child.stderr.on('data', (data) => {
      stderr += data;
    });
    const timer = setInterval(() => {
      if (ready()) {
        clearInterval(timer);
        child.kill(signal);
      }
    }, 20);
    child.on('exit', (code) => {
      clearInterval(timer);
      resolve({ code, stderr });
    });
  });
}

export const jsonLines = (text: string) =>
  text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line));
