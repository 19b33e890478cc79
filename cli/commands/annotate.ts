import type { Argv } from 'yargs';
import { createPipeline, type Doc, type InputRecord, readDocuments } from '../../src/index.js';
import { exitOnError, openOutput, withPipelineOptions } from '../common.js';

interface RunArgs {
  files: string[];
  dict: string[];
  engine: 'node-rs' | 'nodejieba';
  output?: string;
  pretty: boolean;
  inputFormat: 'text' | 'jsonl';
}

function withInputOutput<T>(yargs: Argv<T>) {
  return withPipelineOptions(yargs)
    .positional('files', {
      type: 'string',
      array: true,
      default: [] as string[],
      describe:
        'Input files: .txt = one document (id = path), .jsonl = one {"id","text"} per line; - or none = stdin',
    })
    .option('output', { alias: 'o', type: 'string', describe: 'Write JSONL here instead of stdout' })
    .option('pretty', {
      type: 'boolean',
      default: false,
      describe: 'Indent the JSON (one record spans lines)',
    })
    .option('input-format', {
      choices: ['text', 'jsonl'] as const,
      default: 'text' as const,
      describe: 'Format of stdin: the whole of it as one text, or JSONL',
    });
}

/**
 * Runs `render` over every input document in order and writes one record per input: the rendered
 * document, or `{"id","error":{"code","message"}}`. Exit code 1 when any input failed.
 */
async function run(
  args: RunArgs,
  render: (record: Extract<InputRecord, { kind: 'doc' }>) => object,
): Promise<void> {
  const out = openOutput(args.output);
  let failed = 0;
  for await (const record of readDocuments(args.files, { inputFormat: args.inputFormat })) {
    let value: object;
    if (record.kind === 'error') {
      failed++;
      value = { id: record.id, error: { code: record.error.code, message: record.error.message } };
      process.stderr.write(`zhtag: ${record.error.message}\n`);
    } else {
      value = render(record);
    }
    await out.write(JSON.stringify(value, null, args.pretty ? 2 : undefined));
  }
  await out.close();
  if (failed > 0) process.exitCode = 1;
}

function pipelineFor(args: RunArgs) {
  try {
    return createPipeline({ dicts: args.dict, engine: args.engine });
  } catch (error) {
    return exitOnError(error);
  }
}

export function registerAnnotate<T>(cli: Argv<T>): Argv<T> {
  return cli.command(
    'annotate [files..]',
    'Segment, tag entities and keywords; one JSON record per document',
    (yargs) =>
      withInputOutput(yargs)
        .example('$0 annotate corpus/jiaozuo-interview-2023.txt', 'Annotate one article, JSONL to stdout')
        .example(
          '$0 annotate docs.jsonl --dict my-terms.tsv -o out.jsonl',
          'JSONL in and out, with a user dictionary',
        )
        .example('cat article.txt | $0 annotate --pretty', 'Read stdin'),
    async (args) => {
      const pipeline = pipelineFor(args as unknown as RunArgs);
      await run(
        args as unknown as RunArgs,
        (record): Doc => pipeline.annotate({ id: record.id, text: record.text, ...record.extra }),
      );
    },
  );
}

export function registerSegment<T>(cli: Argv<T>): Argv<T> {
  return cli.command(
    'segment [files..]',
    'Segment text (policy and user terms whole); one JSON record per document',
    (yargs) =>
      withInputOutput(yargs)
        .example('$0 segment corpus/jiaozuo-interview-2023.txt', 'Tokens with offsets and POS')
        .example('echo "锚定“两个确保”" | $0 segment', 'Segment stdin'),
    async (args) => {
      const pipeline = pipelineFor(args as unknown as RunArgs);
      await run(args as unknown as RunArgs, (record) => ({
        id: record.id,
        text: record.text,
        tokens: pipeline.segment(record.text),
      }));
    },
  );
}
