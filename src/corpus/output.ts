import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { mkdir, stat, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Writable } from 'node:stream';
import type { ExportFile } from '../export/exporter.js';

/** A text output that respects back-pressure: each `write` goes out whole, so no line is ever cut. */
export interface TextSink {
  write(text: string | Uint8Array): Promise<void>;
  close(): Promise<void>;
}

/** A file (appended to with `append`), or stdout when `path` is undefined or `-`. */
export function openTextSink(path: string | undefined, append = false): TextSink {
  const toStdout = path === undefined || path === '-';
  const stream: Writable = toStdout ? process.stdout : createWriteStream(path, { flags: append ? 'a' : 'w' });
  return {
    write: (text) =>
      new Promise((resolve, reject) => {
        if (text.length === 0 || stream.write(text)) return resolve();
        // Listeners go once the write is through, so a long run does not pile them up.
        const onError = (error: Error) => {
          stream.off('drain', onDrain);
          reject(error);
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
        else stream.once('error', reject).end(resolve);
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
