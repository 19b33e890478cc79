import type { Argv } from 'yargs';
import { createPipeline, evaluateNer, formatEvaluation, ZhtagError } from '../../src/index.js';
import { exitOnError } from '../common.js';

export function registerEval<T>(cli: Argv<T>): Argv<T> {
  return cli.command(
    'eval',
    'Score PERSON / LOC / ORG against a gold file (exact spans), beside the jieba-POS baseline',
    (yargs) =>
      yargs
        .option('gold', { type: 'string', demandOption: true, describe: 'Gold file' })
        .option('format', { choices: ['pd1998', 'bio', 'cluener'] as const, demandOption: true })
        .option('limit', { type: 'number', describe: 'Score only the first N documents' })
        .option('days', {
          type: 'string',
          describe: 'pd1998 only: a date range of document ids, e.g. 19980121-19980125 (the held-out days)',
        })
        .option('json', { type: 'boolean', default: false, describe: 'Print JSON instead of a table' })
        .example(
          '$0 eval --gold ../shared/data/pd1998-ner/example.dev --format bio',
          'People’s Daily BIO dev set',
        ),
    (args) => {
      try {
        const pipeline = createPipeline();
        const days = args.days?.split('-').map(Number);
        if (days && (days.length !== 2 || days.some((d) => !Number.isInteger(d)))) {
          throw new ZhtagError('E_USAGE', `--days must look like 19980121-19980125, got "${args.days}"`);
        }
        const result = evaluateNer(pipeline, args.gold, args.format, {
          ...(args.limit !== undefined ? { limit: args.limit } : {}),
          ...(days ? { days: [days[0] as number, days[1] as number] } : {}),
        });
        process.stdout.write(
          args.json
            ? `${JSON.stringify(result, null, 2)}\n`
            : `${result.documents} documents\n${formatEvaluation(result)}\n`,
        );
      } catch (error) {
        exitOnError(error);
      }
    },
  );
}
