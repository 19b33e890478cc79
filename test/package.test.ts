import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The built package as a user imports it: `zhtag` and its subpaths resolved through package.json
// "exports" (a package may import itself by name), in a plain Node process over dist/.
const repo = path.resolve(import.meta.dirname, '..');
const manifest = JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8')) as {
  exports: Record<string, string | { types: string; default: string }>;
};
const SUBPATHS = ['corpus', 'dictionary', 'discover', 'eval', 'export', 'keywords', 'report', 'server'];

function exportsOf(specifiers: string[]): Record<string, string[]> {
  const script = `const out = {};
for (const s of ${JSON.stringify(specifiers)}) out[s] = Object.keys(await import(s)).sort();
process.stdout.write(JSON.stringify(out));`;
  return JSON.parse(
    execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: repo, encoding: 'utf8' }),
  );
}

describe('the public surface', () => {
  const specifiers = ['zhtag', ...SUBPATHS.map((subpath) => `zhtag/${subpath}`)];
  const loaded = exportsOf(specifiers);

  it('the root exports the pipeline, the Doc types and the errors only (exact list)', () => {
    expect(loaded.zhtag).toEqual([
      'ENGINES',
      'ERRORS',
      'STAGE_NAMES',
      'ZhtagError',
      'createPipeline',
      'engineAvailable',
      'isZhtagError',
    ]);
    const declarations = readFileSync(path.join(repo, 'dist/src/index.d.ts'), 'utf8');
    const names = [...declarations.matchAll(/export (?:type )?\{([^}]*)\}/g)]
      .flatMap((match) => (match[1] as string).split(','))
      .map((name) => name.trim())
      .filter((name) => name !== '')
      .sort();
    expect(names).toEqual(
      [
        'DivisionLevel',
        'Doc',
        'DocInput',
        'ENGINES',
        'ERRORS',
        'EngineName',
        'Entity',
        'EntityGuidelines',
        'ErrorCode',
        'ErrorLocation',
        'Jurisdiction',
        'Keyword',
        'KeywordMethod',
        'KeywordOptions',
        'Label',
        'NamedSpan',
        'Official',
        'Pipeline',
        'PipelineOptions',
        'Position',
        'PositionEvent',
        'STAGE_NAMES',
        'Span',
        'Stage',
        'StageName',
        'Token',
        'ZhtagError',
        'createPipeline',
        'engineAvailable',
        'isZhtagError',
      ].sort(),
    );
  });

  it('package.json exports each subpath with its types', () => {
    expect(Object.keys(manifest.exports).sort()).toEqual(
      ['.', './package.json', ...SUBPATHS.map((subpath) => `./${subpath}`)].sort(),
    );
    for (const [key, target] of Object.entries(manifest.exports)) {
      if (key === './package.json') continue;
      if (typeof target === 'string') throw new Error(`${key} has no types`);
      expect(existsSync(path.join(repo, target.types)), target.types).toBe(true);
      expect(existsSync(path.join(repo, target.default)), target.default).toBe(true);
    }
  });

  it.each([
    ['corpus', ['annotateCorpus', 'cleanText', 'readDocuments', 'NODE_FLAGS']],
    ['dictionary', ['Dictionary', 'addTerm', 'checkDictionaries', 'loadDictionarySet', 'watchDictionaries']],
    ['discover', ['discoverTerms', 'candidatesToTsv']],
    ['eval', ['evaluateNer', 'formatEvaluation', 'scoredNames']],
    ['export', ['createExporter', 'toLabelStudio', 'toConll', 'EXPORT_FORMATS']],
    ['keywords', ['KeywordExtractor', 'CorpusKeywords', 'IdfTable', 'buildIdf']],
    ['report', ['buildReport', 'renderReportHtml']],
    ['server', ['createServer']],
  ])('zhtag/%s loads from dist and exports its tools', (subpath, names) => {
    expect(loaded[`zhtag/${subpath}`]).toEqual(expect.arrayContaining(names));
    // Nothing of the root leaks into a subpath: one name, one place.
    for (const name of loaded.zhtag ?? []) expect(loaded[`zhtag/${subpath}`]).not.toContain(name);
  });
});

describe('shipped files', () => {
  it('hold no machine path (data sets are named by their path inside the data folder)', () => {
    const shipped = ['README.md', 'CHANGELOG.md', 'package.json', 'docs', 'dictionaries'];
    const files = shipped.flatMap((entry) => {
      const full = path.join(repo, entry);
      return statSync(full).isDirectory()
        ? readdirSync(full, { recursive: true, encoding: 'utf8' }).map((name) => path.join(full, name))
        : [full];
    });
    const offenders = files
      .filter((file) => statSync(file).isFile() && !file.endsWith('.gz'))
      .filter((file) => /(^|[\s("'`])\/(work|home|Users|root|mnt)\//m.test(readFileSync(file, 'utf8')))
      .map((file) => path.relative(repo, file));
    expect(offenders).toEqual([]);
  });
});
