import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDictionaries } from '../../src/dictionary/index.js';
import { createPipeline, ZhtagError } from '../../src/index.js';
import { expectDoc } from '../helpers.js';

const tmp = mkdtempSync(join(tmpdir(), 'zhtag-dict-'));
function file(name: string, content: string): string {
  const path = join(tmp, name);
  writeFileSync(path, content);
  return path;
}

describe('layered dictionaries', () => {
  it('remembers file and line of every entry and reports it as the entity source', () => {
    const path = file(
      'a.tsv',
      'term\ttype\tlevel\n# comment\n十大战略\tstrategy\tprovincial\n两个确保\tslogan\tprovincial\n',
    );
    const pipeline = createPipeline({ manifest: false, dicts: [path] });
    const doc = pipeline.annotate('锚定两个确保，实施十大战略');
    expectDoc(doc);
    expect(doc.entities.map((e) => [e.text, e.source, e.type])).toEqual([
      ['两个确保', `${path}:4`, 'slogan'],
      ['十大战略', `${path}:3`, 'strategy'],
    ]);
  });

  it('reports duplicates and conflicts instead of merging them', () => {
    const path = file(
      'b.tsv',
      'term\ttype\tlevel\taliases\n添翼计划\tprogram\tmunicipal\t\n添翼计划\tprogram\tmunicipal\t\n太行进城\tprogram\tmunicipal\t\n太行进城\tslogan\tmunicipal\t\n万人助万企\tcampaign\tprovincial\t助企\n助企\tprogram\tprovincial\t\n',
    );
    const pipeline = createPipeline({ manifest: false, dicts: [path] });
    expect(pipeline.diagnostics.map((d) => [d.kind, d.term, d.locations])).toEqual([
      ['duplicate', '添翼计划', [`${path}:2`, `${path}:3`]],
      ['conflict', '太行进城', [`${path}:4`, `${path}:5`]],
      ['alias-conflict', '助企', [`${path}:6`, `${path}:7`]],
    ]);
    const report = checkDictionaries([path]);
    expect(report.ok).toBe(false);
    expect(report.lines.filter((l) => l.startsWith('error:'))).toHaveLength(3);
  });

  it('lets a higher layer override a lower one and says so', () => {
    const low = file('low.tsv', 'term\ttype\n两个确保\tslogan\n');
    const high = file('high.tsv', 'term\ttype\n两个确保\tstrategy\n');
    const pipeline = createPipeline({ manifest: false, dicts: [low] });
    pipeline.addTerm({ term: '两个确保', type: 'policy' });
    expect(pipeline.annotate('两个确保').entities[0]?.type).toBe('policy');
    const layered = createPipeline({ manifest: false, dicts: [low, high] });
    expect(layered.annotate('两个确保').entities[0]?.source).toBe(`${low}:2`);
    expect(layered.diagnostics[0]?.kind).toBe('conflict');
  });

  it('fails on a missing file with E_DICT_NOT_FOUND, naming it', () => {
    expect(() => createPipeline({ manifest: false, dicts: [join(tmp, 'missing.tsv')] })).toThrow(
      expect.objectContaining({
        code: 'E_DICT_NOT_FOUND',
        message: `${join(tmp, 'missing.tsv')}: no such file`,
      }),
    );
  });

  it('fails on a bad line with E_DICT_PARSE naming file:line', () => {
    const path = file('bad.tsv', 'term\ttype\n十大战略\tstrategy\n两个确保\tslogan\tx\n');
    let caught: unknown;
    try {
      createPipeline({ manifest: false, dicts: [path] });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ZhtagError);
    expect((caught as ZhtagError).code).toBe('E_DICT_PARSE');
    expect((caught as ZhtagError).message).toBe(`${path}:3: 3 columns, header has 2`);
    const report = checkDictionaries([path, file('bad2.txt', '词 1 2 3\n')]);
    expect(report.errors).toHaveLength(2);
    expect(report.errors[1]).toContain('bad2.txt:1:');
  });

  it('adds and removes terms at runtime, applied to the next call', () => {
    const pipeline = createPipeline({ manifest: false });
    const text = '推进个转企小升规';
    expect(pipeline.annotate(text).entities).toEqual([]);
    const entry = pipeline.addTerm({ term: '个转企', type: 'policy', level: 'national' });
    expect(entry.file).toBe('runtime');
    pipeline.addTerm({ term: '小升规', type: 'policy' });
    const doc = pipeline.annotate(text);
    expectDoc(doc);
    expect(doc.entities.map((e) => [e.text, e.source])).toEqual([
      ['个转企', 'runtime:1'],
      ['小升规', 'runtime:2'],
    ]);
    expect(pipeline.removeTerm('个转企')).toBe(1);
    expect(pipeline.annotate(text).entities.map((e) => e.text)).toEqual(['小升规']);
    expect(pipeline.removeTerm('不存在')).toBe(0);
  });

  it('maps aliases to the canonical term', () => {
    const path = file('alias.tsv', 'term\ttype\taliases\n“十四五”规划\tplan\t十四五规划|"十四五"规划\n');
    const pipeline = createPipeline({ manifest: false, dicts: [path] });
    const doc = pipeline.annotate('编制十四五规划，落实"十四五"规划和“十四五”规划');
    expectDoc(doc);
    expect(doc.entities.map((e) => [e.text, e.term])).toEqual([
      ['十四五规划', '“十四五”规划'],
      ['"十四五"规划', '“十四五”规划'],
      ['“十四五”规划', '“十四五”规划'],
    ]);
  });
});
