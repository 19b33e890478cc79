import type { Argv } from 'yargs';
import { ENTITY_GUIDELINES } from '../../src/entities/guidelines.js';
import { evaluateNer, formatEvaluation } from '../../src/eval/index.js';
import { createPipeline, ZhtagError } from '../../src/index.js';
import { exitOnError } from '../common.js';

export function registerEval<T>(cli: Argv<T>): Argv<T> {
  return cli.command(
    'eval',
    'Score PERSON / LOC / ORG (and TITLE on CLUENER) against a gold file (exact spans), beside the jieba-POS baseline',
    (yargs) =>
      yargs
        .option('gold', { type: 'string', demandOption: true, describe: 'Gold file' })
        .option('format', {
          choices: ['pd1998', 'bio', 'cluener', 'resume', 'weibo'] as const,
          demandOption: true,
        })
        .option('limit', { type: 'number', describe: 'Score only the first N documents' })
        .option('days', {
          type: 'string',
          describe: 'pd1998 only: a date range of document ids, e.g. 19980121-19980125 (the held-out days)',
        })
        .option('from', {
          type: 'number',
          describe:
            'Score from this fraction of the documents on (0.8 = the last 20%, held out from training)',
        })
        .option('to', { type: 'number', describe: 'Score up to this fraction of the documents (default 1)' })
        .option('half', {
          choices: ['even', 'odd'] as const,
          describe:
            'bio only: score the sentences with an even / odd index (the shipped model trained on the even ones of example.dev: use odd)',
        })
        .option('guidelines', {
          alias: 'convention',
          choices: ENTITY_GUIDELINES,
          describe:
            "The entity guidelines to predict in (default: bio for --format bio, pd1998 otherwise; zhtag scores annotate's default output), as `annotate --guidelines`",
        })
        .option('model', {
          type: 'string',
          describe:
            'NER model file to score (default: the shipped one), e.g. one written by `npm run train -- --out`',
        })
        .option('json', { type: 'boolean', default: false, describe: 'Print JSON instead of a table' })
        .example(
          '$0 eval --gold ../shared/data/pd1998-ner/example.dev --format bio',
          'People’s Daily BIO dev set',
        )
        .example(
          '$0 eval --gold ../shared/data/cluener2020/train.json --format cluener --from 0.8',
          'CLUENER train.json, last 20% (position scored as TITLE)',
        ),
    (args) => {
      try {
        // A gold set is scored under its own guidelines unless told otherwise: the BIO sets split
        // 中国政府 into the place and 政府 where People's Daily 1998 brackets one organization.
        const guidelines = args.guidelines ?? (args.format === 'bio' ? 'bio' : 'pd1998');
        const pipeline = createPipeline({ guidelines, ...(args.model ? { model: args.model } : {}) });
        const days = args.days?.split('-').map(Number);
        if (days && (days.length !== 2 || days.some((d) => !Number.isInteger(d)))) {
          throw new ZhtagError('E_USAGE', `--days must look like 19980121-19980125, got "${args.days}"`);
        }
        const result = evaluateNer(pipeline, args.gold, args.format, {
          ...(args.limit !== undefined ? { limit: args.limit } : {}),
          ...(days ? { days: [days[0] as number, days[1] as number] } : {}),
          ...(args.from !== undefined ? { from: args.from } : {}),
          ...(args.to !== undefined ? { to: args.to } : {}),
          ...(args.half !== undefined ? { half: args.half } : {}),
        });
        process.stdout.write(
          args.json
            ? `${JSON.stringify(result, null, 2)}\n`
            : `${result.documents} documents${args.half ? ` (${args.half} sentences only)` : ''}, ${guidelines} guidelines\n${formatEvaluation(result)}\n`,
        );
      } catch (error) {
        exitOnError(error);
      }
    },
  );
}
