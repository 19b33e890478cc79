import { describe, expect, it } from 'vitest';
import { TownshipIndex } from '../../src/entities/townships.js';
import { createPipeline, type Entity } from '../../src/index.js';
import { expectDoc } from '../helpers.js';

const pipeline = createPipeline({ keywords: false });

const places = (text: string): string[] => {
  const doc = pipeline.annotate(text);
  expectDoc(doc);
  return doc.entities
    .filter((e) => e.label === 'LOC' && e.level === 'township')
    .map((e) => `${e.text} ${e.code ?? `?${e.candidates}`}`);
};

describe('townships', () => {
  it('resolves a name shared by several counties from the county the text names', () => {
    expect(places('武陟县詹店镇、温县祥云镇组织干部学习。')).toEqual([
      '詹店镇 410823101',
      '祥云镇 410825101',
    ]);
    expect(places('北京市东城区东华门街道开展活动。')).toEqual(['东华门街道 110101001']);
  });

  it('keeps a township the text does not place as a LOC without a code', () => {
    const found = places('在城关镇召开会议。');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^城关镇 \?\d{2,}$/);
  });

  it('reads no township into ordinary words', () => {
    expect(places('大力发展乡镇企业和小城镇建设。')).toEqual([]);
  });

  it('composes a township with its bodies and gives officials its code', () => {
    const doc = pipeline.annotate('修武县云台山镇党委书记李明调研。');
    expectDoc(doc);
    const body = doc.entities.find((e) => e.label === 'ORG') as Entity;
    expect([body.text, body.name]).toEqual(['云台山镇党委', '云台山镇党委']);
    const positions = doc.officials?.flatMap((o) =>
      o.positions.map((p) => [o.person.name, p.jurisdiction?.name, p.jurisdiction?.code]),
    );
    expect(positions).toEqual([['李明', '云台山镇', '410821104']]);
    expect(body.source).toBe('rule:place-body');
  });

  it('names the file and line of a bad row', () => {
    expect(() => new TownshipIndex('term\tcode\n云台山镇\t4108211\n', 'towns.tsv')).toThrow(/towns\.tsv:2:/);
    expect(() => new TownshipIndex('name\tcode\n', 'towns.tsv')).toThrow(/towns\.tsv:1: the header/);
  });
});
