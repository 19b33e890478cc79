import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeBuffer, readDocuments } from '../../src/corpus/index.js';
import type { Doc } from '../../src/index.js';
import { jsonLines, zhtag } from '../cli/run.js';
import { expectDoc, SAMPLE_PATH } from '../helpers.js';

// A directory corpus with everything that goes wrong in scraped data.
const dir = mkdtempSync(join(tmpdir(), 'zhtag-corpus-'));
const corpus = join(dir, 'corpus');
mkdirSync(join(corpus, 'nested', 'deeper'), { recursive: true });
writeFileSync(join(corpus, 'article.txt'), readFileSync(SAMPLE_PATH));
writeFileSync(join(corpus, 'bom.txt'), `\uFEFF锚定“两个确保”，实施“十大战略”`);
writeFileSync(
  join(corpus, 'nested', 'gbk.txt'),
  iconv.encode('焦作市实施“十大战略”，推进“万人助万企”。', 'gbk'),
);
writeFileSync(join(corpus, 'nested', 'empty.txt'), '');
writeFileSync(
  join(corpus, 'nested', 'deeper', 'scan.pdf'),
  Buffer.from([0x25, 0x50, 0x44, 0x46, 0, 1, 2, 0xff, 0]),
);
writeFileSync(join(corpus, '.hidden.txt'), 'never read');
writeFileSync(
  join(corpus, 'nested', 'docs.jsonl'),
  [
    JSON.stringify({ id: 'j1', text: '添翼计划 😀 𠀀 太行进城', source: 'site-a' }),
    '{"id": "j2", "text": broken',
    JSON.stringify({ id: 'j3', text: '   ' }),
    JSON.stringify({ id: 'j4', text: '一城一都一基地' }),
  ].join('\n'),
);
const DOCUMENTS_IN = 9; // 4 files + 1 binary + 4 JSONL lines; the hidden file is skipped

