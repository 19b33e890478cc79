import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { zhtag } from '../cli/run.js';

const dir = mkdtempSync(join(tmpdir(), 'zhtag-outpaths-'));
const ARTICLE = '焦作市委书记葛巧红强调，锚定“两个确保”，实施“十大战略”。';

describe('-o never destroys input and fails as a usage error', () => {
  it('refuses -o equal to an input file (annotate, segment, clean), leaving it untouched, exit 2', () => {
    const input = join(dir, 'input.txt');
    writeFileSync(input, ARTICLE);
    const jsonl = join(dir, 'input.jsonl');
    const jsonlText = `${JSON.stringify({ id: 'a', text: ARTICLE })}\n`;
    writeFileSync(jsonl, jsonlText);
    for (const [command, file] of [
      ['annotate', input],
      ['annotate', jsonl],
      ['segment', input],
      ['clean', input],
    ] as const) {
      const { code, stderr } = zhtag([command, file, '-o', file]);
      expect(code, `${command} ${file}`).toBe(2);
      expect(stderr).toContain(`zhtag: E_USAGE --output ${file}: is also an input`);
    }
    expect(readFileSync(input, 'utf8')).toBe(ARTICLE);
    expect(readFileSync(jsonl, 'utf8')).toBe(jsonlText);
  });

  it('refuses an output inside an input directory when the file is already there', () => {
    const corpus = join(dir, 'corpus');
    mkdirSync(corpus);
    writeFileSync(join(corpus, 'a.txt'), ARTICLE);
    writeFileSync(join(corpus, 'out.jsonl'), 'previous\n');
    const { code, stderr } = zhtag(['annotate', corpus, '-o', join(corpus, 'out.jsonl')]);
    expect(code).toBe(2);
    expect(stderr).toContain('is also an input');
    expect(readFileSync(join(corpus, 'out.jsonl'), 'utf8')).toBe('previous\n');
  });

  it('answers -o in a missing directory, or naming a directory, with one line and exit 2', () => {
    const input = join(dir, 'x.txt');
    writeFileSync(input, ARTICLE);
    const missing = join(dir, 'no', 'such', 'out.jsonl');
    for (const command of ['annotate', 'segment', 'keywords']) {
      const a = zhtag([command, input, '-o', missing]);
      expect(a.code, command).toBe(2);
      expect(a.stderr).toBe(
        `zhtag: E_USAGE --output ${missing}: directory ${join(dir, 'no', 'such')} does not exist\n`,
      );
      const b = zhtag([command, input, '-o', dir]);
      expect(b.code, command).toBe(2);
      expect(b.stderr).toBe(`zhtag: E_USAGE --output ${dir}: is a directory; give a file name\n`);
    }
    const brat = zhtag(['annotate', input, '-f', 'brat', '-o', input]);
    expect(brat.code).toBe(2);
    expect(brat.stderr).toContain('is a file; this format writes a directory');
  });
});
