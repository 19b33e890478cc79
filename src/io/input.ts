import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import type { ErrorCode } from '../errors.js';

/** A document read from input: text plus any extra JSONL fields, which are carried to the output. */
export interface InputDocument {
  kind: 'doc';
  id: string;
  text: string;
  extra: Record<string, unknown>;
}

/** An input that could not become a document; it still yields one output record. */
export interface InputError {
  kind: 'error';
  id: string;
  error: { code: ErrorCode; message: string; file?: string; line?: number };
}

export type InputRecord = InputDocument | InputError;

export type InputFormat = 'text' | 'jsonl';

/** Options of `readDocuments`. */
export interface ReadOptions {
  /** Format of stdin (files are known by extension: `.jsonl` is JSONL, anything else one text document). */
  inputFormat?: InputFormat;
  /** The stream read for `-` (default: process.stdin). */
  stdin?: Readable;
}

/** Parses one JSONL line into a document or an error record naming file and line. */
export function parseJsonlLine(line: string, file: string, lineNo: number): InputRecord | undefined {
  if (line.trim() === '') return undefined;
  const fallbackId = `${file}:${lineNo}`;
  const fail = (message: string, id = fallbackId): InputError => ({
    kind: 'error',
    id,
    error: { code: 'E_INPUT', message: `${file}:${lineNo}: ${message}`, file, line: lineNo },
  });
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    return fail(`invalid JSON (${(error as Error).message})`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return fail('expected a JSON object');
  const { id, text, ...extra } = value as Record<string, unknown>;
  const docId =
    id === undefined ? fallbackId : typeof id === 'string' || typeof id === 'number' ? String(id) : undefined;
  if (docId === undefined) return fail('field "id" must be a string or a number');
  if (typeof text !== 'string') return fail('field "text" must be a string', docId);
  return { kind: 'doc', id: docId, text, extra };
}

async function* readJsonl(stream: Readable, file: string): AsyncGenerator<InputRecord> {
  const lines = createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY });
  let lineNo = 0;
  for await (const line of lines) {
    lineNo++;
    const record = parseJsonlLine(lineNo === 1 ? line.replace(/^\uFEFF/, '') : line, file, lineNo);
    if (record) yield record;
  }
}

async function readAll(stream: Readable): Promise<string> {
  const parts: Buffer[] = [];
  for await (const part of stream)
    parts.push(typeof part === 'string' ? Buffer.from(part) : (part as Buffer));
  return Buffer.concat(parts).toString('utf8');
}

/**
 * Reads documents from files and/or stdin (`-`), in order: `.jsonl` files give one document per line,
 * other files one document each (id = the path as given). Every input yields a record: a document or
 * an error naming file and line; nothing is dropped silently.
 */
export async function* readDocuments(
  paths: string[],
  options: ReadOptions = {},
): AsyncGenerator<InputRecord> {
  const sources = paths.length === 0 ? ['-'] : paths;
  for (const path of sources) {
    if (path === '-') {
      const stdin = options.stdin ?? process.stdin;
      if (options.inputFormat === 'jsonl') yield* readJsonl(stdin, '<stdin>');
      else
        yield { kind: 'doc', id: '<stdin>', text: (await readAll(stdin)).replace(/^\uFEFF/, ''), extra: {} };
      continue;
    }
    if (path.endsWith('.jsonl')) {
      const stream = createReadStream(path, { encoding: 'utf8' });
      const opened = await new Promise<Error | undefined>((resolve) => {
        stream.once('open', () => resolve(undefined));
        stream.once('error', (error) => resolve(error));
      });
      if (opened) {
        yield {
          kind: 'error',
          id: path,
          error: { code: 'E_INPUT', message: `${path}: ${opened.message}`, file: path },
        };
        continue;
      }
      yield* readJsonl(stream, path);
      continue;
    }
    try {
      const text = (await readFile(path, 'utf8')).replace(/^\uFEFF/, '');
      yield { kind: 'doc', id: path, text, extra: {} };
    } catch (error) {
      yield {
        kind: 'error',
        id: path,
        error: { code: 'E_INPUT', message: `${path}: ${(error as Error).message}`, file: path },
      };
    }
  }
}