describe('corpus inputs (built CLI)', () => {
  it('gives one output or error record per input document, in order, and exit code 1', () => {
    const out = join(dir, 'out.jsonl');
    const { code, stderr } = zhtag(['annotate', corpus, '-o', out, '--jobs', '2']);
    expect(code).toBe(1);
    const records = jsonLines(readFileSync(out, 'utf8'));
    expect(records).toHaveLength(DOCUMENTS_IN);
    expect(records.map((r) => r.id)).toEqual([
      join(corpus, 'article.txt'),
      join(corpus, 'bom.txt'),
      join(corpus, 'nested', 'deeper', 'scan.pdf'),
      'j1',
      `${join(corpus, 'nested', 'docs.jsonl')}:2`,
      'j3',
      'j4',
      join(corpus, 'nested', 'empty.txt'),
      join(corpus, 'nested', 'gbk.txt'),
    ]);
    const errors = records.filter((r) => r.error);
    expect(errors.map((r) => r.error.message)).toEqual([
      `${join(corpus, 'nested', 'deeper', 'scan.pdf')}: binary data (control bytes), not text`,
      expect.stringContaining(`${join(corpus, 'nested', 'docs.jsonl')}:2: invalid JSON`),
    ]);
    // Empty and blank texts are documents like any other (one policy: CLI, library, server).
    expect(records.find((r) => r.id === 'j3')).toMatchObject({ text: '   ', tokens: [], entities: [] });
    for (const doc of records.filter((r) => !r.error) as Doc[]) expectDoc(doc);
    const byId = new Map(records.map((r) => [r.id, r]));
    expect(byId.get(join(corpus, 'nested', 'gbk.txt')).text).toBe('焦作市实施“十大战略”，推进“万人助万企”。');
    expect(byId.get(join(corpus, 'bom.txt')).text.startsWith('锚定')).toBe(true);
    expect(byId.get('j1').source).toBe('site-a');
    expect(stderr).toContain(`zhtag: ${DOCUMENTS_IN} documents in, 7 out, 2 errors`);
  });

  it('expands globs, and --strict stops at the first error', () => {
    const glob = zhtag(['annotate', `${corpus}/**/*.txt`, '--jobs', '1', '--quiet']);
    expect(jsonLines(glob.stdout).map((r) => r.id)).toEqual(
      ['article.txt', 'bom.txt', 'nested/empty.txt', 'nested/gbk.txt'].map((p) => join(corpus, p)),
    );
    expect(glob.code).toBe(0);
    const strict = zhtag(['annotate', corpus, '--strict', '--jobs', '1']);
    expect(strict.code).toBe(1);
    expect(jsonLines(strict.stdout).map((r) => r.id)).toHaveLength(3); // stops after scan.pdf
    expect(strict.stderr).toContain('--strict');
  });

  it('is a streaming filter: JSONL on stdin, JSONL on stdout, exit 0, diagnostics on stderr only', () => {
    const input = `${JSON.stringify({ id: 'p1', text: '实施十大战略' })}\n${JSON.stringify({ id: 'p2', text: '两个确保' })}\n`;
    const { code, stdout, stderr } = zhtag(['annotate', '--input-format', 'jsonl', '-j', '1'], { input });
    expect(code).toBe(0);
    expect(jsonLines(stdout).map((r) => r.id)).toEqual(['p1', 'p2']);
    expect(stderr).toMatch(/^zhtag: 2 documents in, 2 out, 0 errors; 10 characters; [\d.]+ s\n$/);
  });

  it('forces an encoding, and exits 2 on usage errors', () => {
    const gbk = join(corpus, 'nested', 'gbk.txt');
    const forced = zhtag(['annotate', gbk, '--encoding', 'utf8', '-q']);
    expect(forced.code).toBe(1);
    // The record holds the library's message (it names the option); stderr names the flag.
    expect(jsonLines(forced.stdout)[0].error.message).toBe(
      `${gbk}: invalid UTF-8 (it reads as GB18030: set option "encoding" to gb18030)`,
    );
    expect(forced.stderr).toContain(
      `zhtag: ${gbk}: invalid UTF-8 (it reads as GB18030: set --encoding to gb18030)`,
    );
    expect(zhtag(['annotate', gbk, '--encoding', 'klingon']).code).toBe(2);
    expect(zhtag(['annotate', gbk, '--format', 'brat']).stderr).toContain(
      'zhtag: E_USAGE --format brat writes a directory: give it with --output',
    );
    expect(zhtag(['annotate', gbk, '--jobs', '0']).code).toBe(2);
  });
});

describe('decoding', () => {
  it('tells UTF-8, UTF-8 with BOM, GB18030 and binary apart', () => {
    const text = '河南省焦作市 𠀀';
    expect(decodeBuffer(Buffer.from(text))).toMatchObject({ ok: true, text, encoding: 'utf-8' });
    expect(decodeBuffer(Buffer.from(`\uFEFF${text}`))).toMatchObject({ ok: true, text });
    expect(decodeBuffer(iconv.encode(text, 'gb18030'))).toMatchObject({
      ok: true,
      text,
      encoding: 'gb18030',
    });
    expect(decodeBuffer(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toMatchObject({
      ok: false,
    });
  });

  it('reads GBK JSONL line by line, keeping file and line on every document', async () => {
    const file = join(dir, 'gbk.jsonl');
    writeFileSync(
      file,
      iconv.encode('{"id":"g","text":"万人助万企"}\r\n{"id":"h","text":"添翼计划"}\n', 'gbk'),
    );
    const records = [];
    for await (const record of readDocuments([file])) records.push(record);
    expect(records).toMatchObject([
      { kind: 'doc', id: 'g', text: '万人助万企', file, line: 1 },
      { kind: 'doc', id: 'h', text: '添翼计划', file, line: 2 },
    ]);
  });
});
