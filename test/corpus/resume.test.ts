import { appendFileSync, existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonLines, zhtag, zhtagInterrupted } from '../cli/run.js';
import { sampleText } from '../helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'zhtag-resume-'));
const input = join(dir, 'in.jsonl');
const paragraphs = sampleText()
  .split('\n')
  .filter((line) => line.length > 20);
const DOCS = 600;
const lines = Array.from({ length: DOCS }, (_, i) =>
  JSON.stringify({ id: `d${i}`, text: paragraphs[i % paragraphs.length], n: i }),
);
writeFileSync(input, lines.join('\n'));
// The interrupted runs read the first half on stdin, which stays open until the signal comes.
const firstHalf = `${lines.slice(0, DOCS / 2).join('\n')}\n`;
const full = join(dir, 'full.jsonl');
const hasBytes = (path: string) => () => existsSync(path) && statSync(path).size > 0;

describe('resume and interruption (built CLI, real signals)', () => {
  it('an uninterrupted run writes every document', () => {
    const { code } = zhtag(['annotate', input, '-o', full, '-j', '2', '-q']);
    expect(code).toBe(0);
    expect(jsonLines(readFileSync(full, 'utf8'))).toHaveLength(DOCS);
  });

  it('SIGINT leaves whole records; --resume then gives the same file as the uninterrupted run', async () => {
    const part = join(dir, 'part.jsonl');
    const run = await zhtagInterrupted(
      ['annotate', '--input-format', 'jsonl', '-o', part, '-j', '2'],
      dir,
      firstHalf,
      hasBytes(part),
    );
    expect(run.code).toBe(130);
    expect(run.stderr).toContain('interrupted');
    const written = readFileSync(part, 'utf8');
    expect(written.endsWith('\n')).toBe(true);
    const records = jsonLines(written);
    expect(records.length).toBeGreaterThan(0);
    expect(records.length).toBeLessThanOrEqual(DOCS / 2);
    expect(readFileSync(full, 'utf8').startsWith(written)).toBe(true);

    // A run killed hard mid-write leaves half a line: resume cuts it and redoes that document.
    const nextLine = readFileSync(full, 'utf8').split('\n')[records.length] ?? '';
    appendFileSync(part, nextLine.slice(0, 40));
    const resumed = zhtag(['annotate', input, '-o', part, '-j', '2', '--resume']);
    expect(resumed.code).toBe(0);
    expect(resumed.stderr).toContain(`${records.length} skipped`);
    expect(readFileSync(part, 'utf8')).toBe(readFileSync(full, 'utf8'));
  });

  it('SIGTERM during a Label Studio export leaves a valid JSON array', async () => {
    const out = join(dir, 'tasks.json');
    const run = await zhtagInterrupted(
      ['annotate', '--input-format', 'jsonl', '-o', out, '-j', '1', '--format', 'label-studio'],
      dir,
      firstHalf,
      () => existsSync(out) && statSync(out).size > 10,
      'SIGTERM',
    );
    expect(run.code).toBe(143);
    const tasks = JSON.parse(readFileSync(out, 'utf8'));
    expect(tasks.length).toBeGreaterThan(0);
    expect(tasks.length).toBeLessThanOrEqual(DOCS / 2);
    expect(tasks[0].data.id).toBe('d0');
  });

  it('refuses --resume where the output cannot be resumed (exit 2)', () => {
    expect(zhtag(['annotate', input, '--resume']).code).toBe(2);
    expect(zhtag(['annotate', input, '--resume', '-o', join(dir, 'x.html'), '--format', 'html']).code).toBe(
      2,
    );
  });
});
