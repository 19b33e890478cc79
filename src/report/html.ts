import { escapeHtml } from '../export/html.js';
import type { CorpusReport, PositionTally, Tally } from './aggregate.js';
import { barChart } from './svg.js';

const CHART_ROWS = 15;

function table(headers: string[], rows: Array<Array<string | number>>): string {
  if (rows.length === 0) return '<p class="none">None in these documents.</p>';
  const head = headers.map((h) => `<th>${escapeHtml(h)}</th>`).join('');
  const body = rows
    .map((row) => `<tr>${row.map((cell) => `<td>${escapeHtml(String(cell))}</td>`).join('')}</tr>`)
    .join('\n');
  return `<table><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

const bars = (items: Tally[], by: 'count' | 'documents' = 'count') =>
  items.slice(0, CHART_ROWS).map((item) => ({ label: item.name, value: item[by] }));

/** The report as one self-contained HTML page: inline CSS and SVG charts, no script. */
export function renderReportHtml(report: CorpusReport, title = 'zhtag corpus report'): string {
  const sections: string[] = [];
  sections.push(
    `<section><h2>Corpus</h2>${table(
      ['Documents', 'Errors', 'Characters', 'Files'],
      [[report.documents, report.errors, report.characters, report.files.join(', ')]],
    )}${table(
      ['Label', 'Entities'],
      Object.entries(report.labels).sort((a, b) => b[1] - a[1]),
    )}</section>`,
  );
  sections.push(
    `<section><h2>Top officials</h2>${barChart(bars(report.officials), { title: 'Mentions', colour: '#d9822b' })}${table(
      ['Person', 'Positions', 'Mentions', 'Documents'],
      report.officials.map((o) => [
        o.name,
        o.positions.map(describePosition).join('；'),
        o.count,
        o.documents,
      ]),
    )}</section>`,
  );
  if (report.people.length > 0)
    sections.push(
      `<section><h2>People</h2>${table(
        ['Person', 'Mentions', 'Documents'],
        report.people.map((p) => [p.name, p.count, p.documents]),
      )}</section>`,
    );
  sections.push(
    `<section><h2>Organizations</h2>${barChart(bars(report.organizations), { title: 'Mentions', colour: '#3a8fc1' })}</section>`,
  );
  sections.push(
    `<section><h2>Places</h2>${barChart(bars(report.places.provinces), { title: 'By province', colour: '#4e9a4e' })}` +
      `${barChart(
        report.places.cities
          .slice(0, CHART_ROWS)
          .map((c) => ({ label: `${c.name}（${c.province}）`, value: c.count })),
        { title: 'By city', colour: '#6cb36c' },
      )}${
        report.places.unresolved.length > 0
          ? `<p>Without a division code: ${escapeHtml(report.places.unresolved.map((p) => `${p.name} (${p.count})`).join('、'))}</p>`
          : ''
      }</section>`,
  );
  const byDocuments = [...report.policyTerms].sort((a, b) => b.documents - a.documents);
  sections.push(
    `<section><h2>Policy terms</h2>${barChart(bars(report.policyTerms), { title: 'By frequency', colour: '#c9a400' })}` +
      `${barChart(bars(byDocuments, 'documents'), { title: 'By documents', colour: '#a88a00' })}${table(
        ['Term', 'Type', 'Mentions', 'Documents'],
        report.policyTerms.map((t) => [t.name, t.type ?? '', t.count, t.documents]),
      )}</section>`,
  );
  sections.push(
    `<section><h2>Keywords</h2>${barChart(bars(report.keywords, 'documents'), { title: 'Documents', colour: '#8a63c7' })}</section>`,
  );
  return `<!doctype html>
<html lang="zh">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
body{font-family:system-ui,"Noto Sans CJK SC","PingFang SC",sans-serif;max-width:56rem;margin:2rem auto;padding:0 1rem;color:#222}
section{margin-bottom:2.5rem}
table{border-collapse:collapse;margin:.8rem 0;font-size:.9rem}
td,th{border:1px solid #ddd;padding:.25rem .6rem;text-align:left}
.none{color:#888}
svg{max-width:100%;height:auto}
</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
${sections.join('\n')}
</body>
</html>
`;
}

/** 书记 @ 焦作市委 (焦作市), 总统 [俄罗斯], 原 …, with the documents stating it. */
function describePosition(p: PositionTally): string {
  const where = p.country ? ` [${p.country}]` : p.jurisdiction ? ` (${p.jurisdiction})` : '';
  const body = p.organization ? ` @ ${p.organization}` : '';
  return `${p.former ? '原' : ''}${p.title}${body}${where} ×${p.documents}`;
}
