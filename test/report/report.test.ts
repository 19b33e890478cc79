import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Doc, Entity } from '../../src/index.js';
import { buildReport, type CorpusReport, renderReportHtml } from '../../src/report/index.js';
import { jsonLines, zhtag } from '../cli/run.js';
import { SAMPLE_PATH } from '../helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'zhtag-report-'));

function entity(
  text: string,
  doc: string,
  label: Entity['label'],
  attrs: Record<string, unknown> = {},
): Entity {
  const start = doc.indexOf(text);
  return { text, start, end: start + text.length, label, source: 'test', ...attrs };
}

// Two hand-made records in the documented shape (officials as the NER stage writes them).
const TEXT_A = '焦作市委书记葛巧红在修武县调研“十大战略”。';
const TEXT_B = '郑州市实施“十大战略”和“两个确保”。葛巧红出席，葛书记在云台山镇讲话。';
const docs: Doc[] = [
  {
    id: 'a',
    text: TEXT_A,
    tokens: [],
    entities: [
      entity('焦作市委', TEXT_A, 'ORG'),
      entity('书记', TEXT_A, 'TITLE'),
      entity('葛巧红', TEXT_A, 'PERSON'),
      entity('修武县', TEXT_A, 'LOC', { code: '410821' }),
      entity('十大战略', TEXT_A, 'POLICY', { term: '十大战略', type: 'strategy' }),
    ],
    officials: [
      {
        person: { text: '葛巧红', start: 6, end: 9, name: '葛巧红' },
        mentions: [{ text: '葛巧红', start: 6, end: 9 }],
        positions: [
          {
            title: { text: '书记', start: 4, end: 6, name: '书记' },
            organization: { text: '焦作市委', start: 0, end: 4, name: '焦作市委' },
            jurisdiction: {
              name: '焦作市',
              code: '410800',
              level: 'prefecture',
              basis: 'explicit',
              confidence: 1,
            },
            source: 'rule:title-person',
          },
        ],
      },
    ],
    keywords: [{ term: '十大战略', weight: 0.5 }],
  },
  {
    id: 'b',
    text: TEXT_B,
    tokens: [],
    entities: [
      entity('郑州市', TEXT_B, 'LOC', { code: '410100' }),
      entity('十大战略', TEXT_B, 'POLICY', { term: '十大战略' }),
      entity('两个确保', TEXT_B, 'POLICY', { term: '两个确保' }),
      entity('葛巧红', TEXT_B, 'PERSON'),
      // A short reference counts for its person; a township for its county's city and province.
      entity('葛', TEXT_B.replace('葛巧红', '___'), 'PERSON', {
        refersTo: { text: '葛巧红', start: TEXT_B.indexOf('葛巧红'), end: TEXT_B.indexOf('葛巧红') + 3 },
      }),
      entity('云台山镇', TEXT_B, 'LOC', { code: '410821104', level: 'township' }),
    ],
    keywords: [
      { term: '十大战略', weight: 0.25 },
      { term: '两个确保', weight: 0.2 },
    ],
  },
];
const input = join(dir, 'annotated.jsonl');
writeFileSync(
  input,
  `${docs.map((d) => JSON.stringify(d)).join('\n')}\n${JSON.stringify({ id: 'x', error: { code: 'E_INPUT', message: 'x: empty document' } })}\n`,
);

/** Every element closed in order (void elements aside): a structural check of the page. */
function expectWellNested(html: string): void {
  const voids = new Set(['meta', 'link', 'br', 'hr', 'img', 'input']);
  const stack: string[] = [];
  for (const match of html.replace(/<!doctype[^>]*>/i, '').matchAll(/<(\/?)([a-zA-Z][\w-]*)[^>]*?(\/?)>/g)) {
    const [, closing, name = '', selfClosing] = match;
    if (voids.has(name.toLowerCase()) || selfClosing) continue;
    if (closing) expect(stack.pop()).toBe(name);
    else stack.push(name);
  }
  expect(stack).toEqual([]);
}

