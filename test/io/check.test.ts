import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDocuments } from '../../src/corpus/index.js';
import { jsonLines, zhtag } from '../cli/run.js';

const dir = mkdtempSync(join(tmpdir(), 'zhtag-check-'));

/** A JSON value nested `depth` arrays deep. */
const nested = (depth: number) => `${'['.repeat(depth)}1${']'.repeat(depth)}`;

async function collect(paths: string[]) {
  const out = [];
  for await (const record of readDocuments(paths)) out.push(record);
  return out;
}

describe('input records are checked before any worker sees them', () => {
  it('turns a line nested 5,000 deep into an error record; the records around it are kept', () => {
    const input = join(dir, 'deep.jsonl');
    writeFileSync(
      input,
      [
        JSON.stringify({ id: 'a', text: '实施十大战略' }),
        `{"id":"deep","text":"锚定两个确保","meta":${nested(5000)}}`,
        JSON.stringify({ id: 'c', text: '一城一都一基地', meta: JSON.parse(nested(50)) }),
      ].join('\n'),
    );
    const out = join(dir, 'deep.out.jsonl');
    const { code, stderr } = zhtag(['annotate', input, '-o', out, '--jobs', '1', '-q']);
    expect(stderr).not.toContain('RangeError');
    expect(code).toBe(1);
    const records = jsonLines(readFileSync(out, 'utf8'));
    expect(records.map((r) => r.id)).toEqual(['a', 'deep', 'c']);
    expect(records[1].error.message).toBe(`${input}:2: field "meta" is nested more than 100 levels deep`);
    expect(records[0].tokens.length).toBeGreaterThan(0);
    expect(records[2].meta).toEqual(JSON.parse(nested(50)));
  });

  it('gives the later of two documents with one id an error record naming both lines', async () => {
    const input = join(dir, 'dup.jsonl');
    writeFileSync(
      input,
      [
        JSON.stringify({ id: 'same', text: '实施十大战略' }),
        JSON.stringify({ id: 'other', text: '锚定两个确保' }),
        JSON.stringify({ id: 'same', text: '一城一都一基地' }),
        JSON.stringify({ id: 'same', text: '添翼计划' }),
      ].join('\n'),
    );
    const records = await collect([input]);
    expect(records.map((r) => [r.kind, r.id])).toEqual([
      ['doc', 'same'],
      ['doc', 'other'],
      ['error', 'same#2'],
      ['error', 'same#3'],
    ]);
    const third = records[2];
    expect(third?.kind === 'error' && third.error.message).toBe(
      `${input}:3: duplicate id "same" (first at ${input}:1); not annotated`,
    );
  });

  it('keeps every record of duplicate ids through --resume, and brat never overwrites a file', () => {
    const input = join(dir, 'dup2.jsonl');
    const lines = [
      JSON.stringify({ id: 'same', text: '实施十大战略' }),
      JSON.stringify({ id: 'same', text: '锚定两个确保' }),
      JSON.stringify({ id: 'z', text: '添翼计划' }),
    ];
    writeFileSync(input, lines.join('\n'));
    const out = join(dir, 'dup2.out.jsonl');
    // A first run that saw only the first line, then a resumed run over the whole file.
    writeFileSync(join(dir, 'first.jsonl'), lines[0] as string);
    zhtag(['annotate', join(dir, 'first.jsonl'), '-o', out, '-q']);
    const resumed = zhtag(['annotate', input, '-o', out, '--resume', '-q']);
    expect(resumed.code).toBe(1);
    const records = jsonLines(readFileSync(out, 'utf8'));
    expect(records.map((r) => r.id)).toEqual(['same', 'same#2', 'z']);
    expect(records[0].text).toBe('实施十大战略');
    expect(records[1].error.message).toContain('duplicate id "same"');

    const brat = join(dir, 'brat');
    zhtag(['annotate', input, '-f', 'brat', '-o', brat, '-q']);
    expect(readFileSync(join(brat, 'same.txt'), 'utf8')).toBe('实施十大战略');
    expect(readdirSync(brat).filter((name) => name.endsWith('.txt'))).toHaveLength(2);
  });

  it('refuses an empty id, an id with a line break and a text past the size limit', async () => {
    const input = join(dir, 'ids.jsonl');
    writeFileSync(
      input,
      [
        JSON.stringify({ id: '', text: '实施十大战略' }),
        JSON.stringify({ id: 'a\nb', text: '实施十大战略' }),
        JSON.stringify({ id: 'ok', text: '实施十大战略' }),
      ].join('\n'),
    );
    const records = await collect([input]);
    expect(records.map((r) => [r.kind, r.id])).toEqual([
      ['error', `${input}:1`],
      ['error', `${input}:2`],
      ['doc', 'ok'],
    ]);
    const big = join(dir, 'big.txt');
    writeFileSync(big, '政'.repeat(16 * 1024 * 1024 + 1));
    const [record] = await collect([big]);
    expect(record?.kind === 'error' && record.error.message).toContain('text is longer than');
  });
});
