import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bioConventionSpan } from '../../src/ner/bio-spans.js';
import { bioHalf, otherHalf } from '../../src/ner/eval.js';
import { conventionFeatures, NUM_FEATURES } from '../../src/ner/features.js';
import { NerModel, type NerSpan } from '../../src/ner/model.js';
import { Trainer, type TrainItem } from '../../src/ner/trainer.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const modelPath = path.join(repoRoot, 'dictionaries', 'models', 'ner.bin.gz');
// The shipped model is part of the package: when it is missing, this file fails (E_MODEL, no such file).
const model = NerModel.load(modelPath);

const show = (text: string, spans: NerSpan[]): string[] =>
  spans.map((s) => `${text.slice(s.start, s.end)}/${s.label}`);

function expectOffsets(text: string, spans: NerSpan[]): void {
  let prevEnd = 0;
  for (const s of spans) {
    expect(s.start).toBeGreaterThanOrEqual(prevEnd);
    expect(s.end).toBeGreaterThan(s.start);
    expect(s.end).toBeLessThanOrEqual(text.length);
    prevEnd = s.end;
  }
}

describe('example.dev halves', () => {
  it('splits sentences by index parity, each sentence in exactly one half', () => {
    const recs = Array.from({ length: 7 }, (_, i) => ({ id: String(i), text: `s${i}` }));
    const even = bioHalf(recs, 'even').map((r) => r.id);
    const odd = bioHalf(recs, otherHalf('even')).map((r) => r.id);
    expect(even).toEqual(['0', '2', '4', '6']);
    expect(odd).toEqual(['1', '3', '5']);
  });
});

describe('BIO-convention span mapping', () => {
  it('turns an organization ending in 政府 into its place, or drops a bare level', () => {
    const text = '挪威政府和市政府都同意，国务院新闻办公室和王政府说。';
    expect(bioConventionSpan(text, { start: 0, end: 4, label: 'ORG' })).toEqual({
      start: 0,
      end: 2,
      label: 'LOC',
    });
    expect(bioConventionSpan(text, { start: 5, end: 8, label: 'ORG' })).toBeUndefined();
    const office = { start: 12, end: 19, label: 'ORG' };
    expect(bioConventionSpan(text, office)).toBe(office);
    const person = { start: 21, end: 22, label: 'PERSON' };
    expect(bioConventionSpan(text, person)).toBe(person);
  });

  it('keeps only the place of a region ending in 地区', () => {
    const text = '亚太地区';
    expect(bioConventionSpan(text, { start: 0, end: 4, label: 'LOC' })).toEqual({
      start: 0,
      end: 2,
      label: 'LOC',
    });
    expect(bioConventionSpan(text, { start: 0, end: 4, label: 'ORG' })).toEqual({
      start: 0,
      end: 4,
      label: 'ORG',
    });
  });
});

describe('convention feature copies', () => {
  it('are the same for the same buckets and differ by template', () => {
    const feats = new Int32Array(2 * NUM_FEATURES);
    feats.fill(5, 0, NUM_FEATURES);
    feats.fill(5, NUM_FEATURES);
    const out = new Int32Array(2 * 3);
    conventionFeatures(feats, 2, 22, [0, 3, 8], out);
    expect(out.slice(0, 3)).toEqual(out.slice(3, 6));
    expect(new Set(out.slice(0, 3)).size).toBe(3);
    for (const b of out) expect(b >>> 22).toBe(0);
  });

  it('train only on the windows that carry them', () => {
    const trainer = new Trainer(10);
    const feats = new Int32Array(NUM_FEATURES).fill(1);
    const convention = Int32Array.of(7);
    // one character, gold S-LOC (tag 8): the first step predicts O and updates both feature sets
    const item: TrainItem = { feats, gold: Uint8Array.of(8), convention };
    expect(trainer.step(item)).toBe(1);
    expect(trainer.w[7 * 13 + 8]).toBe(1);
    expect(trainer.w[7 * 13 + 0]).toBe(-1);
    const plain: TrainItem = { feats, gold: Uint8Array.of(0) };
    trainer.step(plain);
    expect(trainer.w[7 * 13 + 8]).toBe(1);
  });
});

describe('shipped model conventions', () => {
  const m = model;
  const bio = m.withConvention('bio');

  it('names the example.dev half it trained on and has BIO copies', () => {
    expect(['even', 'odd']).toContain(m.meta.exampleDevTrainedHalf);
    expect(m.convention).toBe('pd1998');
    expect(bio.convention).toBe('bio');
    expect(bio.withConvention('pd1998').convention).toBe('pd1998');
  });

  it('keeps People’s Daily compounds by default and splits them in the BIO convention', () => {
    const text = '中国政府决定派代表团出席会议。';
    expect(show(text, m.predict(text))).toContain('中国政府/ORG');
    expect(show(text, bio.predict(text))).toContain('中国/LOC');
    const theory = '全党要高举邓小平理论伟大旗帜。';
    expect(show(theory, m.predict(theory))).not.toContain('邓小平/PERSON');
    expect(show(theory, bio.predict(theory))).toContain('邓小平/PERSON');
  });

  it('gives exact offsets in the BIO convention, also with surrogate pairs and long input', () => {
    for (const text of ['𠀀江泽民在北京会见了克林顿。😀', '印度政府'.repeat(200), '']) {
      const spans = bio.predict(text);
      expectOffsets(text, spans);
    }
  });
});
