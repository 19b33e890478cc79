import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeBuffer } from '../../src/corpus/index.js';
import { jsonLines, zhtag } from '../cli/run.js';

const dir = mkdtempSync(join(tmpdir(), 'zhtag-decode-'));
const ARTICLE = readFileSync(
  join(import.meta.dirname, '..', '..', 'corpus', 'jiaozuo-interview-2023.txt'),
  'utf8',
).slice(0, 1100);

/** The article's UTF-8 bytes with one byte 0xFF (never valid in UTF-8) after its 500th character. */
function oneBadByte(): Buffer {
  return Buffer.concat([
    Buffer.from(ARTICLE.slice(0, 500)),
    Buffer.from([0xff]),
    Buffer.from(ARTICLE.slice(500)),
  ]);
}

describe('decoding damaged and mislabelled text', () => {
  it('keeps a UTF-8 article with one invalid byte: U+FFFD in its place and a warning', () => {
    const bytes = oneBadByte();
    expect(bytes.length).toBeGreaterThan(2900);
    for (const encoding of ['auto', 'utf8', 'UTF-8']) {
      const decoded = decodeBuffer(bytes, encoding);
      expect(decoded, encoding).toMatchObject({
        ok: true,
        encoding: 'utf-8',
        warning: '1 invalid UTF-8 byte sequence replaced by U+FFFD',
      });
      if (!decoded.ok) continue;
      expect(decoded.text).toBe(`${ARTICLE.slice(0, 500)}\uFFFD${ARTICLE.slice(500)}`);
    }
    const file = join(dir, 'damaged.txt');
    writeFileSync(file, bytes);
    const { code, stdout, stderr } = zhtag(['annotate', file, '-q', '--no-ner', '--no-keywords']);
    expect(code).toBe(0);
    expect(stderr).toBe(`zhtag: warning: ${file}: 1 invalid UTF-8 byte sequence replaced by U+FFFD\n`);
    expect(jsonLines(stdout)[0].text.slice(0, 500)).toBe(ARTICLE.slice(0, 500));
  });

  it('suggests GB18030 only for bytes that read as GB18030', () => {
    const gbk = iconv.encode(ARTICLE, 'gbk');
    expect(decodeBuffer(gbk, 'utf8')).toEqual({
      ok: false,
      reason: 'invalid UTF-8 (it reads as GB18030: set option "encoding" to gb18030)',
    });
    expect(decodeBuffer(gbk, 'auto')).toMatchObject({ ok: true, text: ARTICLE, encoding: 'gb18030' });
  });

  it('refuses a UTF-16 byte-order mark followed by bytes that are not UTF-16', () => {
    const ascii = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('hello world, not utf-16!')]);
    expect(decodeBuffer(ascii)).toMatchObject({ ok: false });
    // Bytes with no lone surrogate that decode to private-use and unassigned code points.
    const garbage = Buffer.from([
      0xff,
      0xfe,
      ...Array.from({ length: 200 }, (_, i) => [i % 256, 0xe0 + (i % 8)]).flat(),
    ]);
    const decoded = decodeBuffer(garbage);
    expect(decoded).toMatchObject({ ok: false });
    expect(!decoded.ok && decoded.reason).toContain('byte-order mark, but the rest is not UTF-16LE text');
    const file = join(dir, 'garbage.txt');
    writeFileSync(file, garbage);
    expect(zhtag(['annotate', file, '-q']).code).toBe(1);
    // Real UTF-16 still reads, with and without ASCII in it.
    for (const text of [ARTICLE, '河南省焦作市委书记', 'zhtag 1.0: 政策']) {
      const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
      expect(decodeBuffer(le)).toEqual({ ok: true, text, encoding: 'utf-16le' });
      const be = Buffer.from(le);
      be.swap16();
      expect(decodeBuffer(be)).toEqual({ ok: true, text, encoding: 'utf-16be' });
    }
  });
});
