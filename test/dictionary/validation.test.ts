import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addTerm } from '../../src/dictionary/index.js';
import { createPipeline, type Pipeline } from '../../src/index.js';
import { createServer } from '../../src/server/index.js';
import { errorOf, expectDoc, ROOT } from '../helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'zhtag-validate-'));

let pipeline: Pipeline;
beforeAll(() => {
  pipeline = createPipeline({ ner: false, keywords: false });
});

describe('one validation of a term: TSV loader, dict add, library, API', () => {
  const bad: Array<[string, Record<string, unknown>, string]> = [
    [
      'a one-character policy term',
      { term: '的' },
      'field "term": a policy term has at least 2 characters, got "的"',
    ],
    ['a term past 200 characters', { term: '政'.repeat(201) }, 'field "term": is longer than 200 characters'],
    ['an unknown type', { term: '添翼计划', type: 'nonsense' }, 'field "type": must be one of'],
    ['an alias repeating the term', { term: '添翼计划', aliases: ['添翼计划'] }, 'repeats the term'],
  ];

  it.each(bad)('refuses %s in the library (ZhtagError E_INPUT)', (_name, fields, message) => {
    const error = errorOf(() => pipeline.addTerm(fields as never));
    expect(error.code).toBe('E_INPUT');
    expect(error.message).toContain(message);
  });

  it.each(bad)('refuses %s in a TSV file (E_DICT_PARSE naming file:line and column)', (_name, fields) => {
    const file = join(dir, `bad-${Math.random().toString(36).slice(2)}.tsv`);
    const row = [fields.term, fields.type ?? '', ((fields.aliases as string[]) ?? []).join('|')].join('\t');
    writeFileSync(file, `term\ttype\taliases\n${row}\n`);
    const error = errorOf(() => createPipeline({ ner: false, keywords: false, dicts: [file] }));
    expect(error.code).toBe('E_DICT_PARSE');
    expect(error.message).toMatch(new RegExp(`^${file}:2: (column (term|type|aliases\\[0\\]): |alias )`));
  });

  it.each(bad)('refuses %s in dict add, leaving the file as it was', (_name, fields) => {
    const file = join(dir, 'mine.tsv');
    writeFileSync(file, 'term\ttype\taliases\n');
    expect(errorOf(() => addTerm(file, fields as never, { manifest: false })).code).toMatch(
      /^E_(INPUT|DICT_PARSE)$/,
    );
    expect(readFileSync(file, 'utf8')).toBe('term\ttype\taliases\n');
  });

  it('gives TypeError-free errors for wrong arguments and options', () => {
    expect(errorOf(() => pipeline.annotate(null as never)).code).toBe('E_INPUT');
    expect(errorOf(() => pipeline.annotate(42 as never)).code).toBe('E_INPUT');
    expect(errorOf(() => pipeline.addTerm('词' as never)).message).toBe(
      'addTerm expects {term, type?, aliases?, ...}, got "词"',
    );
    expect(errorOf(() => pipeline.segment({ text: '两个确保' } as never)).code).toBe('E_INPUT');
    expect(errorOf(() => createPipeline({ convention: 'nope' as never, ner: false })).message).toBe(
      'option "guidelines": "nope" is none of zhtag, pd1998, bio',
    );
  });

  it('reads jieba name tags in a user dictionary: 楼阳生 100 nr is a PERSON, and an official', () => {
    const file = join(dir, 'jieba.txt');
    writeFileSync(file, '楼阳生 100 nr\n太行山 ns\n焦作市委 10 nt\n添翼计划 nz\n');
    const withModel = createPipeline({ dicts: [file], keywords: false });
    const doc = withModel.annotate('河南省委书记楼阳生');
    expectDoc(doc);
    expect(doc.entities.find((e) => e.text === '楼阳生')).toMatchObject({
      label: 'PERSON',
      source: `${file}:1`,
    });
    expect(doc.officials?.map((o) => o.person.text)).toEqual(['楼阳生']);
    const labels = createPipeline({ dicts: [file], ner: false, keywords: false }).annotate(
      '太行山下焦作市委实施添翼计划',
    );
    expect(labels.entities.map((e) => `${e.label}:${e.text}`)).toEqual(
      expect.arrayContaining(['LOC:太行山', 'ORG:焦作市委', 'POLICY:添翼计划']),
    );
  });
});

describe('zhtag dict remove never edits a shipped dictionary unless it is named', () => {
  it('refuses without --file (exit 2) and leaves the shipped file as it was', () => {
    // A copy of the built package, so the command's own shipped dictionaries are the copy's.
    const pkg = join(dir, 'pkg');
    for (const part of ['dist', 'dictionaries', 'package.json'])
      cpSync(join(ROOT, part), join(pkg, part), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules'), join(pkg, 'node_modules'));
    const shipped = join(pkg, 'dictionaries', 'policy', 'jiaozuo.tsv');
    const before = readFileSync(shipped, 'utf8');
    const run = (args: string[]) =>
      spawnSync(process.execPath, [join(pkg, 'dist', 'cli', 'zhtag.js'), ...args], {
        cwd: dir,
        encoding: 'utf8',
      });
    const refused = run(['dict', 'remove', '一城一都一基地']);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('zhtag edits a shipped dictionary only when it is named with --file');
    expect(readFileSync(shipped, 'utf8')).toBe(before);
    const named = run(['dict', 'remove', '一城一都一基地', '--file', shipped]);
    expect(named.status).toBe(0);
    expect(readFileSync(shipped, 'utf8')).not.toContain('一城一都一基地');
  });
});

describe('the HTTP API validates terms as the rest does', () => {
  type App = Awaited<ReturnType<typeof createServer>>;
  let app: App;
  let base: string;
  beforeAll(async () => {
    app = await createServer({ workers: 1, pipeline: { ner: false, keywords: false } });
    base = await app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(() => app.close());
  const post = (path: string, body: unknown) =>
    fetch(`${base}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('refuses 的 and an alias that is another term, which dict check would fail', async () => {
    const one = await post('/v1/dictionaries/terms', { term: '的' });
    expect(one.status).toBe(400);
    expect(((await one.json()) as { error: { message: string } }).error.message).toContain(
      'at least 2 characters',
    );
    const alias = await post('/v1/dictionaries/terms', { term: '怀川新计划', aliases: ['十大战略'] });
    expect(alias.status).toBe(409);
    expect(((await alias.json()) as { error: { code: string } }).error.code).toBe('E_DICT_CONFLICT');
    const fine = await post('/v1/dictionaries/terms', { term: '怀川新计划', aliases: ['怀川计划二'] });
    expect(fine.status).toBe(201);
  });

  it('keeps offsets exact around a lone surrogate', async () => {
    // No character the normalizer changes: the engine's own strings would be the token texts.
    const text = '政策\uD800文件\uDC00两个确保😀';
    const response = await post('/v1/annotate', { text });
    expect(response.status).toBe(200);
    const doc = (await response.json()) as Parameters<typeof expectDoc>[0];
    expect(doc.text).toBe(text);
    expectDoc(doc);
  });
});
