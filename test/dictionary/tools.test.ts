import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  addTerm,
  checkDictionaries,
  checkDictionariesWithForcing,
  dictionaryStats,
  importCandidates,
  listTerms,
  parseDictionary,
  removeTerm,
  watchDictionaries,
} from '../../src/dictionary/index.js';
import { createPipeline, type Pipeline } from '../../src/index.js';
import { errorOf, expectDoc, ROOT } from '../helpers.js';

/** A fresh copy of the shipped dictionaries: every edit here works on it, never on the repository. */
function copyDictionaries(): { dir: string; manifest: string; jiaozuo: string } {
  const dir = mkdtempSync(join(tmpdir(), 'zhtag-dict-'));
  cpSync(join(ROOT, 'dictionaries'), join(dir, 'dictionaries'), { recursive: true });
  const base = join(dir, 'dictionaries');
  return { dir, manifest: join(base, 'manifest.json'), jiaozuo: join(base, 'policy', 'jiaozuo.tsv') };
}

const copy = copyDictionaries();
const set = { manifest: copy.manifest };

describe('dict add / remove on a copy of the dictionaries', () => {
  it('appends a term, keeps every other line, and the pipeline then finds it with file:line', () => {
    const before = readFileSync(copy.jiaozuo, 'utf8');
    const result = addTerm(
      copy.jiaozuo,
      { term: '测试英才计划', type: 'program', level: 'municipal', region: '焦作市', aliases: ['测英计划'] },
      set,
    );
    const after = readFileSync(copy.jiaozuo, 'utf8');
    expect(after.startsWith(before)).toBe(true);
    const line = result.lines[0] ?? 0;
    expect(after.split('\n')[line - 1]).toBe('测试英才计划\tprogram\tmunicipal\t焦作市\t测英计划\t\t');
    const pipeline = createPipeline({ manifest: copy.manifest });
    const doc = pipeline.annotate('焦作实施测试英才计划，简称测英计划。');
    expectDoc(doc);
    const found = doc.entities.filter((e) => e.term === '测试英才计划');
    expect(found.map((e) => e.text)).toEqual(['测试英才计划', '测英计划']);
    expect(found[0]?.source).toMatch(new RegExp(`jiaozuo\\.tsv:${line}$`));
    expect(found[0]?.level).toBe('municipal');
  });

  it('refuses duplicates, alias conflicts and bad fields, leaving the file unchanged', () => {
    const before = readFileSync(copy.jiaozuo, 'utf8');
    const duplicate = errorOf(() =>
      addTerm(
        copy.jiaozuo,
        { term: '十大战略', type: 'strategy', level: 'provincial', region: '河南省' },
        set,
      ),
    );
    expect(duplicate.code).toBe('E_DICT_CONFLICT');
    expect(duplicate.message).toContain('duplicate');
    const conflict = errorOf(() => addTerm(copy.jiaozuo, { term: '十大战略', type: 'slogan' }, set));
    expect(conflict.message).toContain('conflict');
    const alias = errorOf(() =>
      addTerm(copy.jiaozuo, { term: '新十战略', type: 'strategy', aliases: ['十大战略'] }, set),
    );
    expect(alias.code).toBe('E_DICT_CONFLICT');
    expect(alias.message).toContain('alias-conflict');
    expect(errorOf(() => addTerm(copy.jiaozuo, { term: '某计划', type: 'plan9' }, set)).message).toContain(
      'field "type": must be one of',
    );
    expect(errorOf(() => addTerm(copy.jiaozuo, { term: '某计划', level: 'city' }, set)).message).toContain(
      'field "level": must',
    );
    expect(errorOf(() => addTerm(copy.jiaozuo, { term: '某\t计划' }, set)).code).toBe('E_INPUT');
    expect(errorOf(() => addTerm(copy.jiaozuo, { term: '某计划', pos: 'n' }, set)).message).toContain(
      'has no column "pos"',
    );
    expect(readFileSync(copy.jiaozuo, 'utf8')).toBe(before);
  });

  it('creates a new user file with a header, and a term overriding the shipped layer is a note', () => {
    const file = join(copy.dir, 'mine.tsv');
    const result = addTerm(file, { term: '十大战略', type: 'slogan', level: 'provincial' }, set);
    expect(result.created).toBe(true);
    expect(result.notes.join('\n')).toContain('override');
    expect(readFileSync(file, 'utf8').split('\n')[0]).toBe(
      'term\ttype\tlevel\tregion\taliases\tgloss\tsource',
    );
    expect(parseDictionary(readFileSync(file, 'utf8'), file).lines).toHaveLength(1);
  });

  it('removes a term and nothing else; the pipeline stops matching it', () => {
    const before = readFileSync(copy.jiaozuo, 'utf8').split('\n');
    const [removed] = removeTerm('一城一都一基地', set);
    expect(removed?.file).toBe(copy.jiaozuo);
    const after = readFileSync(copy.jiaozuo, 'utf8').split('\n');
    expect(after).toEqual(before.filter((_, i) => i + 1 !== removed?.lines[0]));
    const doc = createPipeline({ manifest: copy.manifest }).annotate('打造一城一都一基地');
    expect(doc.entities.some((e) => e.term === '一城一都一基地')).toBe(false);
    expect(errorOf(() => removeTerm('从未有过的词', set)).code).toBe('E_INPUT');
  });
});

