import type { Argv } from 'yargs';
import { createPipeline, evaluateNer, formatEvaluation } from '../../src/index.js';
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
        .option('json', { type: 'boolean', default: false, describe: 'Print JSON instead of a table' })
        .example(
          '$0 eval --gold ../shared/data/pd1998-ner/example.dev --format bio',
          'People’s Daily BIO dev set',
        ),
    (args) => {
      try {
        const pipeline = createPipeline();
        const result = evaluateNer(pipeline, args.gold, args.format, args.limit ?? Number.POSITIVE_INFINITY);
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
