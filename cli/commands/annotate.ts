import type { Argv } from 'yargs';
import {
  annotateCorpus,
  type CorpusProgress,
  expandInputs,
  type InputRecord,
  progressLine,
  readSources,
  summaryLine,
} from '../../src/corpus/index.js';
import { ENTITY_GUIDELINES } from '../../src/entities/guidelines.js';
import { EXPORT_FORMATS, type ExportFormat } from '../../src/export/index.js';
import {
  createPipeline,
  type EntityGuidelines,
  type PipelineOptions,
  STAGE_NAMES,
  type StageName,
} from '../../src/index.js';
import { cliMessage, exitOnError, openOutput, withPipelineOptions } from '../common.js';

interface RunArgs {
  files: string[];
  dict: string[];
  engine: 'node-rs' | 'nodejieba';
  output?: string;
  pretty: boolean;
  inputFormat: 'text' | 'jsonl';
  /** annotate only (segment leaves them unset: no model, no keywords to load or run). */
  ner?: boolean;
  keywords?: boolean;
  disable?: StageName[];
  guidelines?: EntityGuidelines;
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

/** Which stages `annotate` runs (the segment command runs neither). */
function withStageOptions<T>(yargs: Argv<T>) {
  return yargs
    .option('ner', {
      type: 'boolean',
      default: true,
      describe: 'Named entities and officials (--no-ner: only policy and user-dictionary terms, faster)',
    })
    .option('keywords', {
      type: 'boolean',
      default: true,
      describe: 'Keywords per document (--no-keywords: records keep an empty keywords array)',
    })
    .option('disable', {
      type: 'array',
      choices: STAGE_NAMES,
      describe: 'Stages to leave out (--disable keywords is --no-keywords; officials need entities)',
    })
    .option('guidelines', {
      alias: 'convention',
      choices: ENTITY_GUIDELINES,
      default: 'zhtag' as const,
      describe:
        "Entity guidelines: zhtag (People's Daily's names, plus every body, newspaper and region), pd1998 (People's Daily 1998 as annotated: no 市政府 named by its kind, no newspaper) or bio (BIO news sets: the place in 中国政府, no 地区)",
    });
}

/** The pipeline options the annotate flags ask for. */
function pipelineOptionsOf(args: RunArgs): PipelineOptions {
  const disabled = new Set(args.disable ?? []);
  if (!args.ner) disabled.add('entities').add('officials');
  if (!args.keywords) disabled.add('keywords');
  return {
    dicts: args.dict,
    engine: args.engine,
    ...(disabled.size > 0 ? { disable: [...disabled] } : {}),
    ...(args.guidelines ? { guidelines: args.guidelines } : {}),
  };
}

/**
 * Runs `render` over every input document in order and writes one record per input: the rendered
 * document, or `{"id","error":{"code","message"}}`. Exit code 1 when any input failed.
 */
async function run(
  args: RunArgs,
  render: (record: Extract<InputRecord, { kind: 'doc' }>) => object,
): Promise<void> {
  const sources = await expandInputs(args.files);
  const out = openOutput(
    args.output,
    sources.map((source) => source.path),
  );
  let failed = 0;
  for await (const record of readSources(sources, { inputFormat: args.inputFormat })) {
    let value: object;
    if (record.kind === 'error') {
      failed++;
      value = { id: record.id, error: { code: record.error.code, message: record.error.message } };
      process.stderr.write(`zhtag: ${cliMessage(record.error.message)}\n`);
    } else {
      if (record.warning) process.stderr.write(`zhtag: warning: ${record.warning}\n`);
      value = render(record);
    }
    await out.write(JSON.stringify(value, null, args.pretty ? 2 : undefined));
  }
  await out.close();
  if (failed > 0) process.exitCode = 1;
}

function pipelineFor(args: RunArgs) {
  try {
    return createPipeline(pipelineOptionsOf(args));
  } catch (error) {
    return exitOnError(error);
  }
}

/** The flags of `annotate` over a corpus (formats, scale, resume, cleaning). */
export function withCorpusOptions<T>(yargs: Argv<T>) {
  return yargs
    .option('format', {
      alias: 'f',
      choices: EXPORT_FORMATS,
      default: 'jsonl' as ExportFormat,
      describe: 'Output format (brat writes a directory: give it with -o)',
    })
    .option('jobs', {
      alias: 'j',
      type: 'number',
      describe: 'Worker threads, each with its own pipeline (default: number of cores)',
    })
    .option('encoding', {
      type: 'string',
      default: 'auto',
      describe: 'Input encoding: auto (UTF-8 with or without BOM, else GB18030) or gb18030, gbk, utf8, ...',
    })
    .option('resume', {
      type: 'boolean',
      default: false,
      describe: 'Skip ids already in the output file and append (jsonl, doccano, brat)',
    })
    .option('strict', { type: 'boolean', default: false, describe: 'Stop at the first input error' })
    .option('clean', {
      type: 'boolean',
      default: false,
      describe: 'Remove duplicated paragraphs, boilerplate lines and extra whitespace before annotating',
    })
    .option('keep-original', {
      type: 'boolean',
      default: false,
      describe: 'With --clean: add original {text, offsets} to map offsets back to the text as read',
    })
    .option('errors', {
      type: 'string',
      describe: 'Error records file for formats that cannot hold them (default: <output>.errors.jsonl)',
    })
    .option('quiet', { alias: 'q', type: 'boolean', default: false, describe: 'No summary line on stderr' });
}

interface CorpusArgs extends RunArgs {
  format: ExportFormat;
  jobs?: number;
  encoding: string;
  resume: boolean;
  strict: boolean;
  clean: boolean;
  keepOriginal: boolean;
  errors?: string;
  quiet: boolean;
}

/** A progress bar redrawn at most ten times a second, on stderr, only when stderr is a terminal. */
function progressBar(): { update(p: CorpusProgress): void; clear(): void } {
  if (!process.stderr.isTTY) return { update: () => undefined, clear: () => undefined };
  let last = 0;
  return {
    update(p) {
      const now = Date.now();
      if (now - last < 100) return;
      last = now;
      const columns = process.stderr.columns ?? 100;
      process.stderr.write(`\r\x1b[K${progressLine(p).slice(0, columns - 1)}`);
    },
    clear: () => process.stderr.write('\r\x1b[K'),
  };
}

/** `zhtag annotate`: parses flags, runs `annotateCorpus`, reports on stderr, sets the exit code. */
export async function runAnnotateCorpus(args: CorpusArgs): Promise<void> {
  if (args.jobs !== undefined && (!Number.isInteger(args.jobs) || args.jobs < 1)) {
    process.stderr.write('zhtag: --jobs must be a whole number >= 1\n');
    process.exit(2);
  }
  const controller = new AbortController();
  let signalCode = 0;
  const onSignal = (signal: NodeJS.Signals) => {
    if (controller.signal.aborted) process.exit(signal === 'SIGINT' ? 130 : 143); // second signal: now
    signalCode = signal === 'SIGINT' ? 130 : 143;
    controller.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  // A reader that stops early (`| head`) is not an error of ours: stop quietly, as other filters do.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  const bar = progressBar();
  try {
    const summary = await annotateCorpus({
      inputs: args.files,
      inputFormat: args.inputFormat,
      encoding: args.encoding,
      pipeline: pipelineOptionsOf(args),
      format: args.format,
      exportOptions: { pretty: args.pretty },
      ...(args.output !== undefined ? { output: args.output } : {}),
      ...(args.errors !== undefined ? { errorsOutput: args.errors } : {}),
      ...(args.jobs !== undefined ? { jobs: args.jobs } : {}),
      resume: args.resume,
      strict: args.strict,
      clean: args.clean,
      keepOriginal: args.keepOriginal,
      signal: controller.signal,
      onProgress: (p) => bar.update(p),
      onWarning: (message) => {
        bar.clear();
        process.stderr.write(`zhtag: warning: ${message}\n`);
      },
      onError: (record) => {
        bar.clear();
        process.stderr.write(`zhtag: ${cliMessage(record.error.message)}\n`);
      },
    });
    bar.clear();
    // The whole run, as a user times it: process start (imports, loading) to now, not the corpus loop only.
    const wall = performance.now() / 1000;
    if (!args.quiet) process.stderr.write(`${summaryLine({ ...summary, seconds: wall })}\n`);
    if (summary.stopped) process.stderr.write('zhtag: stopped at the first error (--strict)\n');
    process.exitCode = signalCode || (summary.errors > 0 ? 1 : 0);
    if (summary.interrupted) {
      process.stderr.write('zhtag: interrupted; the output is complete up to here\n');
      // The output is closed; an input still open (stdin from a pipe) must not keep the process alive.
      process.exit(signalCode);
    }
  } catch (error) {
    bar.clear();
    exitOnError(error);
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

export function registerAnnotate<T>(cli: Argv<T>): Argv<T> {
  return cli.command(
    'annotate [files..]',
    'Segment, tag entities and keywords; one record per document, in input order',
    (yargs) =>
      withStageOptions(withCorpusOptions(withInputOutput(yargs)))
        .example('$0 annotate corpus/jiaozuo-interview-2023.txt', 'Annotate one article, JSONL to stdout')
        .example(
          '$0 annotate docs.jsonl --dict my-terms.tsv -o out.jsonl',
          'JSONL in and out, with a user dictionary',
        )
        .example(
          '$0 annotate scraped/ --clean --jobs 2 -o out.jsonl --resume',
          'A directory, cleaned, resumable',
        )
        .example("$0 annotate 'news/**/*.txt' --format label-studio -o tasks.json", 'Tasks for Label Studio')
        .example('cat part.jsonl | $0 annotate --input-format jsonl > out.jsonl', 'A streaming filter')
        .example('cat article.txt | $0 annotate --pretty', 'Read stdin'),
    (args) => runAnnotateCorpus(args as never),
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
