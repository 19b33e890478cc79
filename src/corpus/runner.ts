import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import type { CleanOptions } from '../clean/clean.js';
import { ZhtagError } from '../errors.js';
import { bratName } from '../export/brat.js';
import type { ExportFormat, ExportOptions } from '../export/exporter.js';
import { createExporter } from '../export/index.js';
import { whereOf } from '../io/check.js';
import { isKnownEncoding } from '../io/decode.js';
import { expandInputs, type InputFormat, readSources } from '../io/input.js';
import type { PipelineOptions } from '../pipeline.js';
import { checkOutputPath, openTextSink, prepareResume, type TextSink, writeFiles } from './output.js';
import { WorkerPool } from './pool.js';
import type { CorpusProgress } from './progress.js';
import type { WorkItem, WorkOutput, WorkResult } from './protocol.js';

/** Options of `annotateCorpus`. */
export interface CorpusOptions {
  /** Files, directories, glob patterns, `-` for stdin (none: stdin). */
  inputs: string[];
  inputFormat?: InputFormat;
  /** `auto` (UTF-8, else GB18030) or an iconv-lite encoding name. */
  encoding?: string;
  stdin?: Readable;
  pipeline?: PipelineOptions;
  format?: ExportFormat;
  exportOptions?: ExportOptions;
  /** A file (stdout when absent), or the output directory for `brat`. */
  output?: string;
  /** Where error records go when the format cannot hold them (all but jsonl). Default: next to the output. */
  errorsOutput?: string;
  /** Worker threads (default: the number of cores). */
  jobs?: number;
  /** Skip documents whose id the output already holds, and append (jsonl, doccano, brat). */
  resume?: boolean;
  /** Stop at the first error record. */
  strict?: boolean;
  clean?: boolean | CleanOptions;
  keepOriginal?: boolean;
  /** Stops reading; documents in flight are written and the output is closed valid. */
  signal?: AbortSignal;
  onProgress?: (progress: CorpusProgress) => void;
  /** Called for every document decoding had to repair, in order (the CLI prints it on stderr). */
  onWarning?: (message: string) => void;
  /** Called for every error record, in order (the CLI prints it on stderr). */
  onError?: (record: { id: string; error: { code: string; message: string } }) => void;
}

export interface CorpusSummary extends CorpusProgress {
  interrupted: boolean;
  /** `strict` stopped the run at an error. */
  stopped: boolean;
  workers: number;
}

const BATCH_CHARACTERS = 32_000;
const BATCH_DOCUMENTS = 64;

const existsInDir = (dir: string, name: string) => existsSync(join(dir, name));

/** Resolves when the signal aborts (never otherwise), to race against a blocked read. */
function aborted(signal: AbortSignal | undefined): Promise<'aborted'> {
  return new Promise((resolve) => {
    if (!signal) return;
    if (signal.aborted) resolve('aborted');
    signal.addEventListener('abort', () => resolve('aborted'), { once: true });
  });
}

/**
 * Annotates a corpus with worker threads and writes it in one export format, in input order, with
 * memory bounded by the batches in flight (2 per worker, 1 more being written). Every input yields one output record or one
 * error record. Usage errors (bad options, an output that cannot resume) throw `ZhtagError` before
 * anything is read; dictionary errors throw when the first worker starts.
 */
