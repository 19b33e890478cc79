import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';

const BIN = join(ROOT, 'dist', 'cli', 'zhtag.js');
const tmp = mkdtempSync(join(tmpdir(), 'zhtag-keywords-'));

function zhtag(args: string[], input?: string) {
  const result = spawnSync(process.execPath, [BIN, ...args], { input, encoding: 'utf8', cwd: ROOT });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const lines = (stdout: string) =>
  stdout
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line));

const ARTICLE =
  '区里推行“吹哨报到”机制，街道吹哨、部门报到。吹哨报到机制运行以来，群众反映的停车难、' +
  '加装电梯等问题得到及时解决，吹哨报到成为基层治理的新抓手。';

describe('zhtag keywords / zhtag idf build (built binary)', () => {
  it('prints {"id","keywords"} per document, with --method and --top', () => {
    const { code, stdout } = zhtag(['keywords', 'corpus/jiaozuo-interview-2023.txt']);
    expect(code).toBe(0);
    const [record] = lines(stdout);
    expect(record.id).toBe('corpus/jiaozuo-interview-2023.txt');
    expect(record.keywords).toHaveLength(10);
    expect(record.keywords.map((k: { term: string }) => k.term)).toContain('十大战略');
    const ranked = zhtag([
      'keywords',
      '--method',
      'textrank',
      '--top',
      '3',
      'corpus/jiaozuo-interview-2023.txt',
    ]);
    const keywords = lines(ranked.stdout)[0].keywords;
    expect(keywords).toHaveLength(3);
    for (const keyword of keywords)
      expect(Object.keys(keyword)).toEqual(expect.arrayContaining(['term', 'weight']));
  });

  it('ranks a term of a --dict user dictionary in the top 5', () => {
    const dict = join(tmp, 'user.txt');
    writeFileSync(dict, '吹哨报到 10 nz\n');
    const { code, stdout } = zhtag(['keywords', '--dict', dict, '--top', '5'], ARTICLE);
    expect(code).toBe(0);
    expect(lines(stdout)[0].keywords.map((k: { term: string }) => k.term)).toContain('吹哨报到');
  });

  it('summarizes a corpus: top terms with document frequencies, people and policy terms with counts', () => {
    const docs = join(tmp, 'docs.jsonl');
    writeFileSync(
      docs,
      [
        JSON.stringify({ id: 'a', text: '锚定“两个确保”，实施“十大战略”，推动新能源材料产业发展。' }),
        JSON.stringify({
          id: 'b',
          text: '实施“十大战略”，新能源材料产业产值增长。新能源材料产业集群加快形成。',
        }),
      ].join('\n'),
    );
    const { code, stdout } = zhtag(['keywords', '--corpus', docs, 'corpus/jiaozuo-interview-2023.txt']);
    expect(code).toBe(0);
    const summary = JSON.parse(stdout);
    expect(summary.documents).toBe(3);
    const strategy = summary.terms.find((t: { term: string }) => t.term === '十大战略');
    expect(strategy.docs).toBe(3);
    expect(summary.policies[0]).toMatchObject({ term: '十大战略', docs: 3 });
    expect(summary.officials.map((o: { term: string }) => o.term)).toContain('葛巧红');
    expect(Object.keys(summary)).toEqual([
      'documents',
      'terms',
      'officials',
      'organizations',
      'places',
      'policies',
    ]);
  });

  it('builds an IDF table from a corpus and uses it with --idf; a bad table exits 2 naming file:line', () => {
    const idf = join(tmp, 'idf.txt');
    const built = zhtag([
      'idf',
      'build',
      'corpus/jiaozuo-interview-2023.txt',
      join(tmp, 'docs.jsonl'),
      '-o',
      idf,
      '--min-df',
      '1',
    ]);
    expect(built.code).toBe(0);
    expect(built.stderr).toMatch(/words from 3 documents/);
    const table = readFileSync(idf, 'utf8').trim().split('\n');
    expect(table.length).toBeGreaterThan(100);
    for (const line of table) expect(line).toMatch(/^\S+ \d+\.\d{6}$/);
    expect(table).toContain(`十大战略 ${(0).toFixed(6)}`);
    const used = zhtag(['keywords', '--idf', idf, 'corpus/jiaozuo-interview-2023.txt']);
    expect(used.code).toBe(0);
    expect(lines(used.stdout)[0].keywords).toHaveLength(10);

    const bad = join(tmp, 'bad-idf.txt');
    writeFileSync(bad, '好 1.5\n坏\n');
    const failed = zhtag(['keywords', '--idf', bad], ARTICLE);
    expect(failed.code).toBe(2);
    expect(failed.stderr).toContain(`${bad}:2: expected "word idf"`);
  });
});
