import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import type { Argv } from 'yargs';
import { ENGINES, type EngineName, isZhtagError } from '../src/index.js';

/** Options shared by the commands that build a pipeline. */
export interface PipelineArgs {
  dict: string[];
  engine: EngineName;
}

export function withPipelineOptions<T>(yargs: Argv<T>) {
  return yargs
    .option('dict', {
      type: 'string',
      array: true,
      default: [] as string[],
      describe: 'User dictionary (TSV with header, or jieba "word [freq] [pos]" lines); repeatable',
    })
    .option('engine', {
      choices: ENGINES,
      default: 'node-rs' as EngineName,
      describe: 'Segmentation engine',
    });
}

/** A line-oriented output (stdout or a file) that respects back-pressure. */
export interface LineWriter {
  write(line: string): Promise<void>;
  close(): Promise<void>;
}

export function openOutput(path: string | undefined): LineWriter {
  const stream: Writable = path && path !== '-' ? createWriteStream(path) : process.stdout;
  return {
    write: (line) =>
      new Promise((resolve, reject) => {
        if (stream.write(`${line}\n`)) resolve();
        else stream.once('drain', resolve).once('error', reject);
      }),
    close: () =>
      new Promise((resolve) => {
        if (stream === process.stdout) resolve();
        else stream.end(resolve);
      }),
  };
}

/** Prints a library error as `zhtag: CODE message` and exits 2 (usage/configuration), else rethrows. */
export function exitOnError(error: unknown): never {
  if (isZhtagError(error)) {
    process.stderr.write(`zhtag: ${error.code} ${error.message}\n`);
    process.exit(2);
  }
  throw error;
}
