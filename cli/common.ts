import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import type { Argv } from 'yargs';
import { checkOutputPath } from '../src/corpus/output.js';
import { ENGINES, type EngineName, isZhtagError, ZhtagError } from '../src/index.js';

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

/**
 * Opens `path` (stdout when absent or `-`) after `checkOutputPath`: an output that is one of `inputs`,
 * a directory, or a file in a missing directory ends the run with exit 2 before anything is written.
 */
export function openOutput(path: string | undefined, inputs: readonly string[] = []): LineWriter {
  if (path && path !== '-') {
    try {
      checkOutputPath(path, 'file', inputs);
    } catch (error) {
      exitOnError(error);
    }
  }
  const stream: Writable = path && path !== '-' ? createWriteStream(path) : process.stdout;
  // A file that cannot be written is reported as `zhtag: E_USAGE path: reason`, exit 2, never a trace.
  if (stream !== process.stdout)
    stream.on('error', (error) =>
      exitOnError(new ZhtagError('E_USAGE', `${path}: cannot write (${error.message})`)),
    );
  return {
    write: (line) =>
      new Promise((resolve) => {
        if (stream.write(`${line}\n`)) resolve();
        else stream.once('drain', resolve);
      }),
    close: () =>
      new Promise((resolve) => {
        if (stream === process.stdout) resolve();
        else stream.end(resolve);
      }),
  };
}

/** Library option names whose flag is not simply their kebab-case form. */
const FLAG_OF_OPTION: Readonly<Record<string, string>> = {
  dicts: '--dict',
  inputs: 'the input files',
  timeoutMs: '--timeout',
  errorsOutput: '--errors',
};

/** The flag of a library option: `keepOriginal` → `--keep-original`. */
export function flagOf(option: string): string {
  return FLAG_OF_OPTION[option] ?? `--${option.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;
}

/** A library message as the CLI prints it: `option "keepOriginal"` becomes `--keep-original`. */
export function cliMessage(message: string): string {
  return message.replace(/option "([A-Za-z]+)"/g, (_whole, option: string) => flagOf(option));
}

/** Prints a library error as `zhtag: CODE message` and exits 2 (usage/configuration), else rethrows. */
export function exitOnError(error: unknown): never {
  if (isZhtagError(error)) {
    process.stderr.write(`zhtag: ${error.code} ${cliMessage(error.message)}\n`);
    process.exit(2);
  }
  throw error;
}
