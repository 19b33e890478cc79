import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { describe, expect, it } from 'vitest';
import { emissions, NUM_TAGS, spansToTags, transitionMask, viterbiGeneric } from '../../src/ner/decode.js';
import {
  evaluateSpans,
  parsePdLine,
  pdWords,
  readBio,
  readCluener,
  taggerWithout,
} from '../../src/ner/eval.js';
import { NUM_FEATURES } from '../../src/ner/features.js';
import {
  decodeParams,
  encodeParams,
  NerModel,
  type NerSpan,
  ROW_STRIDE,
  STEPS,
} from '../../src/ner/model.js';
import { rng, Trainer, type TrainItem } from '../../src/ner/trainer.js';
import { viterbi } from '../../src/ner/viterbi.js';
import { windows } from '../../src/ner/window.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const modelPath = path.join(repoRoot, 'dictionaries', 'models', 'ner.bin.gz');
// The shipped model is part of the package: when it is missing, this file fails (E_MODEL, no such file).
const model = NerModel.load(modelPath);

function ents(text: string, spans: NerSpan[]): string[] {
  return spans.map((s) => `${text.slice(s.start, s.end)}/${s.label}`);
}

/** Problems with the spans of `text` (empty when offsets are exact, ordered and never split a surrogate pair). */
function offsetProblems(text: string, spans: NerSpan[]): string[] {
  const problems: string[] = [];
  let prevEnd = 0;
  const isHigh = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
  const isLow = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;
  for (const s of spans) {
    const ok =
      Number.isInteger(s.start) &&
      Number.isInteger(s.end) &&
      s.start >= prevEnd &&
      s.end > s.start &&
      s.end <= text.length &&
      s.score >= 0 &&
      s.score <= 1 &&
      !(isLow(text.charCodeAt(s.start)) && isHigh(text.charCodeAt(s.start - 1))) &&
      !(isHigh(text.charCodeAt(s.end - 1)) && isLow(text.charCodeAt(s.end))) &&
      text.slice(s.start, s.end).length === s.end - s.start;
    if (!ok) problems.push(JSON.stringify(s));
    prevEnd = s.end;
  }
  return problems;
}

function checkOffsets(text: string, spans: NerSpan[]): void {
  expect(offsetProblems(text, spans)).toEqual([]);
}

