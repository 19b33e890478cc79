/** Error codes raised by zhtag. Stable: callers and the HTTP server branch on them. */
export type ErrorCode =
  | 'E_DICT_PARSE'
  | 'E_DICT_CONFLICT'
  | 'E_DICT_NOT_FOUND'
  | 'E_ENGINE_UNAVAILABLE'
  | 'E_INPUT'
  | 'E_USAGE';

/** The one error class of zhtag: a code, a message that names file/line/field, and optional location. */
export class ZhtagError extends Error {
  readonly code: ErrorCode;
  readonly file?: string;
  readonly line?: number;

  constructor(code: ErrorCode, message: string, location: { file?: string; line?: number } = {}) {
    super(message);
    this.name = 'ZhtagError';
    this.code = code;
    if (location.file !== undefined) this.file = location.file;
    if (location.line !== undefined) this.line = location.line;
  }
}

export function isZhtagError(error: unknown): error is ZhtagError {
  return error instanceof ZhtagError;
}