describe('zhtag report', () => {
  it('counts documents, officials once with all their positions, places by province and city, policy terms, keywords', async () => {
    const report: CorpusReport = await buildReport([input]);
    expect(report).toMatchObject({ documents: 2, errors: 1, characters: TEXT_A.length + TEXT_B.length });
    expect(report.officials).toEqual([
      {
        name: '葛巧红',
        count: 1,
        documents: 1,
        positions: [{ title: '书记', organization: '焦作市委', jurisdiction: '焦作市', documents: 1 }],
      },
    ]);
    expect(report.people).toEqual([{ name: '葛巧红', count: 3, documents: 2 }]);
    expect(report.places.provinces).toEqual([{ name: '河南省', code: '410000', count: 3, documents: 2 }]);
    expect(report.places.cities.map((c) => [c.name, c.province, c.count])).toEqual([
      ['焦作市', '河南省', 2],
      ['郑州市', '河南省', 1],
    ]);
    expect(report.policyTerms.map((t) => [t.name, t.count, t.documents])).toEqual([
      ['十大战略', 2, 2],
      ['两个确保', 1, 1],
    ]);
    expect(report.keywords[0]).toEqual({ name: '十大战略', count: 2, documents: 2, weight: 0.75 });
    expect(report.labels).toEqual({ ORG: 1, TITLE: 1, PERSON: 3, LOC: 3, POLICY: 3 });
  });

  it('renders a static page: SVG charts, no script, well nested, names escaped', async () => {
    const report = await buildReport([input]);
    const html = renderReportHtml(report, 'R <&>');
    expect(html).not.toMatch(/<script|<link|src=/i);
    expect(html).toContain('<title>R &#60;&#38;&#62;</title>');
    expectWellNested(html);
    const svgs = [
      ...html.matchAll(
        /<svg xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="0 0 \d+ \d+"[^>]*>([\s\S]*?)<\/svg>/g,
      ),
    ];
    expect(svgs.length).toBe(7);
    const policyChart = svgs.find((svg) => svg[0].includes('By frequency'))?.[0] ?? '';
    expect(policyChart.match(/<rect /g)).toHaveLength(2);
    expect(policyChart).toContain('<title>十大战略: 2</title>');
  });

  it('runs end to end from the CLI: annotate, then report (HTML and JSON)', () => {
    const annotated = join(dir, 'sample.jsonl');
    expect(zhtag(['annotate', SAMPLE_PATH, '--clean', '-o', annotated, '-j', '1', '-q']).code).toBe(0);
    const [doc] = jsonLines(readFileSync(annotated, 'utf8')) as Doc[];
    const json = zhtag(['report', annotated, '--json', '--top', '1000']);
    expect(json.code).toBe(0);
    const report = JSON.parse(json.stdout) as CorpusReport;
    expect(report.documents).toBe(1);
    expect(report.characters).toBe(doc?.text.length);
    const policy = doc?.entities.filter((e) => e.label === 'POLICY') ?? [];
    expect(report.policyTerms.reduce((sum, t) => sum + t.count, 0)).toBe(policy.length);
    expect(report.policyTerms.map((t) => t.name).sort()).toEqual(
      [...new Set(policy.map((e) => String(e.term)))].sort(),
    );
    const page = join(dir, 'report.html');
    expect(zhtag(['report', annotated, '-o', page]).code).toBe(0);
    expectWellNested(readFileSync(page, 'utf8'));
    expect(zhtag(['report', join(dir, 'missing.jsonl')]).code).toBe(2);
  });

  const chromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find(existsSync);
  it.skipIf(!chromium)('loads in headless Chromium with no console message', async () => {
    const load = (html: string, name: string) => {
      const page = join(dir, name);
      writeFileSync(page, html);
      return spawnSync(
        chromium as string,
        [
          '--headless',
          '--no-sandbox',
          '--disable-gpu',
          '--enable-logging=stderr',
          '--v=0',
          '--dump-dom',
          pathToFileURL(page).href,
        ],
        { encoding: 'utf8', timeout: 60_000 },
      );
    };
    // The check can fail: a page that logs an error is caught.
    expect(
      load('<html><body><script>console.error("boom")</script></body></html>', 'bad.html').stderr,
    ).toMatch(/CONSOLE/);
    const run = load(renderReportHtml(await buildReport([input])), 'report-chromium.html');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('<svg');
    expect(run.stdout).toContain('葛巧红');
    expect(run.stderr).not.toMatch(/CONSOLE/);
  });
});