describe('NerModel (shipped model)', () => {
  const m = model;

  it('has metadata', () => {
    expect(m.info.labels).toEqual(['PERSON', 'LOC', 'ORG']);
    expect(m.info.version).toBeTruthy();
    expect(m.info.trainedOn).toMatch(/People's Daily/);
  });

  it('finds officials, places and organizations', () => {
    const a = '焦作市委书记葛巧红接受记者采访';
    expect(ents(a, m.predict(a))).toContain('葛巧红/PERSON');
    const b = '江泽民主席在北京会见了克林顿';
    const eb = ents(b, m.predict(b));
    expect(eb).toContain('江泽民/PERSON');
    expect(eb).toContain('北京/LOC');
    expect(eb).toContain('克林顿/PERSON');
    const c = '河南理工大学的学生参加了活动';
    expect(ents(c, m.predict(c))).toContain('河南理工大学/ORG');
  });

  it('gives exact offsets', () => {
    for (const text of [
      '焦作市委书记葛巧红接受记者采访',
      '国务院总理李鹏今天在人民大会堂会见了日本首相桥本龙太郎。',
      '  新华社北京１月５日电　中共中央政治局常委、国务院副总理朱镕基今天在上海考察。',
    ]) {
      const spans = m.predict(text);
      checkOffsets(text, spans);
      expect(spans.length).toBeGreaterThan(0);
    }
  });

  it('accepts segmenter tokens', () => {
    const text = '江泽民主席在北京会见了克林顿';
    const tokens = [
      { start: 0, end: 3, pos: 'nr' },
      { start: 3, end: 5, pos: 'n' },
      { start: 5, end: 6, pos: 'p' },
      { start: 6, end: 8, pos: 'ns' },
      { start: 8, end: 10, pos: 'v' },
      { start: 10, end: 11, pos: 'ul' },
      { start: 11, end: 14, pos: 'nr' },
    ];
    const e = ents(text, m.predict(text, tokens));
    expect(e).toContain('江泽民/PERSON');
    expect(e).toContain('北京/LOC');
  });

  it('handles empty and odd input', () => {
    expect(m.predict('')).toEqual([]);
    for (const text of [
      ' ',
      '\u0000\u0001\u0002\t\n\r',
      '😀😀😀江泽民😀在𠀀𠀁北京𪚥会见克林顿🇨🇳',
      'Xi Jinping 在 2023 年访问了 Paris，与 Macron 会谈；iPhone15 售价 5999 元。',
      '\ud800江泽民\udc00北京',
      '。。。，，，！！！',
      '１２３ＡＢＣ李鹏',
    ]) {
      const spans = m.predict(text);
      checkOffsets(text, spans);
    }
    const t = '😀江泽民主席在北京会见了克林顿';
    const e = ents(t, m.predict(t));
    expect(e).toContain('江泽民/PERSON');
    expect(e).toContain('北京/LOC');
  });

  it('handles a long line without punctuation', () => {
    const unit = '江泽民主席在北京会见了克林顿总统双方讨论了中美关系𠀀';
    const text = unit.repeat(Math.ceil(1_000_000 / unit.length));
    const spans = m.predict(text);
    checkOffsets(text, spans);
    expect(spans.length).toBeGreaterThan(1000);
    expect(spans.filter((s) => text.slice(s.start, s.end) === '北京').length).toBeGreaterThan(1000);
  });

  it('segments long texts in chunks exactly as it would segment them whole', () => {
    const sentence = '国务院总理李鹏今天在人民大会堂会见了日本首相桥本龙太郎，双方讨论了中日关系。';
    const text = `${sentence}\n`.repeat(300);
    const jieba = Jieba.withDict(dict);
    let u = 0;
    const tokens = jieba.tag(text).map(({ word, tag }) => {
      const start = u;
      u += word.length;
      return { start, end: u, pos: tag };
    });
    const own = m.predict(text);
    expect(own).toEqual(m.predict(text, tokens));
    expect(own.filter((s) => text.slice(s.start, s.end) === '李鹏').length).toBe(300);
  });

  it('handles many short lines', () => {
    const text = '李鹏\n'.repeat(5000);
    checkOffsets(text, m.predict(text));
  });

  it('tags the paragraphs of a document as it tags them one by one', () => {
    // a line break is a window of its own, so a paragraph ends as it does alone (not before a newline)
    const paragraphs = [
      '新华社北京１月５日电　国务院副总理朱镕基今天在上海考察。',
      '他说，浦东开发要坚持改革开放',
      '朱镕基',
      '（记者　张宿堂）',
    ];
    const text = paragraphs.join('\n');
    const expected: string[] = [];
    let at = 0;
    for (const p of paragraphs) {
      for (const s of m.predict(p)) expected.push(`${s.start + at}:${s.end + at}:${s.label}:${s.score}`);
      at += p.length + 1;
    }
    expect(windows('朱镕基\n他说\r\n')).toEqual([
      [0, 3],
      [3, 4],
      [4, 6],
      [6, 7],
      [7, 8],
    ]);
    const spans = m.predict(text);
    checkOffsets(text, spans);
    expect(spans.map((s) => `${s.start}:${s.end}:${s.label}:${s.score}`)).toEqual(expected);
    expect(ents(text, spans)).toContain('朱镕基/PERSON');
  });

  it('knows world places from its dictionary gazetteer', () => {
    expect(m.meta.dictionaryGazetteer?.LOC).toContain('毛里求斯');
    const text = '毛里求斯总理拉姆古兰今天抵达科托努。';
    expect(ents(text, m.predict(text))).toContain('毛里求斯/LOC');
  });
});

describe('gold readers and scoring', () => {
  it('parses People’s Daily conventions', () => {
    const rec = parsePdLine(
      '19980101-01-001-004/m  中共中央/nt  总书记/n  江/nr  泽民/nr  会见/v  [中国/ns  国际/n  广播/vn  电台/n]nt  、/w  [邓/nr  小平/nr  理论/n]nz  中/j  美/j  关系/n  十五大/j',
    );
    expect(rec).toBeDefined();
    const r = rec as NonNullable<typeof rec>;
    expect(r.entities.map((e) => `${r.text.slice(e.start, e.end)}/${e.label}`)).toEqual([
      '中共中央/ORG',
      '江泽民/PERSON',
      '中国国际广播电台/ORG',
      '中/LOC',
      '美/LOC',
      '十五大/ORG',
    ]);
  });

  it('scores exact spans', () => {
    const gold = [
      [
        { start: 0, end: 2, label: 'PERSON' },
        { start: 3, end: 5, label: 'LOC' },
      ],
    ];
    const pred = [
      [
        { start: 0, end: 2, label: 'PERSON' },
        { start: 3, end: 6, label: 'LOC' },
      ],
    ];
    const r = evaluateSpans(gold, pred);
    expect(r.micro.tp).toBe(1);
    expect(r.micro.precision).toBeCloseTo(0.5);
    expect(r.perLabel.PERSON.f1).toBeCloseTo(1);
    expect(r.perLabel.LOC.f1).toBeCloseTo(0);
  });

  it('collects People’s Daily words by paragraph id, and segments without chosen dictionary words', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'zhtag-ner-'));
    const pd = path.join(dir, 'pd.txt');
    writeFileSync(
      pd,
      '19980101-01-001-001/m  [中共中央/nt  统战部/nt]nt  欢迎/v  王/nr  鄢家河村/ns\n19980121-01-001-001/m  强强/nr  吃/v\n',
    );
    expect([...pdWords(pd, (id) => id.startsWith('19980101'))].sort()).toEqual(
      ['中共中央', '统战部', '欢迎', '王', '鄢家河村'].sort(),
    );
    expect([...pdWords(pd, (id) => id.startsWith('19980121'))]).toEqual(['强强', '吃']);
    // jieba's own dictionary holds the word (with its People's Daily count); without it, it is no token
    const text = '鄢家河村的路修好了';
    expect(Jieba.withDict(dict).cut(text, false)).toContain('鄢家河村');
    const without = taggerWithout(new Set(['鄢家河村']));
    expect(without.cut(text, false)).not.toContain('鄢家河村');
    expect(without.cut(text, false).join('')).toBe(text);
  });

  it('reads BIO and CLUENER (inclusive ends, code-point offsets)', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'zhtag-ner-'));
    const bio = path.join(dir, 'x.bio');
    writeFileSync(bio, '欧 B-LOC\n美 B-LOC\n的 O\n国 B-PER\n正 I-PER\n\n在 O\n北 B-ORG\n大 I-ORG\n');
    const b = readBio(bio);
    expect(b.map((r) => r.entities.map((e) => `${r.text.slice(e.start, e.end)}/${e.label}`))).toEqual([
      ['欧/LOC', '美/LOC', '国正/PERSON'],
      ['北大/ORG'],
    ]);
    const cl = path.join(dir, 'x.json');
    writeFileSync(
      cl,
      `${JSON.stringify({ text: '𠀀叶老桂在浙商银行', label: { name: { 叶老桂: [[1, 3]] }, company: { 浙商银行: [[5, 8]] } } })}\n`,
    );
    const c = readCluener(cl);
    const r = c[0] as (typeof c)[number];
    expect(r.entities.map((e) => `${r.text.slice(e.start, e.end)}/${e.label}`)).toEqual([
      '叶老桂/PERSON',
      '浙商银行/ORG',
    ]);
  });
});

