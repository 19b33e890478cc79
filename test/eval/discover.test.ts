import { describe, expect, it } from 'vitest';
import { parseJudgedList, scoreRanking } from '../../src/eval/discover.js';

const LIST = [
  '# comment',
  'term\ttype\tcount\taliases\tgloss',
  '两新\tpolicy\t11\t“两新”\tthe two new',
  '新质生产力\tconcept\t73\t\tnew quality productive forces',
  '人工智能+\tinitiative\t2\t人工智能＋\tAI plus',
].join('\n');

describe('judged lists of discovery', () => {
  it('reads rows with their forms, quote marks dropped', () => {
    const rows = parseJudgedList(LIST);
    expect(rows.map((r) => r.term)).toEqual(['两新', '新质生产力', '人工智能+']);
    expect(rows[0]?.forms).toEqual(['两新']);
    expect(rows[2]?.forms).toEqual(['人工智能+', '人工智能＋']);
  });

  it('scores recall at each k and precision of the first 100 by the whole list', () => {
    const rows = parseJudgedList(LIST);
    const ranked = ['设备更新', '“两新”', '工作', '人工智能＋'];
    const score = scoreRanking(ranked, rows.slice(0, 2), rows, [1, 2, 4]);
    expect(score.rows).toBe(2);
    expect([...score.found]).toEqual([
      [1, 0],
      [2, 1],
      [4, 1],
    ]);
    expect(score.missing).toEqual(['新质生产力']);
    // Hits by the whole list: “两新” and 人工智能＋ (an alias of a row not counted for recall).
    expect(score.hits100).toBe(2);
    expect(score.top100).toBe(4);
  });

  it('names the missing column', () => {
    expect(() => parseJudgedList('word\tgloss\nx\ty')).toThrow(/term/);
  });
});