describe('dict list / stats / check / import', () => {
  it('lists by type and substring, and counts entries', () => {
    const programs = listTerms(set, { type: 'program' });
    expect(programs.length).toBeGreaterThan(10);
    expect(programs.every((e) => e.type === 'program')).toBe(true);
    expect(listTerms(set, { grep: '测试英才' }).map((e) => e.term)).toEqual(['测试英才计划']);
    const stats = dictionaryStats(set);
    expect(stats.entries).toBe(listTerms(set).length);
    expect(stats.byType.program).toBe(programs.length);
    expect(Object.values(stats.byFile).reduce((a, b) => a + b, 0)).toBe(stats.entries);
  });

  it('reports terms the engine would split (needing forcing) as information, not failure', () => {
    const file = join(copy.dir, 'forcing.tsv');
    writeFileSync(file, 'term\ttype\n怀川英才计划\tprogram\n改革开放\tpolicy\n');
    const report = checkDictionariesWithForcing([file], { manifest: copy.manifest });
    expect(report.ok).toBe(true);
    const forced = report.forced.map((f) => f.term);
    expect(forced).toContain('怀川英才计划');
    expect(forced).not.toContain('改革开放');
    expect(report.forced.find((f) => f.term === '怀川英才计划')?.pieces.join('')).toBe('怀川英才计划');
    expect(report.lines.some((l) => l.startsWith('info: needs-forcing: "怀川英才计划"'))).toBe(true);
  });

  it('imports reviewed candidates, skipping known rows and terms already listed', () => {
    const candidates = join(copy.dir, 'candidates.tsv');
    writeFileSync(
      candidates,
      [
        'term\tscore\tcount\tdf\ttype\texamples\tknown\tsimilar',
        '新型试点工程\t3.1\t5\t2\tprogram\t…实施新型试点工程…\tno\t',
        '十大战略\t6.6\t8\t1\tstrategy\t…\tyes\t',
        '测试英才计划\t2.0\t3\t1\tprogram\t…\tno\t',
      ].join('\n'),
    );
    const file = join(copy.dir, 'imported.tsv');
    const result = importCandidates(candidates, file, { ...set, level: 'municipal', region: '焦作市' });
    expect(result.lines).toHaveLength(1);
    expect(result.skipped).toEqual(['十大战略', '测试英才计划']);
    expect(readFileSync(file, 'utf8')).toContain('新型试点工程\tprogram\tmunicipal\t焦作市');
    expect(checkDictionaries([file], copy.manifest).ok).toBe(true);
  });
});

