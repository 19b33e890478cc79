import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPipeline, type Doc, isZhtagError, type Pipeline } from '../../src/index.js';
import { createServer } from '../../src/server/index.js';
import { jsonLines, zhtag } from '../cli/run.js';
import { expectDoc } from '../helpers.js';

/**
 * Property-based checks of the promises zhtag makes whatever the input: one record per input document
 * in order, offsets exact, no crash, no 5xx, input files untouched. A fixed seed makes every run the
 * same; ZHTAG_PROPERTY_RUNS scales the number of cases (default 1: the CI budget, about 30 s in all, most of it two CLI runs),
 * ZHTAG_PROPERTY_SEED picks other cases.
 */
const SCALE = Math.max(1, Number(process.env.ZHTAG_PROPERTY_RUNS ?? 1));
const SEED = Number(process.env.ZHTAG_PROPERTY_SEED ?? 20_261_207);
const runs = (base: number) => ({ seed: SEED, numRuns: Math.round(base * SCALE) });

const dir = mkdtempSync(join(tmpdir(), 'zhtag-property-'));

// Pieces of text: political news, and everything else Unicode holds.
const NEWS = [
  '焦作市委书记葛巧红强调，',
  '锚定“两个确保”，实施“十大战略”。',
  '「十四五」規劃',
  '河南省委书记楼阳生',
  '習近平',
  '国务院办公厅',
  '２０２３年',
];
const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code));
const control = fc.integer({ min: 0, max: 0x1f }).map((code) => String.fromCharCode(code));
const extensionB = fc.integer({ min: 0x20000, max: 0x2a6df }).map((code) => String.fromCodePoint(code));
const emoji = fc.constantFrom('😀', '👨‍👩‍👧', '🇨🇳', '1️⃣', '\u200d', '\ufe0f');
const piece = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...NEWS) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme-ascii', maxLength: 8 }) },
  { weight: 1, arbitrary: loneSurrogate },
  { weight: 1, arbitrary: control },
  { weight: 1, arbitrary: extensionB },
  { weight: 1, arbitrary: emoji },
  { weight: 1, arbitrary: fc.constantFrom('\n', '\r\n', '\u3000', '\u00a0', '\ufeff', ' ') },
);
const text = fc.array(piece, { maxLength: 24 }).map((pieces) => pieces.join(''));

/** A JSON value nested `depth` deep. */
const nestedValue = (depth: number): unknown => {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { v: value };
  return value;
};

describe('property: the library', () => {
  let pipeline: Pipeline;
  let bare: Pipeline;
  beforeAll(() => {
    pipeline = createPipeline();
    bare = createPipeline({ ner: false, keywords: false });
  });

  it('annotates any text with exact offsets and never throws', () => {
    fc.assert(
      fc.property(text, (value) => {
        const doc = pipeline.annotate({ id: 'x', text: value });
        expect(doc.text).toBe(value);
        expectDoc(doc);
      }),
      runs(150),
    );
  });

  it('accepts or refuses any dictionary line with a ZhtagError, and still annotates exactly', () => {
    const field = fc.oneof(text, fc.constantFrom('的', '两个确保', '十大战略', 'strategy', 'nr'));
    const fields = fc.record(
      {
        term: field,
        type: fc.oneof(fc.constantFrom('strategy', 'slogan', 'other'), fc.string({ maxLength: 6 })),
        aliases: fc.array(field, { maxLength: 3 }),
        label: fc.constantFrom('POLICY', 'PERSON', 'ORG', 'LOC', 'TITLE'),
      },
      { requiredKeys: ['term'] },
    );
    const line = fc.oneof(
      fields.map((f) => ({ kind: 'fields' as const, f })),
      fc.tuple(text, fc.constantFrom('', ' 10', ' 100 nr', ' ns', ' 3 nt', ' x y z')).map(([word, tail]) => ({
        kind: 'jieba' as const,
        content: `${word.replace(/\n/g, '')}${tail}\n`,
      })),
      fc.array(text, { minLength: 1, maxLength: 4 }).map((cells) => ({
        kind: 'tsv' as const,
        content: `term\ttype\taliases\n${cells.map((c) => c.replace(/[\t\n]/g, '')).join('\t')}\n`,
      })),
    );
    fc.assert(
      fc.property(line, text, (entry, sample) => {
        try {
          if (entry.kind === 'fields') bare.addTerm(entry.f as never);
          else
            bare.dictionary.loadText(entry.content, {
              layer: 'user',
              label: 'POLICY',
              mode: 'frozen',
              displayPath: 'random.tsv',
            });
        } catch (error) {
          if (!isZhtagError(error)) throw error;
        }
        const doc = bare.annotate(
          `${sample}${typeof entry === 'object' && entry.kind === 'fields' ? entry.f.term : ''}`,
        );
        expectDoc(doc);
      }),
      runs(150),
    );
  });
});

