/**
 * zhtag/report: summaries of annotated corpora (`zhtag report`) as data, HTML and SVG charts.
 * Published as the `zhtag/report` subpath export (package.json "exports").
 */
export type { CorpusReport, OfficialTally, PlaceTally, ReportOptions, Tally } from './aggregate.js';
export { buildReport, ReportBuilder } from './aggregate.js';
export { renderReportHtml } from './html.js';
export { barChart } from './svg.js';
