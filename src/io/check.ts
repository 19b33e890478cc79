import type { InputDocument, InputError, InputRecord } from './record.js';

/**
 * The checks every input record passes before it may reach a worker thread: a record that fails one
 * becomes an error record naming file and line, and is never posted to a worker (a value nested
 * thousands deep overflows the structured clone of `postMessage`).
 */
export const INPUT_LIMITS = {
  /** Deepest nesting of objects and arrays in a record's extra fields. */
  maxDepth: 100,
  /** Longest text, in UTF-16 code units (a longer document should be split). */
  maxTextLength: 16 * 1024 * 1024,
  /** Most characters of strings and keys in a record's extra fields altogether. */
  maxExtraLength: 1024 * 1024,
  /** Longest id, in UTF-16 code units. */
  maxIdLength: 1024,
} as const;

/** The first problem of a value nested in extra fields: too deep or too large (walked without recursion). */
function extraProblem(extra: Record<string, unknown>): string | undefined {
  const stack: Array<{ value: unknown; depth: number; path: string }> = [];
  for (const [key, value] of Object.entries(extra)) stack.push({ value, depth: 1, path: key });
  let size = 0;
  while (stack.length > 0) {
    const { value, depth, path } = stack.pop() as { value: unknown; depth: number; path: string };
    if (typeof value === 'string') size += value.length;
    if (typeof value !== 'object' || value === null) continue;
    if (depth > INPUT_LIMITS.maxDepth)
      return `field "${path.split('.')[0]}" is nested more than ${INPUT_LIMITS.maxDepth} levels deep`;
    for (const [key, child] of Object.entries(value)) {
      size += key.length;
      stack.push({ value: child, depth: depth + 1, path: `${path}.${key}` });
    }
    if (size > INPUT_LIMITS.maxExtraLength) break;
  }
  if (size > INPUT_LIMITS.maxExtraLength)
    return `extra fields hold more than ${INPUT_LIMITS.maxExtraLength} characters`;
  return undefined;
}

/** A control character or a lone surrogate (with the `u` flag, a pair is one code point, not Cs). */
const BAD_ID_CHARACTER = /[\p{Cc}\p{Cs}]/u;

/** Why an id cannot name a record, or undefined. */
export function idProblem(id: string): string | undefined {
  if (id === '') return 'field "id" is empty';
  if (id.length > INPUT_LIMITS.maxIdLength)
    return `field "id" is longer than ${INPUT_LIMITS.maxIdLength} characters`;
  if (BAD_ID_CHARACTER.test(id)) return 'field "id" holds a control character or a lone surrogate';
  return undefined;
}

/** Where a document came from, as messages name it: `file:line`, the file, or the id. */
export function whereOf(record: InputDocument): string {
  return record.line !== undefined ? `${record.file}:${record.line}` : (record.file ?? record.id);
}

/**
 * Checks the records of one run, in input order. It remembers the ids seen: a later document with an
 * id already used becomes an error record (id `ID#2`, `ID#3`, ...) naming both places, so no output
 * record is ever written twice under one id (`--resume` and brat's file names rely on it).
 */
export class RecordChecker {
  private readonly seen = new Map<string, { where: string; count: number }>();

  check(record: InputRecord): InputRecord {
    if (record.kind === 'error') {
      const earlier = this.seen.get(record.id);
      if (!earlier) return this.claimed(record);
      earlier.count++;
      return this.claimed({ ...record, id: `${record.id}#${earlier.count}` });
    }
    const where = whereOf(record);
    const fail = (message: string, id: string): InputError => {
      const error: InputError['error'] = { code: 'E_INPUT', message: `${where}: ${message}` };
      if (record.file !== undefined) error.file = record.file;
      if (record.line !== undefined) error.line = record.line;
      return { kind: 'error', id, error };
    };
    const fallbackId = record.line !== undefined ? where : `${where}#bad-id`;
    const badId = idProblem(record.id);
    if (badId) return this.claimed(fail(badId, fallbackId));
    const first = this.seen.get(record.id);
    if (first) {
      first.count++;
      return this.claimed(
        fail(
          `duplicate id "${record.id}" (first at ${first.where}); not annotated`,
          `${record.id}#${first.count}`,
        ),
      );
    }
    this.claim(record.id, where);
    if (record.text.length > INPUT_LIMITS.maxTextLength)
      return fail(
        `text is longer than ${INPUT_LIMITS.maxTextLength} characters (${record.text.length}); split it`,
        record.id,
      );
    const extra = extraProblem(record.extra);
    if (extra) return fail(extra, record.id);
    return record;
  }

  private claimed(record: InputError): InputError {
    const { file, line } = record.error;
    this.claim(record.id, file === undefined ? record.id : line === undefined ? file : `${file}:${line}`);
    return record;
  }

  private claim(id: string, where: string): void {
    if (!this.seen.has(id)) this.seen.set(id, { where, count: 1 });
  }
}
