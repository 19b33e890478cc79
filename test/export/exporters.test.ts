import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  bratName,
  createExporter,
  type LabelStudioTask,
  readConll,
  type StreamExporter,
  sliceCodePoints,
  toBratAnn,
  toConll,
  toDoccano,
} from '../../src/export/index.js';
import { createPipeline, type Doc, type Entity } from '../../src/index.js';
import { jsonLines, zhtag } from '../cli/run.js';
import { expectDoc } from '../helpers.js';

const pipeline = createPipeline();

// Emoji (one with a flag of two code points) and CJK Extension B characters before and inside entities:
// each is 2 UTF-16 units and 1 code point, so any unit mix-up shifts or cuts the entities after them.
const TEXTS = [
  '😀河南省𠀀焦作市实施“十大战略”，🇨🇳推进“万人助万企”。\n𠮷野家门前，锚定“两个确保”！',
  '添翼计划结出硕果。𠀀𠀁一城一都一基地打造亮点纷呈\n第二段：企业纾困360平台上线',
];

/** The pipeline's annotation plus hand-placed entities over surrogate pairs (overlapping ones dropped). */
function annotated(text: string, i: number): Doc {
  const doc = pipeline.annotate({ id: `doc-${i}`, text });
  const extra: Entity[] = [];
  for (const [needle, label] of [
    ['𠮷野家', 'ORG'],
    ['𠀀焦作市', 'LOC'],
    ['𠀀𠀁', 'PERSON'],
  ] as const) {
    const start = text.indexOf(needle);
    if (start >= 0) extra.push({ text: needle, start, end: start + needle.length, label, source: 'test' });
  }
  const kept = doc.entities.filter((e) => !extra.some((x) => x.start < e.end && e.start < x.end));
  doc.entities = [...kept, ...extra].sort((a, b) => a.start - b.start);
  expectDoc(doc);
  return doc;
}

const docs = TEXTS.map(annotated);

function renderAll(exporter: StreamExporter, list: Doc[]): string {
  return exporter.begin() + list.map((doc) => exporter.render(doc)).join(exporter.separator) + exporter.end();
}