describe('hot reload', () => {
  it('rebuilds the pipeline when a watched dictionary file changes', async () => {
    const file = join(copy.dir, 'hot.tsv');
    writeFileSync(file, 'term\ttype\n甲项工程\tprogram\n');
    const reloaded = new Promise<Pipeline>((resolve) => {
      const watch = watchDictionaries(
        () => createPipeline({ manifest: false, dicts: [file] }),
        [file],
        (pipeline) => {
          watch.close();
          resolve(pipeline);
        },
        { debounceMs: 50 },
      );
      expect(watch.current().annotate('乙项工程').entities).toHaveLength(0);
      setTimeout(() => addTerm(file, { term: '乙项工程', type: 'program' }, { manifest: false }), 50);
    });
    const pipeline = await reloaded;
    expect(pipeline.annotate('乙项工程').entities.map((e) => e.term)).toEqual(['乙项工程']);
  });
});

describe('zhtag dict (built binary)', () => {
  const bin = join(ROOT, 'dist', 'cli', 'zhtag.js');
  const zhtag = (args: string[]) =>
    spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', cwd: copy.dir });

  it('adds, lists, checks and removes through the command line', () => {
    const file = join(copy.dir, 'cli.tsv');
    const m = ['--manifest', copy.manifest];
    const add = zhtag([
      'dict',
      'add',
      '丙丁计划',
      '--type',
      'program',
      '--level',
      'county',
      '--alias',
      '丙丁',
      '--file',
      file,
      ...m,
    ]);
    expect(add.status).toBe(0);
    expect(add.stdout).toContain(`added "丙丁计划" to ${file}:2`);
    const list = zhtag(['dict', 'list', '--grep', '丙丁', '--dict', file, ...m]);
    expect(list.stdout.split('\n')[1]).toBe(`丙丁计划\tprogram\tcounty\t\tPOLICY\t${file}:2`);
    const bad = zhtag(['dict', 'add', '戊计划', '--type', 'nonsense', '--file', file, ...m]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('E_INPUT field "type": must be one of');
    writeFileSync(join(copy.dir, 'broken.tsv'), 'term\ttype\n好词\tprogram\textra\n');
    const check = zhtag(['dict', 'check', 'broken.tsv', ...m]);
    expect(check.status).toBe(1);
    expect(check.stdout).toContain('broken.tsv:2: 3 columns');
    const remove = zhtag(['dict', 'remove', '丙丁计划', '--file', file]);
    expect(remove.status).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe('term\ttype\tlevel\tregion\taliases\tgloss\tsource\n');
  });

  it('discovers candidates in a file, imports them and counts them', () => {
    const m = ['--manifest', copy.manifest];
    const candidates = join(copy.dir, 'sample-candidates.tsv');
    const sample = join(ROOT, 'corpus', 'jiaozuo-interview-2023.txt');
    const discover = zhtag([
      'dict',
      'discover',
      sample,
      '--min-count',
      '2',
      '--include-known',
      '-o',
      candidates,
      ...m,
    ]);
    expect(discover.status).toBe(0);
    const rows = readFileSync(candidates, 'utf8').trim().split('\n');
    expect(rows[0]).toBe('term\tscore\tcount\tdf\ttype\texamples\tknown\tsimilar\tpart_of\tvariants');
    // 一城一都一基地 was removed from this copy above: discovered and not known; 十大战略 is known.
    expect(rows.find((r) => r.startsWith('一城一都一基地\t'))?.split('\t')[6]).toBe('no');
    expect(rows.find((r) => r.startsWith('十大战略\t'))?.split('\t')[6]).toBe('yes');
    const target = join(copy.dir, 'from-sample.tsv');
    const imported = zhtag(['dict', 'import', candidates, '--file', target, '--region', '焦作市', ...m]);
    expect(imported.status).toBe(0);
    expect(readFileSync(target, 'utf8')).toMatch(/^一城一都一基地\tslogan\t\t焦作市/m);
    expect(readFileSync(target, 'utf8')).not.toMatch(/^十大战略\t/m);
    const stats = zhtag(['dict', 'stats', '--json', '--dict', target, ...m]);
    const counts = JSON.parse(stats.stdout) as { byFile: Record<string, number> };
    const added = readFileSync(target, 'utf8').trim().split('\n').length - 1;
    expect(counts.byFile[target]).toBe(added);
  });
});
