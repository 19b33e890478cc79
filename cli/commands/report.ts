import { writeFileSync } from 'node:fs';
import type { Argv } from 'yargs';
import { buildReport, renderReportHtml } from '../../src/report/index.js';
import { exitOnError } from '../common.js';

/** `zhtag report`: a static HTML page (SVG charts) or JSON over annotated JSONL files. */
export function registerReport<T>(cli: Argv<T>): Argv<T> {
  return cli.command(
    'report <files..>',
    'Summarize annotated JSONL: officials, organizations, places by province/city, policy terms, keywords',
    (yargs) =>
      yargs
        .positional('files', {
          type: 'string',
          array: true,
          demandOption: true,
          describe: 'Output of zhtag annotate',
        })
        .option('output', { alias: 'o', type: 'string', describe: 'Write here instead of stdout' })
        .option('json', { type: 'boolean', default: false, describe: 'JSON instead of HTML' })
        .option('top', { type: 'number', default: 30, describe: 'Items per list' })
        .option('title', { type: 'string', default: 'zhtag corpus report' })
        .example('$0 report out.jsonl -o report.html', 'A page that opens anywhere, no server')
        .example('$0 report out-*.jsonl --json', 'The same figures as JSON'),
    async (args) => {
      try {
        const report = await buildReport(args.files as string[], { top: args.top });
        const content = args.json
          ? `${JSON.stringify(report, null, 2)}\n`
          : renderReportHtml(report, args.title);
        if (args.output && args.output !== '-') writeFileSync(args.output, content);
        else process.stdout.write(content);
      } catch (error) {
        if (error instanceof Error && 'code' in error && (error as { code: string }).code === 'ENOENT') {
          process.stderr.write(`zhtag: ${error.message}\n`);
          process.exit(2);
        }
        exitOnError(error);
      }
    },
  );
}
