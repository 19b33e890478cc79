import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  type GoldDoc,
  type PredictedDoc,
  scoreLabelledSpans,
  scoreOfficials,
} from '../../src/eval/modern.js';
import { ROOT } from '../helpers.js';

const REFERENCE = join(ROOT, '..', 'shared', 'data', 'modern-news', 'score-officials.mjs');

const gold: GoldDoc[] = [
  {
    id: 'a',
    text: '国务院总理李强会见河南省委书记楼阳生',
    entities: [
      { start: 0, end: 3, label: 'ORG' },
      { start: 3, end: 5, label: 'TITLE' },
      { start: 5, end: 7, label: 'PERSON' },
    ],
    officials: [
      { person: '李强', positions: [{ title: '总理', organization: '国务院' }] },
      { person: '楼阳生', positions: [{ title: '书记', organization: '河南省委' }] },
      { person: '张三', positions: [{ title: '市长', organization: '', former: true }] },
    ],
  },
  {
    id: 'b',
    text: '中共中央政治局常委、中央办公厅主任蔡奇',
    entities: [],
    officials: [
      {
        person: '蔡奇',
        positions: [
          { title: '常委', organization: '中共中央政治局' },
          { title: '主任', organization: '中共中央办公厅' },
        ],
      },
    ],
  },
];

const predicted: PredictedDoc[] = [
  {
    id: 'a',
    entities: [
      { start: 0, end: 3, label: 'ORG' },
      { start: 3, end: 7, label: 'TITLE' },
      { start: 5, end: 7, label: 'PERSON' },
    ],
    officials: [
      {
        person: { name: '李强' },
        positions: [{ title: { name: '总理' }, organization: { name: '中华人民共和国国务院' } }],
      },
      {
        person: { name: '楼阳生' },
        positions: [{ title: { name: '省委书记' }, organization: { name: '中共河南省委' } }],
      },
      { person: { name: '王五' }, positions: [{ title: { name: '局长' } }] },
    ],
  },
  {
    id: 'b',
    officials: [{ person: '蔡奇', title: '常委', titles: ['常委', '主任'], organization: '中共中央政治局' }],
  },
];

describe('modern-news scorer', () => {
  it('scores spans exactly, per label and over all', () => {
    const spans = scoreLabelledSpans(gold, predicted, ['PERSON', 'TITLE', 'ORG']);
    expect(spans.PERSON).toMatchObject({ tp: 1, fp: 0, fn: 0 });
    expect(spans.TITLE).toMatchObject({ tp: 0, fp: 1, fn: 1 });
    expect(spans['*']).toMatchObject({ tp: 2, fp: 1, fn: 1 });
  });

  it('scores officials at three levels: normalized bodies, body kinds ignored, former positions left out', () => {
    const { levels } = scoreOfficials(gold, predicted);
    expect(levels.person).toMatchObject({ tp: 3, fp: 1, fn: 0 });
    expect(levels.position).toMatchObject({ tp: 4, fp: 1, fn: 0 });
    expect(levels.full).toMatchObject({ tp: 3, fp: 2, fn: 1 });
  });

  it.skipIf(!existsSync(REFERENCE))('gives the figures of the set’s reference scorer', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zhtag-modern-'));
    const goldFile = join(dir, 'gold.jsonl');
    const predFile = join(dir, 'pred.jsonl');
    writeFileSync(goldFile, gold.map((d) => JSON.stringify(d)).join('\n'));
    writeFileSync(predFile, predicted.map((d) => JSON.stringify(d)).join('\n'));
    const printed = execFileSync(process.execPath, [REFERENCE, goldFile, predFile], { encoding: 'utf8' });
    const { levels } = scoreOfficials(gold, predicted);
    const ours = `officials F: person ${levels.person.f1.toFixed(3)} position ${levels.position.f1.toFixed(3)} full ${levels.full.f1.toFixed(3)}`;
    expect(printed).toContain(ours);
  });
});
