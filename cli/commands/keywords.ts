import type { Argv } from 'yargs';
import { readDocuments } from '../../src/corpus/index.js';
import { createPipeline, type KeywordMethod, type Pipeline, ZhtagError } from '../../src/index.js';
import { CorpusKeywords, KEYWORD_METHODS } from '../../src/keywords/index.js';
import { cliMessage, exitOnError, openOutput, withPipelineOptions } from '../common.js';

const CORPUS_KEYWORDS_PER_DOC = 30;

interface KeywordArgs {
  files: string[];
  dict: string[];
  engine: 'node-rs' | 'nodejieba';
  method: KeywordMethod;
  top: number;
  pos?: string[];
  idf?: string;
  corpus: boolean;
  output?: string;
  pretty: boolean;
  inputFormat: 'text' | 'jsonl';
}

function pipelineFor(args: KeywordArgs): Pipeline {
  try {
    return createPipeline({
      dicts: args.dict,
      engine: args.engine,
      ...(args.idf !== undefined ? { idf: args.idf } : {}),
      keywords: {
        method: args.method,
        // A corpus summary adds up each document's keywords: take more of them than the lists show.
        top: args.corpus ? Math.max(args.top, CORPUS_KEYWORDS_PER_DOC) : args.top,
        ...(args.pos ? { allowPos: args.pos.flatMap((tag) => tag.split(',')).filter(Boolean) } : {}),
      },
    });
  } catch (error) {
    return exitOnError(error);
  }
}

export function registerKeywords<T>(cli: Argv<T>): Argv<T> {
  return cli.command(
    'keywords [files..]',
    'Keywords per document ({"id","keywords"} lines), or with --corpus what a whole corpus is about',
    (yargs) =>
      withPipelineOptions(yargs)
        .positional('files', {
          type: 'string',
          array: true,
          default: [] as string[],
          describe:
            '.txt = one document, .jsonl = one {"id","text"} per line, a folder or glob; - or none = stdin',
        })
        .option('method', {
          choices: KEYWORD_METHODS,
          default: 'tfidf' as KeywordMethod,
          describe: 'Ranking',
        })
        .option('top', {
          alias: 'k',
          type: 'number',
          default: 10,
          describe: 'Keywords per document (or per list)',
        })
        .option('pos', {
          type: 'string',
          array: true,
          describe: 'Tags a single word needs (entities and phrases always qualify), e.g. --pos n,nz,vn',
        })
        .option('idf', {
          type: 'string',
          describe: 'IDF table from `zhtag idf build` (default: the engine’s)',
        })
        .option('corpus', {
          type: 'boolean',
          default: false,
          describe:
            'One summary of all inputs: top terms with document frequencies, officials, orgs, places, policies',
        })
        .option('output', { alias: 'o', type: 'string', describe: 'Write here instead of stdout' })
        .option('pretty', { type: 'boolean', default: false, describe: 'Indent the JSON' })
        .option('input-format', {
          choices: ['text', 'jsonl'] as const,
          default: 'text' as const,
          describe: 'Format of stdin',
        })
        .example('$0 keywords corpus/jiaozuo-interview-2023.txt', 'Top 10 keywords of the sample article')
        .example('$0 keywords news.jsonl --method textrank --top 5', 'TextRank, 5 per document')
        .example('$0 keywords --corpus news/ --top 30 --pretty', 'What a folder of articles is about'),
    async (argv) => {
      const args = argv as unknown as KeywordArgs;
      if (!Number.isInteger(args.top) || args.top < 1) {
        exitOnError(new ZhtagError('E_USAGE', `--top must be a whole number >= 1, got ${args.top}`));
      }
      const pipeline = pipelineFor(args);
      const out = openOutput(args.output, args.files);
      const corpus = args.corpus ? new CorpusKeywords() : undefined;
      let failed = 0;
      for await (const record of readDocuments(args.files, { inputFormat: args.inputFormat })) {
        if (record.kind === 'error') {
          failed++;
          process.stderr.write(`zhtag: ${cliMessage(record.error.message)}\n`);
          if (!corpus) {
            const error = { code: record.error.code, message: record.error.message };
            await out.write(JSON.stringify({ id: record.id, error }));
          }
          continue;
        }
        const doc = pipeline.annotate({ id: record.id, text: record.text });
        if (corpus) corpus.add(doc);
        else
          await out.write(
            JSON.stringify({ id: record.id, keywords: doc.keywords }, null, args.pretty ? 2 : undefined),
          );
      }
      if (corpus)
        await out.write(JSON.stringify(corpus.summary(args.top), null, args.pretty ? 2 : undefined));
      await out.close();
      if (failed > 0) process.exitCode = 1;
    },
  );
}
