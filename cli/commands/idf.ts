import { writeFileSync } from 'node:fs';
import type { Argv } from 'yargs';
import { readDocuments } from '../../src/corpus/index.js';
import { createPipeline } from '../../src/index.js';
import { DocumentFrequencies, idfWords } from '../../src/keywords/index.js';
import { cliMessage, exitOnError } from '../common.js';

interface BuildArgs {
  files: string[];
  output: string;
  minDf: number;
  dict: string[];
  engine: 'node-rs' | 'nodejieba';
  inputFormat: 'text' | 'jsonl';
}

export function registerIdf<T>(cli: Argv<T>): Argv<T> {
  return cli.command('idf', 'IDF tables for keyword extraction', (idf) =>
    idf
      .command(
        'build <files..>',
        'Count document frequencies over a corpus and write `word idf` lines (jieba format)',
        (yargs) =>
          yargs
            .positional('files', {
              type: 'string',
              array: true,
              demandOption: true,
              describe: '.txt = one document, .jsonl = one {"id","text"} per line, a folder or glob',
            })
            .option('output', {
              alias: 'o',
              type: 'string',
              demandOption: true,
              describe: 'IDF file to write',
            })
            .option('min-df', {
              type: 'number',
              default: 2,
              describe: 'Leave out words seen in fewer documents (they get the estimate for unknown words)',
            })
            .option('dict', {
              type: 'string',
              array: true,
              default: [] as string[],
              describe: 'User dictionary, so its terms are counted whole; repeatable',
            })
            .option('engine', { choices: ['node-rs', 'nodejieba'] as const, default: 'node-rs' as const })
            .option('input-format', { choices: ['text', 'jsonl'] as const, default: 'text' as const })
            .example('$0 idf build news/ -o news-idf.txt', 'Then: zhtag keywords --idf news-idf.txt ...'),
        async (argv) => {
          const args = argv as unknown as BuildArgs;
          let pipeline: ReturnType<typeof createPipeline>;
          try {
            pipeline = createPipeline({ dicts: args.dict, engine: args.engine });
          } catch (error) {
            exitOnError(error);
          }
          const frequencies = new DocumentFrequencies();
          let failed = 0;
          for await (const record of readDocuments(args.files, { inputFormat: args.inputFormat })) {
            if (record.kind === 'error') {
              failed++;
              process.stderr.write(`zhtag: ${cliMessage(record.error.message)}\n`);
              continue;
            }
            frequencies.add(idfWords(pipeline.segment(record.text)));
          }
          try {
            const lines = frequencies.toIdfLines({ minDf: args.minDf });
            writeFileSync(args.output, lines);
            const words = lines === '' ? 0 : lines.split('\n').length - 1;
            process.stderr.write(
              `zhtag: ${args.output}: ${words} words from ${frequencies.documents} documents\n`,
            );
          } catch (error) {
            exitOnError(error);
          }
          if (failed > 0) process.exitCode = 1;
        },
      )
      .demandCommand(1, 'Choose an idf command.'),
  );
}
