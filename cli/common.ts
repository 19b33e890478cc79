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
