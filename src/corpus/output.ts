import { createReadStream, createWriteStream, existsSync, type Stats, statSync } from 'node:fs';
import { mkdir, stat, truncate, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { Writable } from 'node:stream';
import { ZhtagError } from '../errors.js';
import type { ExportFile } from '../export/exporter.js';

const statOrUndefined = (path: string): Stats | undefined => {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
};

/**
 * Refuses, before anything is read or written, an output that would destroy input or cannot be
 * written: a file that is one of the inputs (by device and inode, so links count), a directory given
 * for a file (or a file for a directory format), a file whose directory does not exist.
 * `what` names the option in messages (`--output`, `--errors`).
 */
export function checkOutputPath(
  path: string,
  kind: 'file' | 'directory',
  inputs: readonly string[],
  what = '--output',
): void {
  const usage = (message: string) => new ZhtagError('E_USAGE', `${what} ${path}: ${message}`, { file: path });
  const info = statOrUndefined(path);
  if (kind === 'directory') {
    if (info && !info.isDirectory()) throw usage('is a file; this format writes a directory');
  } else {
    if (info?.isDirectory()) throw usage('is a directory; give a file name');
    const parent = statOrUndefined(dirname(resolve(path)));
    if (!parent?.isDirectory()) throw usage(`directory ${dirname(path)} does not exist`);
  }
  if (!info) return;
  for (const input of inputs) {
    const other = input === '-' ? undefined : statOrUndefined(input);
    if (!other) continue;
    const same = other.dev === info.dev && other.ino === info.ino;
    const inside = kind === 'directory' && resolve(input).startsWith(`${resolve(path)}/`);
    if (same || inside)
      throw usage(same ? `is also an input (${input}); it would be overwritten` : `holds the input ${input}`);
  }
}

/** A text output that respects back-pressure: each `write` goes out whole, so no line is ever cut. */
export interface TextSink {
  write(text: string | Uint8Array): Promise<void>;
  close(): Promise<void>;
}

/** A file (appended to with `append`), or stdout when `path` is undefined or `-`. */
export function openTextSink(path: string | undefined, append = false): TextSink {
  const toStdout = path === undefined || path === '-';
  const stream: Writable = toStdout ? process.stdout : createWriteStream(path, { flags: append ? 'a' : 'w' });
  // A file that cannot be opened or written fails the next write with a message naming it.
  let failure: ZhtagError | undefined;
  if (!toStdout)
    stream.on('error', (error: Error) => {
      failure ??= new ZhtagError('E_USAGE', `${path}: cannot write (${error.message})`, { file: path });
    });
  return {
    write: (text) =>
      new Promise((resolve, reject) => {
        if (failure) return reject(failure);
        if (text.length === 0 || stream.write(text)) return resolve();
        // Listeners go once the write is through, so a long run does not pile them up.
        const onError = (error: Error) => {
          stream.off('drain', onDrain);
          reject(failure ?? error);
        };
        const onDrain = () => {
          stream.off('error', onError);
          resolve();
        };
        stream.once('drain', onDrain).once('error', onError);
      }),
    close: () =>
      new Promise((resolve, reject) => {
        // stdout stays open, but everything written must be flushed before the caller may exit.
        if (toStdout) stream.write('', () => resolve());
        else if (failure || stream.destroyed) resolve();
        else stream.once('error', () => reject(failure)).end(resolve);
      }),
  };
}

/** Writes the files of a directory format; the last file of a document (brat's `.ann`) marks it done. */
export async function writeFiles(dir: string, files: ExportFile[]): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const file of files) await writeFile(join(dir, file.name), file.content);
}

/** What `--resume` learns from a previous, possibly interrupted, JSONL output. */
export interface ResumeState {
  ids: Set<string>;
  /** Records kept. */
  records: number;
  /** Bytes of a trailing partial line cut off (a run killed mid-write). */
  truncatedBytes: number;
}

/**
 * Reads the ids of a previous JSONL output and cuts off a trailing partial line, so appending the
 * remaining documents gives the same file an uninterrupted run writes. Error records count as done.
 */
export async function prepareResume(path: string): Promise<ResumeState> {
  const state: ResumeState = { ids: new Set(), records: 0, truncatedBytes: 0 };
  if (!existsSync(path)) return state;
  let validEnd = 0;
  let pending: Buffer = Buffer.alloc(0);
  reading: for await (const chunk of createReadStream(path)) {
    let data = Buffer.concat([pending, chunk as Buffer]);
    for (let newline = data.indexOf(0x0a); newline !== -1; newline = data.indexOf(0x0a)) {
      const id = recordId(data.subarray(0, newline).toString('utf8'));
      if (id === undefined) break reading; // everything from an unreadable line on is redone
      state.ids.add(id);
      state.records++;
      validEnd += newline + 1;
      data = data.subarray(newline + 1);
    }
    pending = data;
  }
  state.truncatedBytes = (await stat(path)).size - validEnd;
  if (state.truncatedBytes > 0) await truncate(path, validEnd);
  return state;
}

function recordId(line: string): string | undefined {
  try {
    const value = JSON.parse(line) as { id?: unknown };
    return typeof value.id === 'string' ? value.id : undefined;
  } catch {
    return undefined;
  }
}
