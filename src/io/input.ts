import { createReadStream } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import type { Readable } from 'node:stream';
import { glob, isDynamicPattern } from 'tinyglobby';
import { RecordChecker } from './check.js';
import { decodeBuffer } from './decode.js';
import type { InputDocument, InputError, InputRecord } from './record.js';

export type { InputDocument, InputError, InputRecord } from './record.js';

export type InputFormat = 'text' | 'jsonl';

/** Options of `readDocuments`. */
export interface ReadOptions {
  /** Format of stdin (files are known by extension: `.jsonl` is JSONL, anything else one text document). */
  inputFormat?: InputFormat;
  /** The stream read for `-` (default: process.stdin). */
  stdin?: Readable;
  /** `auto` (default: UTF-8 with or without BOM, else GB18030) or an encoding name iconv-lite knows. */
  encoding?: string;
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

/** Splits a byte stream on LF. Safe for UTF-8 and GB18030 alike: neither uses 0x0A inside a character. */
async function* byteLines(stream: Readable): AsyncGenerator<Buffer> {
  let pending: Buffer = Buffer.alloc(0);
  for await (const chunk of stream) {
    let data = Buffer.concat([pending, typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer)]);
    for (let newline = data.indexOf(0x0a); newline !== -1; newline = data.indexOf(0x0a)) {
      yield data.subarray(0, newline);
      data = data.subarray(newline + 1);
    }
    pending = data;
  }
  if (pending.length > 0) yield pending;
}

async function* readJsonl(stream: Readable, file: string, encoding: string): AsyncGenerator<InputRecord> {
  let lineNo = 0;
  for await (const bytes of byteLines(stream)) {
    lineNo++;
    const raw = bytes[bytes.length - 1] === 0x0d ? bytes.subarray(0, -1) : bytes;
    if (raw.length === 0) continue;
    const decoded = decodeBuffer(raw, encoding);
    if (!decoded.ok) {
      yield inputError(`${file}:${lineNo}`, `${file}:${lineNo}: ${decoded.reason}`, file, lineNo);
      continue;
    }
    const record = parseJsonlLine(decoded.text, file, lineNo);
    if (record?.kind === 'doc') {
      record.file = file;
      record.line = lineNo;
      record.bytes = bytes.length + 1;
      if (decoded.warning) record.warning = `${file}:${lineNo}: ${decoded.warning}`;
    }
    if (record) yield record;
  }
}

async function readAll(stream: Readable): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of stream)
    parts.push(typeof part === 'string' ? Buffer.from(part) : (part as Buffer));
  return Buffer.concat(parts);
}

function inputError(id: string, message: string, file?: string, line?: number): InputError {
  const error: InputError['error'] = { code: 'E_INPUT', message };
  if (file !== undefined) error.file = file;
  if (line !== undefined) error.line = line;
  return { kind: 'error', id, error };
}

/** One input after expansion: a file (or stdin, `-`) to read, or a pattern that matched nothing. */
export type InputSource = { path: string; size?: number } | { path: string; error: string };

async function listDirectory(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const files: string[] = [];
  // Sorted by code point so the corpus order (and so the output order) never depends on the file system.
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await listDirectory(path)));
    else if (entry.isFile()) files.push(path);
  }
  return files;
}

/**
 * Expands inputs in order: `-` is stdin, a directory gives its files recursively (sorted, hidden ones
 * skipped), a glob pattern its matches (sorted), anything else is read as given (a missing file then
 * yields an error record when read).
 */
export async function expandInputs(paths: string[]): Promise<InputSource[]> {
  const sources: InputSource[] = [];
  for (const path of paths.length === 0 ? ['-'] : paths) {
    if (path === '-') {
      sources.push({ path });
      continue;
    }
    const info = await stat(path).catch(() => undefined);
    if (info?.isDirectory()) {
      for (const file of await listDirectory(path)) {
        sources.push({ path: file, size: (await stat(file)).size });
      }
    } else if (!info && isDynamicPattern(path)) {
      const matches = (
        await glob(path, { onlyFiles: true, expandDirectories: false, absolute: isAbsolute(path) })
      ).sort();
      if (matches.length === 0) sources.push({ path, error: `${path}: no file matches this pattern` });
      for (const file of matches) sources.push({ path: file, size: (await stat(file)).size });
    } else {
      sources.push(info ? { path, size: info.size } : { path });
    }
  }
  return sources;
}

/**
 * Reads documents from files, directories, glob patterns and/or stdin (`-`), in order: `.jsonl` files
 * give one document per line, other files one document each (id = the path). Bytes are decoded per
 * `options.encoding`. Every input yields a record: a document, or an error naming file and line (a
 * missing, binary or undecodable file, an invalid line); nothing is dropped silently.
 */
export async function* readDocuments(
  paths: string[],
  options: ReadOptions = {},
): AsyncGenerator<InputRecord> {
  yield* readSources(await expandInputs(paths), options);
}

/**
 * `readDocuments` over inputs already expanded (so a caller can size them first for progress). Every
 * record passes `RecordChecker` (id, duplicate id, size, nesting) before it is yielded.
 */
export async function* readSources(
  sources: InputSource[],
  options: ReadOptions = {},
): AsyncGenerator<InputRecord> {
  const checker = new RecordChecker();
  for await (const record of readUnchecked(sources, options)) yield checker.check(record);
}

async function* readUnchecked(sources: InputSource[], options: ReadOptions): AsyncGenerator<InputRecord> {
  const encoding = options.encoding ?? 'auto';
  for (const source of sources) {
    const { path } = source;
    if ('error' in source) {
      yield inputError(path, source.error, path);
      continue;
    }
    if (path === '-') {
      const stdin = options.stdin ?? process.stdin;
      if (options.inputFormat === 'jsonl') {
        yield* readJsonl(stdin, '<stdin>', encoding);
        continue;
      }
      const bytes = await readAll(stdin);
      const decoded = decodeBuffer(bytes, encoding);
      if (decoded.ok)
        yield {
          kind: 'doc',
          id: '<stdin>',
          text: decoded.text,
          extra: {},
          file: '<stdin>',
          bytes: bytes.length,
          ...(decoded.warning ? { warning: `<stdin>: ${decoded.warning}` } : {}),
        };
      else yield inputError('<stdin>', `<stdin>: ${decoded.reason}`, '<stdin>');
      continue;
    }
    if (path.endsWith('.jsonl')) {
      const stream = createReadStream(path);
      const opened = await new Promise<Error | undefined>((resolve) => {
        stream.once('open', () => resolve(undefined));
        stream.once('error', (error) => resolve(error));
      });
      if (opened) {
        yield inputError(path, `${path}: ${opened.message}`, path);
        continue;
      }
      yield* readJsonl(stream, path, encoding);
      continue;
    }
    let bytes: Buffer;
    try {
      bytes = await readFile(path);
    } catch (error) {
      yield inputError(path, `${path}: ${(error as Error).message}`, path);
      continue;
    }
    const decoded = decodeBuffer(bytes, encoding);
    if (decoded.ok)
      yield {
        kind: 'doc',
        id: path,
        text: decoded.text,
        extra: {},
        file: path,
        bytes: bytes.length,
        ...(decoded.warning ? { warning: `${path}: ${decoded.warning}` } : {}),
      };
    else yield inputError(path, `${path}: ${decoded.reason}`, path);
  }
}
