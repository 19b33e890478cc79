import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliMessage, flagOf } from '../cli/common.js';
import {
  asZhtagError,
  ERRORS,
  type ErrorCode,
  errorBody,
  isErrorCode,
  ZhtagError,
  zhtagError,
} from '../src/errors.js';
import { NerModel } from '../src/ner/model.js';

describe('the error table', () => {
  const codes = Object.keys(ERRORS) as ErrorCode[];

  it('gives every code an HTTP error status, a message template and a summary', () => {
    // The codes are a stable contract: a new one is added here on purpose, none disappears silently.
    expect([...codes].sort()).toEqual([
      'E_BUSY',
      'E_DICT_CONFLICT',
      'E_DICT_NOT_FOUND',
      'E_DICT_PARSE',
      'E_ENGINE_UNAVAILABLE',
      'E_INPUT',
      'E_INTERNAL',
      'E_JSON',
      'E_MEDIA_TYPE',
      'E_MODEL',
      'E_NOT_FOUND',
      'E_REQUEST',
      'E_TIMEOUT',
      'E_TOO_LARGE',
      'E_UNAUTHORIZED',
      'E_USAGE',
    ]);
    for (const code of codes) {
      const { status, message, summary } = ERRORS[code];
      expect(code, code).toMatch(/^E_[A-Z_]+$/);
      expect(Number.isInteger(status) && status >= 400 && status <= 599, `${code} ${status}`).toBe(true);
      expect(message.length, code).toBeGreaterThan(0);
      expect(summary.length, code).toBeGreaterThan(0);
      expect(new ZhtagError(code, 'x').status).toBe(status);
    }
  });

  it('holds the library codes and every code the HTTP server answers with', () => {
    for (const code of ['E_INPUT', 'E_USAGE', 'E_DICT_PARSE', 'E_DICT_CONFLICT', 'E_DICT_NOT_FOUND']) {
      expect(isErrorCode(code), code).toBe(true);
    }
    const http: Record<string, number> = {
      E_JSON: 400,
      E_UNAUTHORIZED: 401,
      E_NOT_FOUND: 404,
      E_TOO_LARGE: 413,
      E_MEDIA_TYPE: 415,
      E_INTERNAL: 500,
      E_BUSY: 503,
      E_TIMEOUT: 504,
    };
    for (const [code, status] of Object.entries(http))
      expect(ERRORS[code as ErrorCode].status, code).toBe(status);
    expect(isErrorCode('E_NOPE')).toBe(false);
    expect(isErrorCode('toString')).toBe(false);
  });

  it('fills a template in order', () => {
    const error = zhtagError('E_TIMEOUT', 30000);
    expect(error).toBeInstanceOf(ZhtagError);
    expect(error.code).toBe('E_TIMEOUT');
    expect(error.message).toBe('request took longer than 30000 ms and was stopped');
    expect(zhtagError('E_BUSY', 7).message).toBe('server busy: 7 requests waiting; retry later');
  });

  it('files an exception zhtag did not expect as E_INTERNAL, and keeps a ZhtagError as it is', () => {
    const own = new ZhtagError('E_INPUT', 'a.jsonl:3: field "text" is required');
    expect(asZhtagError(own)).toBe(own);
    expect(errorBody(own, 'a.jsonl:3')).toEqual({
      code: 'E_INPUT',
      message: 'a.jsonl:3: a.jsonl:3: field "text" is required',
    });
    expect(errorBody(new TypeError('x is undefined'))).toEqual({
      code: 'E_INTERNAL',
      message: 'internal error: x is undefined',
    });
    expect(errorBody('thrown string', 'f.txt')).toEqual({
      code: 'E_INTERNAL',
      message: 'f.txt: internal error: thrown string',
    });
  });
});

describe('NER model files that cannot be used', () => {
  it('throws E_MODEL naming the file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zhtag-model-'));
    const missing = join(dir, 'none.bin.gz');
    expect(() => NerModel.load(missing)).toThrow(ZhtagError);
    expect(() => NerModel.load(missing)).toThrow(`NER model: ${missing}: no such file`);
    const garbage = join(dir, 'garbage.bin');
    writeFileSync(garbage, 'not a model at all');
    try {
      NerModel.load(garbage);
      expect.unreachable();
    } catch (error) {
      expect((error as ZhtagError).code).toBe('E_MODEL');
      expect((error as Error).message).toContain(`${garbage}: not a zhtag NER model`);
    }
  });
});

describe('the CLI names flags where the library names options', () => {
  it('maps option names to flags', () => {
    expect(flagOf('keepOriginal')).toBe('--keep-original');
    expect(flagOf('resume')).toBe('--resume');
    expect(flagOf('dicts')).toBe('--dict');
    expect(cliMessage('option "keepOriginal" only makes sense with option "clean"')).toBe(
      '--keep-original only makes sense with --clean',
    );
    expect(cliMessage('f.txt: invalid UTF-8 (set option "encoding" to gb18030)')).toBe(
      'f.txt: invalid UTF-8 (set --encoding to gb18030)',
    );
  });
});