describe('model internals', () => {
  it('round-trips weights through the int8 model file within one step per row', () => {
    const T = NUM_TAGS;
    const bits = 8;
    const random = rng(7);
    const weights = new Float32Array((1 << bits) * T);
    for (let r = 0; r < 1 << bits; r++) {
      const mag = r % 3 === 0 ? 0.1 : 10 ** (random() * 3 - 0.5);
      for (let t = 0; t < T; t++) weights[r * T + t] = (random() * 2 - 1) * mag;
    }
    const trans = Float32Array.from({ length: T * T + 2 * T }, (_, i) => i / 10);
    const meta = {
      version: 't',
      trainedOn: 'test',
      labels: ['PERSON', 'LOC', 'ORG'],
      bits,
      numFeatures: 30,
      numTags: T,
    };
    const p = decodeParams(encodeParams(meta, trans, weights, 0.5));
    expect(p.meta.trainedOn).toBe('test');
    expect([...p.trans]).toEqual([...trans]);
    const kept = new Set(p.rows);
    for (let r = 0; r < 1 << bits; r++) {
      let max = 0;
      for (let t = 0; t < T; t++) max = Math.max(max, Math.abs(weights[r * T + t] as number));
      expect(kept.has(r)).toBe(max >= 0.5);
    }
    p.rows.forEach((r, k) => {
      const step = STEPS[(p.vals[k * ROW_STRIDE + 13] as number) & 255] as number;
      for (let t = 0; t < T; t++) {
        const got = (p.vals[k * ROW_STRIDE + t] as number) * step;
        expect(Math.abs(got - (weights[r * T + t] as number))).toBeLessThanOrEqual(step / 2 + 1e-6);
      }
    });
  });

  it('decodes like the generic Viterbi', () => {
    const T = NUM_TAGS;
    const random = rng(3);
    const mask = transitionMask();
    const trans = Float32Array.from({ length: T * T + 2 * T }, () => random() * 4 - 2);
    const n = 200;
    const em = Float32Array.from({ length: n * T }, () => random() * 10 - 5);
    const a = new Uint8Array(n);
    const b = new Uint8Array(n);
    viterbi(em, n, trans, mask, a, new Uint8Array(n * T), new Float64Array(2 * T));
    viterbiGeneric(em, n, trans, mask, b, new Uint8Array(n * T), new Float64Array(2 * T));
    expect([...a]).toEqual([...b]);
  });

  /** A window of 5 characters whose features are all distinct buckets: 甲乙 PERSON, the rest O. */
  function toyItem(): TrainItem {
    const n = 5;
    const feats = Int32Array.from({ length: n * NUM_FEATURES }, (_, k) => k + 1);
    return { feats, gold: spansToTags([{ s: 1, e: 3, label: 0 }], n) };
  }
  const maxAbs = (w: Float32Array): number => w.reduce((m, x) => Math.max(m, Math.abs(x)), 0);

  it('passive-aggressive steps put the gold tags ahead by the scaled loss; perceptron steps are 1; clips cap', () => {
    const T = NUM_TAGS;
    const item = toyItem();
    const n = item.gold.length;
    const seqScore = (tr: Trainer, tags: Uint8Array): number => {
      const em = new Float32Array(n * T);
      emissions(item.feats, n, tr.w, em);
      let sc = tr.trans[T * T + T + (tags[n - 1] as number)] as number;
      for (let i = 0; i < n; i++) {
        const t = tags[i] as number;
        sc +=
          (em[i * T + t] as number) +
          (tr.trans[i === 0 ? T * T + t : (tags[i - 1] as number) * T + t] as number);
      }
      return sc;
    };
    // the first prediction, with all weights 0
    const first = new Uint8Array(n);
    viterbiGeneric(
      new Float32Array(n * T),
      n,
      new Float32Array(T * T + 2 * T),
      transitionMask(),
      first,
      new Uint8Array(n * T),
      new Float64Array(2 * T),
    );
    const wrong = [...first].filter((t, i) => t !== item.gold[i]).length;
    const pa = new Trainer(12, { paScale: 40 });
    expect(pa.step(item)).toBe(wrong);
    expect(wrong).toBeGreaterThan(0);
    // PA-I (unclipped, from a margin of 0): the smallest step that makes the margin 40 per wrong tag
    expect(seqScore(pa, item.gold) - seqScore(pa, first)).toBeCloseTo(40 * wrong, 3);
    const perceptron = new Trainer(12);
    perceptron.step(item);
    expect(maxAbs(perceptron.w)).toBe(1);
    const clipped = new Trainer(12, { paScale: 40, paClip: 0.25 });
    clipped.step(item);
    expect(maxAbs(clipped.w)).toBeCloseTo(0.25, 6);
    expect(maxAbs(pa.w)).toBeGreaterThan(0.25);
  });
});
