import { format } from 'node:util';

/**
 * Every error zhtag raises: its code, the HTTP status `zhtag serve` answers it with, and its message
 * template (`%s` filled in order by `zhtagError`). A template of only `%s` means the message is
 * written where the error is raised, because it names what only that place knows (file and line,
 * field, option). Codes are stable: callers and clients branch on them.
 *
 * Messages name options as the library spells them, `option "keepOriginal"`; the CLI prints them as
 * its flags (`--keep-original`, see `cliMessage` in cli/common.ts).
 */
export const ERRORS = {
  // Library: inputs, options, dictionaries, engines, models.
  E_INPUT: { status: 400, message: '%s', summary: 'a document, a field or an input file is invalid' },
  E_USAGE: {
    status: 400,
    message: '%s',
    summary: 'options that are missing, out of range or do not fit together',
  },
  E_DICT_PARSE: { status: 400, message: '%s', summary: 'a dictionary line or a term field is malformed' },
  E_DICT_CONFLICT: {
    status: 409,
    message: '%s',
    summary: 'a term clashes with an entry of the loaded dictionaries',
  },
  E_DICT_NOT_FOUND: {
    status: 400,
    message: '%s',
    summary: 'a dictionary, manifest or resource file is missing',
  },
  E_ENGINE_UNAVAILABLE: { status: 500, message: '%s', summary: 'the segmentation engine is not installed' },
  E_MODEL: {
    status: 500,
    message: 'NER model: %s',
    summary: 'the NER model file is missing or cannot be used',
  },
  E_INTERNAL: {
    status: 500,
    message: 'internal error: %s',
    summary: 'a bug: an exception zhtag did not expect',
  },
  // HTTP: the server's answers to requests it cannot serve.
  E_JSON: { status: 400, message: 'body is not valid JSON: %s', summary: 'the body is not a JSON object' },
  E_REQUEST: { status: 400, message: '%s', summary: 'a request the HTTP layer refuses' },
  E_UNAUTHORIZED: {
    status: 401,
    message: 'this endpoint needs the header "Authorization: Bearer <token>"',
    summary: 'a token is required',
  },
  E_NOT_FOUND: { status: 404, message: '%s', summary: 'no such route or user term' },
  E_TOO_LARGE: {
    status: 413,
    message: 'request body is larger than %s bytes',
    summary: 'the body is too large',
  },
  E_MEDIA_TYPE: {
    status: 415,
    message: 'send the body as Content-Type: application/json',
    summary: 'the body is not JSON',
  },
  E_BUSY: {
    status: 503,
    message: 'server busy: %s requests waiting; retry later',
    summary: 'the queue of requests is full',
  },
  E_TIMEOUT: {
    status: 504,
    message: 'request took longer than %s ms and was stopped',
    summary: 'the tagging took longer than the time limit',
  },
} as const satisfies Record<string, { status: number; message: string; summary: string }>;

/** Error codes raised by zhtag (the keys of `ERRORS`). */
export type ErrorCode = keyof typeof ERRORS;

/** Where an error comes from, when it comes from a file. */
export interface ErrorLocation {
  file?: string;
  line?: number;
}

/** The one error class of zhtag: a code, a message that names file/line/field, and optional location. */
export class ZhtagError extends Error {
  readonly code: ErrorCode;
  readonly file?: string;
  readonly line?: number;

  /** `message` is the whole message (see `zhtagError` to fill the code's template instead). */
  constructor(code: ErrorCode, message: string, location: ErrorLocation = {}) {
    super(message);
    this.name = 'ZhtagError';
    this.code = code;
    if (location.file !== undefined) this.file = location.file;
    if (location.line !== undefined) this.line = location.line;
  }

  /** The HTTP status of the code. */
  get status(): number {
    return ERRORS[this.code].status;
  }
}

/** A `ZhtagError` whose message is the code's template filled with `args`. */
export function zhtagError(code: ErrorCode, ...args: (string | number)[]): ZhtagError {
  return new ZhtagError(code, format(ERRORS[code].message, ...args));
}

export function isZhtagError(error: unknown): error is ZhtagError {
  return error instanceof ZhtagError;
}

export function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && Object.hasOwn(ERRORS, code);
}

/**
 * Any thrown value as a ZhtagError: itself when it is one, else `E_INTERNAL` with its message (an
 * exception zhtag did not expect is a bug, never the input's fault).
 */
export function asZhtagError(error: unknown): ZhtagError {
  if (isZhtagError(error)) return error;
  return zhtagError('E_INTERNAL', error instanceof Error ? error.message : String(error));
}

/**
 * The `error` field of an error record for a document that failed: the error's code and message, or
 * `E_INTERNAL` for an exception zhtag did not expect. `where` (file:line, say) prefixes the message.
 */
export function errorBody(error: unknown, where?: string): { code: ErrorCode; message: string } {
  const failure = asZhtagError(error);
  return {
    code: failure.code,
    message: where === undefined ? failure.message : `${where}: ${failure.message}`,
  };
}