describe('property: the CLI', () => {
  type Line =
    | { kind: 'doc'; id: string | number; text: string; depth: number }
    | { kind: 'garbage'; raw: string };
  const ids = fc.oneof(
    fc.constantFrom('a', 'b', 'c', 'a#2', '', 7, '新闻\n1'),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 6 }),
  );
  const line: fc.Arbitrary<Line> = fc.oneof(
    {
      weight: 5,
      arbitrary: fc.record({
        kind: fc.constant('doc' as const),
        id: ids,
        text,
        depth: fc.constantFrom(0, 3, 150, 5000),
      }),
    },
    {
      weight: 1,
      arbitrary: fc
        .string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 30 })
        .map((raw) => raw.replace(/[\r\n]/g, ' '))
        .filter((raw) => raw.trim() !== '')
        .map((raw) => ({ kind: 'garbage' as const, raw })),
    },
  );
  const render = (l: Line) =>
    l.kind === 'garbage'
      ? l.raw
      : l.depth === 5000
        ? `{"id":${JSON.stringify(l.id)},"text":${JSON.stringify(l.text)},"meta":${'['.repeat(5000)}${']'.repeat(5000)}}`
        : JSON.stringify({ id: l.id, text: l.text, ...(l.depth ? { meta: nestedValue(l.depth) } : {}) });

  it('gives one record per input line in order, exact offsets, exit 0 or 1, the input untouched', () => {
    let n = 0;
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 25 }), (lines) => {
        const input = join(dir, `in-${n}.jsonl`);
        const out = join(dir, `out-${n++}.jsonl`);
        const content = `${lines.map(render).join('\n')}\n`;
        writeFileSync(input, content);
        const digest = createHash('sha256').update(readFileSync(input)).digest('hex');
        const { code, stderr } = zhtag(['annotate', input, '-o', out, '--jobs', '2', '-q']);
        expect(stderr).not.toMatch(/\n\s+at /); // no stack trace
        expect([0, 1]).toContain(code);
        const records = jsonLines(readFileSync(out, 'utf8'));
        expect(records).toHaveLength(lines.length);
        const seen = new Set<string>();
        records.forEach((record, i) => {
          const source = lines[i] as Line;
          if (record.error) {
            expect(typeof record.id).toBe('string');
            return;
          }
          expectDoc(record as Doc);
          expect(source.kind).toBe('doc');
          if (source.kind !== 'doc') return;
          expect(record.id).toBe(String(source.id));
          expect(record.text).toBe(source.text);
          expect(seen.has(record.id)).toBe(false);
          seen.add(record.id);
        });
        expect(createHash('sha256').update(readFileSync(input)).digest('hex')).toBe(digest);
      }),
      runs(2),
    );
  });
});

describe('property: the server', () => {
  type App = Awaited<ReturnType<typeof createServer>>;
  let app: App;
  let base: string;
  beforeAll(async () => {
    app = await createServer({ workers: 1 });
    base = await app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(() => app.close());

  const body = fc.oneof(
    text.map((t) => ({ path: '/v1/annotate', json: { text: t } })),
    fc.array(text, { maxLength: 4 }).map((texts) => ({
      path: '/v1/segment',
      json: { documents: texts.map((t, i) => ({ id: String(i), text: t })) },
    })),
    fc.jsonValue().map((json) => ({ path: '/v1/annotate', json })),
    fc.record({ term: text, aliases: fc.array(text, { maxLength: 2 }) }).map((json) => ({
      path: '/v1/dictionaries/terms',
      json,
    })),
  );

  it('never answers 5xx, and every 200 annotation has exact offsets', async () => {
    await fc.assert(
      fc.asyncProperty(body, async ({ path, json }) => {
        const response = await fetch(`${base}${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(json),
        });
        expect(response.status).toBeLessThan(500);
        const answer = (await response.json()) as Doc & {
          documents?: Array<{ text: string; tokens: Doc['tokens'] }>;
        };
        if (response.status !== 200 || path === '/v1/dictionaries/terms') return;
        if (path === '/v1/annotate') {
          expect(answer.text).toBe((json as { text: string }).text);
          expectDoc(answer);
        } else {
          for (const doc of answer.documents ?? [])
            expectDoc({ ...doc, entities: [], keywords: [] } as unknown as Doc);
        }
      }),
      runs(100),
    );
  });
});