describe('exports read back with the same entities', () => {
  it('has surrogate pairs before entities, so the unit conversions are exercised', () => {
    for (const doc of docs) {
      expect(doc.entities.length).toBeGreaterThanOrEqual(3);
      expect(doc.entities.some((e) => Array.from(doc.text.slice(0, e.start)).length !== e.start)).toBe(true);
    }
  });

  it('jsonl: the documented record, UTF-16 offsets', () => {
    const lines = jsonLines(renderAll(createExporter('jsonl') as StreamExporter, docs));
    expect(lines).toEqual(docs);
    for (const doc of lines) expectDoc(doc);
  });

  it('doccano: [start, end, label] in UTF-16 code units', () => {
    const records = jsonLines(renderAll(createExporter('doccano') as StreamExporter, docs));
    records.forEach((record, i) => {
      const doc = docs[i] as Doc;
      expect(record).toEqual(toDoccano(doc));
      expect(Object.keys(record).sort()).toEqual(['id', 'label', 'text']);
      expect(
        record.label.map(([start, end, label]: [number, number, string]) => [
          record.text.slice(start, end),
          label,
        ]),
      ).toEqual(doc.entities.map((e) => [e.text, e.label]));
    });
  });

  it('label-studio: a JSON array of tasks with predictions, offsets in code points', () => {
    const tasks = JSON.parse(
      renderAll(createExporter('label-studio') as StreamExporter, docs),
    ) as LabelStudioTask[];
    expect(tasks).toHaveLength(docs.length);
    tasks.forEach((task, i) => {
      const doc = docs[i] as Doc;
      expect(task.data).toEqual({ text: doc.text, id: doc.id });
      expect(task.predictions).toHaveLength(1);
      const [prediction] = task.predictions;
      expect(typeof prediction?.model_version).toBe('string');
      expect(prediction?.result).toHaveLength(doc.entities.length);
      prediction?.result.forEach((result, k) => {
        const entity = doc.entities[k] as Entity;
        expect(result).toMatchObject({ from_name: 'label', to_name: 'text', type: 'labels' });
        expect(typeof result.id).toBe('string');
        expect(result.value.labels).toEqual([entity.label]);
        expect(sliceCodePoints(task.data.text, result.value.start, result.value.end)).toBe(entity.text);
        expect(result.value.text).toBe(entity.text);
      });
    });
  });

  it('brat: .txt unchanged, T lines with code point offsets (fragments across line breaks)', () => {
    const exporter = createExporter('brat');
    if (exporter.kind !== 'directory') throw new Error('brat writes a directory');
    const crossing = { ...(docs[1] as Doc) };
    const start = crossing.text.indexOf('纷呈\n第二段');
    crossing.entities = [{ text: '纷呈\n第二段', start, end: start + 6, label: 'ORG', source: 'test' }];
    for (const doc of [...docs, crossing]) {
      const [txt, ann] = exporter.files(doc);
      expect(txt).toEqual({ name: `${bratName(doc.id ?? '')}.txt`, content: doc.text });
      expect(ann?.content).toBe(toBratAnn(doc));
      const tLines = (ann?.content ?? '').split('\n').filter((line) => line.startsWith('T'));
      expect(tLines).toHaveLength(doc.entities.length);
      tLines.forEach((line, k) => {
        const match = /^T(\d+)\t(\S+) ((?:\d+ \d+;?)+)\t(.*)$/.exec(line);
        expect(match).not.toBeNull();
        const entity = doc.entities[k] as Entity;
        expect(match?.[2]).toBe(entity.label);
        const pieces = (match?.[3] ?? '').split(';').map((fragment) => {
          const [from, to] = fragment.split(' ').map(Number);
          return sliceCodePoints(doc.text, from ?? 0, to ?? 0);
        });
        expect(pieces.join('\n')).toBe(entity.text);
      });
    }
    expect(bratName('a/b c.txt')).toMatch(/^a_b_c\.txt-[0-9a-f]{8}$/);
    expect(exporter.finish(['LOC'])[0]?.content).toContain('[entities]\nLOC\nORG');
  });

  it('conll: token, POS, BIO; tokens and entities read back', () => {
    const read = readConll(docs.map(toConll).join(''));
    expect(read.map((d) => d.id)).toEqual(docs.map((d) => d.id));
    read.forEach((conll, i) => {
      const doc = docs[i] as Doc;
      const rows = conll.sentences.flat();
      expect(rows.map((r) => [r.token, r.pos])).toEqual(doc.tokens.map((t) => [t.text, t.pos]));
      expect(conll.sentences.length).toBeGreaterThanOrEqual(2);
      // Decode BIO back into character spans through the tokens, and compare with the entities.
      const spans: Array<[number, number, string]> = [];
      rows.forEach((row, k) => {
        const token = doc.tokens[k];
        if (!token) return;
        if (row.tag.startsWith('B-')) spans.push([token.start, token.end, row.tag.slice(2)]);
        else if (row.tag.startsWith('I-'))
          (spans[spans.length - 1] as [number, number, string])[1] = token.end;
      });
      const aligned = doc.entities.filter(
        (e) => doc.tokens.some((t) => t.start === e.start) && doc.tokens.some((t) => t.end === e.end),
      );
      expect(aligned.length).toBeGreaterThan(0);
      for (const entity of aligned) expect(spans).toContainEqual([entity.start, entity.end, entity.label]);
      expect(spans).toHaveLength(doc.entities.length);
    });
  });

  it('html: marks by type with a legend; marks and text read back exactly', () => {
    const html = renderAll(createExporter('html') as StreamExporter, docs);
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
    expect(html).not.toContain('<script');
    for (const label of ['PERSON', 'TITLE', 'ORG', 'LOC', 'POLICY']) expect(html).toContain(`ent-${label}`);
    const decodeEntities = (s: string) =>
      s.replace(/&#(\d+);/g, (_, code) => String.fromCharCode(Number(code)));
    const articles = [...html.matchAll(/<div class="text">([\s\S]*?)<\/div>\n<\/article>/g)];
    expect(articles).toHaveLength(docs.length);
    articles.forEach((article, i) => {
      const doc = docs[i] as Doc;
      const body = article[1] ?? '';
      expect(decodeEntities(body.replace(/<[^>]+>/g, ''))).toBe(doc.text);
      const marks = [
        ...body.matchAll(
          /<mark [^>]*data-label="([^"]+)" data-start="(\d+)" data-end="(\d+)"[^>]*>([^<]*)<\/mark>/g,
        ),
      ];
      expect(marks.map((m) => [m[1], Number(m[2]), Number(m[3]), decodeEntities(m[4] ?? '')])).toEqual(
        doc.entities.map((e) => [e.label, e.start, e.end, e.text]),
      );
    });
  });
});

describe('formats from the CLI', () => {
  const dir = mkdtempSync(join(tmpdir(), 'zhtag-formats-'));
  const input = join(dir, 'in.jsonl');
  writeFileSync(input, TEXTS.map((text, i) => JSON.stringify({ id: `doc-${i}`, text })).join('\n'));

  it('writes every format, readable by its reader', () => {
    for (const format of ['label-studio', 'doccano', 'conll', 'html']) {
      const out = join(dir, `out.${format}`);
      const { code } = zhtag(['annotate', input, '--format', format, '-o', out, '-j', '1', '-q']);
      expect(code).toBe(0);
      const content = readFileSync(out, 'utf8');
      if (format === 'label-studio') expect(JSON.parse(content)).toHaveLength(2);
      if (format === 'doccano') expect(jsonLines(content).map((r) => r.id)).toEqual(['doc-0', 'doc-1']);
      if (format === 'conll') expect(readConll(content).map((d) => d.id)).toEqual(['doc-0', 'doc-1']);
      if (format === 'html') expect(content.match(/<article /g)).toHaveLength(2);
    }
    const brat = join(dir, 'brat');
    expect(zhtag(['annotate', input, '--format', 'brat', '-o', brat, '-j', '1', '-q']).code).toBe(0);
    expect(readdirSync(brat).sort()).toEqual([
      'annotation.conf',
      'doc-0.ann',
      'doc-0.txt',
      'doc-1.ann',
      'doc-1.txt',
    ]);
    expect(readFileSync(join(brat, 'doc-0.txt'), 'utf8')).toBe(TEXTS[0]);
    const again = zhtag(['annotate', input, '--format', 'brat', '-o', brat, '-j', '1', '--resume']);
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('2 documents in, 0 out, 0 errors, 2 skipped');
  }, 180_000); // seven CLI runs, each loading the pipeline
});
