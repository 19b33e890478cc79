import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NODE_FLAGS } from '../../src/corpus/index.js';
import type { Doc } from '../../src/index.js';
import { expectDoc, ROOT, SAMPLE_PATH } from '../helpers.js';

const BIN = join(ROOT, 'dist', 'cli', 'zhtag.js');
const tmp = mkdtempSync(join(tmpdir(), 'zhtag-cli-'));

function zhtag(args: string[], input?: string) {
  const result = spawnSync(process.execPath, [BIN, ...args], { input, encoding: 'utf8', cwd: ROOT });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const records = (stdout: string) =>
  stdout
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line));

describe('zhtag CLI (built binary)', () => {
  it('annotates the sample corpus file', () => {
    const { code, stdout } = zhtag(['annotate', 'corpus/jiaozuo-interview-2023.txt']);
    expect(code).toBe(0);
    const [doc] = records(stdout) as Doc[];
    expect(doc?.id).toBe('corpus/jiaozuo-interview-2023.txt');
    expect(doc?.text).toBe(readFileSync(SAMPLE_PATH, 'utf8'));
    if (doc) expectDoc(doc);
    expect(doc?.entities.some((e) => e.term === '十大战略' && e.label === 'POLICY')).toBe(true);
  });

  it('skips the NER and keyword stages with --no-ner --no-keywords, keeping policy terms', () => {
    const text = '焦作市委书记葛巧红强调，锚定“两个确保”，实施“十大战略”。';
    const full = records(zhtag(['annotate'], text).stdout)[0] as Doc;
    const { code, stdout } = zhtag(['annotate', '--no-ner', '--no-keywords'], text);
    expect(code).toBe(0);
    const [doc] = records(stdout) as Doc[];
    expectDoc(doc as Doc);
    expect(doc?.tokens).toEqual(full.tokens);
    expect(doc?.keywords).toEqual([]);
    expect(full.keywords.length).toBeGreaterThan(0);
    expect(doc?.entities.map((e) => `${e.label}:${e.text}`)).toEqual(['POLICY:两个确保', 'POLICY:十大战略']);
    expect(full.entities.some((e) => e.label === 'PERSON' && e.text === '葛巧红')).toBe(true);
    expect(doc?.officials).toBeUndefined();
  });

  it('gives one record per JSONL line, error records for bad lines, in input order', () => {
    const input = join(tmp, 'in.jsonl');
    writeFileSync(
      input,
      [
        JSON.stringify({ id: 'a', text: '实施十大战略', source: 'x' }),
        '{not json',
        JSON.stringify({ id: 'c', text: 12 }),
        '',
        JSON.stringify({ id: 'd', text: '锚定两个确保' }),
      ].join('\n'),
    );
    const out = join(tmp, 'out.jsonl');
    const { code, stderr } = zhtag(['annotate', input, '-o', out]);
    expect(code).toBe(1);
    expect(stderr).toContain(`${input}:2: invalid JSON`);
    const lines = records(readFileSync(out, 'utf8'));
    expect(lines.map((r) => r.id)).toEqual(['a', `${input}:2`, 'c', 'd']);
    expect(lines[0].source).toBe('x');
    expect(lines[1].error.code).toBe('E_INPUT');
    expect(lines[2].error.message).toBe(`${input}:3: field "text" must be a string`);
    for (const r of [lines[0], lines[3]]) expectDoc(r);
  });

  it('reads JSONL from stdin with --input-format jsonl, and plain text by default', () => {
    const jsonl = zhtag(
      ['segment', '--input-format', 'jsonl'],
      '{"id":1,"text":"万人助万企"}\n{"id":2,"text":"添翼计划"}\n',
    );
    expect(jsonl.code).toBe(0);
    expect(records(jsonl.stdout).map((r) => [r.id, r.tokens.map((t: { text: string }) => t.text)])).toEqual([
      ['1', ['万人助万企']],
      ['2', ['添翼计划']],
    ]);
    const text = zhtag(['annotate', '-'], '太行进城');
    expect(records(text.stdout)[0].entities[0].term).toBe('太行进城');
  });

  it('loads a user dictionary with --dict and reports a bad one with file:line, exit 2', () => {
    const dict = join(tmp, 'user.txt');
    writeFileSync(dict, '政企联络员 10 nz\n');
    const ok = zhtag(['annotate', '--dict', dict], '设立政企联络员制度');
    expect(
      records(ok.stdout)[0].entities.map((e: { text: string; source: string }) => [e.text, e.source]),
    ).toEqual([['政企联络员', `${dict}:1`]]);
    const bad = join(tmp, 'bad.tsv');
    writeFileSync(bad, 'term\ttype\n政企联络员\tprogram\textra\n');
    const failed = zhtag(['annotate', '--dict', bad], 'x');
    expect(failed.code).toBe(2);
    expect(failed.stderr).toContain(`E_DICT_PARSE ${bad}:2: 3 columns, header has 2`);
  });

  it('checks dictionaries: shipped ones pass, a conflicting file fails with exit 1', () => {
    expect(zhtag(['dict', 'check']).code).toBe(0);
    const dict = join(tmp, 'conflict.tsv');
    writeFileSync(dict, 'term\ttype\n添翼计划\tslogan\n添翼计划\tprogram\n');
    const result = zhtag(['dict', 'check', dict]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`conflict: "添翼计划"`);
    expect(result.stdout).toContain(`${dict}:2, ${dict}:3`);
  });

  it('runs node with the documented V8 flags (shebang of the bin)', () => {
    const shebang = readFileSync(BIN, 'utf8').split('\n')[0] ?? '';
    expect(shebang).toBe(`#!/usr/bin/env -S node ${NODE_FLAGS.join(' ')}`);
    // npm does not mark the package's own bin executable; the build does, so `npx zhtag` runs.
    expect(statSync(BIN).mode & 0o111).toBe(0o111);
  });

  it('exits 2 with help on a usage error', () => {
    const result = zhtag(['annotate', '--engine', 'nope']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Invalid values');
  });
});