export async function annotateCorpus(options: CorpusOptions): Promise<CorpusSummary> {
  const format = options.format ?? 'jsonl';
  const exporter = createExporter(format, options.exportOptions);
  const encoding = options.encoding ?? 'auto';
  if (!isKnownEncoding(encoding)) throw new ZhtagError('E_USAGE', `unknown encoding "${encoding}"`);
  if (exporter.kind === 'directory' && (!options.output || options.output === '-'))
    throw new ZhtagError(
      'E_USAGE',
      `option "format" ${format} writes a directory: give it with option "output"`,
    );
  if (options.resume && (!options.output || options.output === '-'))
    throw new ZhtagError('E_USAGE', 'option "resume" needs option "output" (the file to resume)');
  if (options.resume && exporter.kind === 'stream' && !exporter.resumable)
    throw new ZhtagError(
      'E_USAGE',
      `option "resume" works with jsonl (without option "pretty"), doccano and brat, not ${format}`,
    );
  if (options.keepOriginal && !options.clean)
    throw new ZhtagError('E_USAGE', 'option "keepOriginal" only makes sense with option "clean"');

  const started = performance.now();
  const progress: CorpusProgress = {
    documentsIn: 0,
    documentsOut: 0,
    errors: 0,
    skipped: 0,
    characters: 0,
    bytesDone: 0,
    seconds: 0,
  };
  const sources = await expandInputs(options.inputs);
  const sized = sources.every((source) => source.path !== '-' && 'size' in source);
  if (sized) progress.bytesTotal = sources.reduce((sum, s) => sum + ('size' in s ? (s.size ?? 0) : 0), 0);

  const output = options.output && options.output !== '-' ? options.output : undefined;
  const errorsInline = format === 'jsonl';
  const errorsPath =
    options.errorsOutput ??
    (exporter.kind === 'directory'
      ? join(output as string, 'errors.jsonl')
      : output
        ? `${output}.errors.jsonl`
        : undefined);
  // No output may overwrite an input, and a path that cannot be written is a usage error, found now.
  const inputPaths = sources.map((source) => source.path);
  if (output) checkOutputPath(output, exporter.kind === 'directory' ? 'directory' : 'file', inputPaths);
  if (exporter.kind === 'directory' && output) {
    await mkdir(output, { recursive: true });
  }
  if (errorsPath && !errorsInline) checkOutputPath(errorsPath, 'file', inputPaths, '--errors');
  let done = new Set<string>();
  let appending = false;
  if (options.resume && output && exporter.kind === 'stream') {
    const state = await prepareResume(output);
    done = state.ids;
    appending = state.records > 0;
  }
  const isDone = (id: string) =>
    options.resume === true &&
    (exporter.kind === 'directory' ? existsInDir(output as string, `${bratName(id)}.ann`) : done.has(id));

  const sink: TextSink | undefined = exporter.kind === 'stream' ? openTextSink(output, appending) : undefined;
  let errorSink: TextSink | undefined;
  const labels = new Set<string>();
  let chunksWritten = appending ? 1 : 0;
  if (sink && !appending) await sink.write(exporter.kind === 'stream' ? exporter.begin() : '');

  const jobs = Math.max(1, options.jobs ?? availableParallelism());
  const pool = new WorkerPool(jobs, {
    pipeline: options.pipeline ?? {},
    format,
    exportOptions: options.exportOptions ?? {},
    clean: options.clean ? (options.clean === true ? {} : options.clean) : false,
    keepOriginal: options.keepOriginal === true,
  });

  let stopped = false;
  const writeOutput = async (out: WorkOutput, bytes: number, chunk: Uint8Array | undefined) => {
    progress.bytesDone += bytes;
    if (out.kind === 'error') {
      progress.errors++;
      options.onError?.(out);
      const line = `${JSON.stringify({ id: out.id, error: out.error })}\n`;
      if (errorsInline && sink) await sink.write(line);
      else if (errorsPath) {
        errorSink ??= openTextSink(errorsPath, options.resume === true);
        await errorSink.write(line);
      }
      if (options.strict) stopped = true;
      return;
    }
    progress.documentsOut++;
    progress.characters += out.characters;
    for (const label of out.labels) labels.add(label);
    if (out.files && output) await writeFiles(output, out.files);
    if (chunk !== undefined && sink && exporter.kind === 'stream') {
      if (chunksWritten > 0) await sink.write(exporter.separator);
      await sink.write(chunk);
      chunksWritten++;
    }
  };

  /** Batches dispatched and not yet written, by sequence number; each resolves once written. */
  const inFlight = new Map<number, Promise<void>>();
  let nextSeq = 0;
  /** Writes one batch's outputs once its result is in; batches are chained, so order is kept. */
  const writeBatch = async (result: WorkResult, bytes: number[]) => {
    let at = 0;
    for (const [i, out] of result.outputs.entries()) {
      if (stopped) break;
      const size = out.kind === 'doc' ? out.bytes : undefined;
      const chunk = size !== undefined && result.data ? result.data.subarray(at, at + size) : undefined;
      at += size ?? 0;
      await writeOutput(out, bytes[i] ?? 0, chunk);
    }
    progress.seconds = (performance.now() - started) / 1000;
    options.onProgress?.({ ...progress });
  };
  // Output goes out as soon as the next batch in order is done, not when the window is full: a slow
  // input (a pipe, stdin) still sees its records promptly.
  let writing: Promise<void> = Promise.resolve();

  let batch: WorkItem[] = [];
  let batchBytes: number[] = [];
  let batchCharacters = 0;
  const dispatch = async () => {
    if (batch.length === 0) return;
    const seq = nextSeq++;
    const result = pool.run({ seq, items: batch });
    // A pool failure rejects every batch at once; the chain below reports the first.
    result.catch(() => undefined);
    const bytes = batchBytes;
    writing = writing.then(async () => {
      if (!stopped) await writeBatch(await result, bytes);
      inFlight.delete(seq);
    });
    // A failure is reported where the chain is awaited (below); it must not count as unhandled.
    writing.catch(() => undefined);
    inFlight.set(seq, writing);
    batch = [];
    batchBytes = [];
    batchCharacters = 0;
    // Two batches queued in each worker (see WorkerPool) and one more being written.
    while (inFlight.size >= jobs * 2 + 1 && !stopped) await inFlight.values().next().value;
  };

  const interrupted = aborted(options.signal);
  let summaryWorkers = 0;
  try {
    const records = readSources(sources, {
      ...(options.inputFormat ? { inputFormat: options.inputFormat } : {}),
      ...(options.stdin ? { stdin: options.stdin } : {}),
      encoding,
    })[Symbol.asyncIterator]();
    while (!stopped && !options.signal?.aborted) {
      const next = await Promise.race([records.next(), interrupted]);
      if (next === 'aborted' || next.done) {
        if (next === 'aborted') void records.return?.(undefined);
        break;
      }
      const record = next.value;
      progress.documentsIn++;
      if (isDone(record.id)) {
        progress.skipped++;
        progress.bytesDone += record.kind === 'doc' ? (record.bytes ?? 0) : 0;
        continue;
      }
      if (record.kind === 'error') {
        batch.push({
          kind: 'error',
          id: record.id,
          error: { code: record.error.code, message: record.error.message },
        });
        batchBytes.push(0);
      } else {
        if (record.warning) options.onWarning?.(record.warning);
        batch.push({
          kind: 'doc',
          id: record.id,
          text: record.text,
          extra: record.extra,
          where: whereOf(record),
        });
        batchBytes.push(record.bytes ?? 0);
        batchCharacters += record.text.length;
      }
      if (batchCharacters >= BATCH_CHARACTERS || batch.length >= BATCH_DOCUMENTS) await dispatch();
    }
    await dispatch();
    await writing;
  } finally {
    const workers = pool.started;
    await pool.close();
    if (sink && exporter.kind === 'stream') await sink.write(exporter.end());
    await sink?.close();
    await errorSink?.close();
    if (exporter.kind === 'directory' && output && progress.documentsOut + progress.skipped > 0)
      await writeFiles(output, exporter.finish([...labels]));
    progress.seconds = (performance.now() - started) / 1000;
    summaryWorkers = workers;
  }
  return {
    ...progress,
    interrupted: options.signal?.aborted === true,
    stopped,
    workers: summaryWorkers,
  };
}
