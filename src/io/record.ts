/** What the readers yield: documents and error records (types shared by input.ts and check.ts). */
import type { ErrorCode } from '../errors.js';

/** A document read from input: text plus any extra JSONL fields, which are carried to the output. */
export interface InputDocument {
  kind: 'doc';
  id: string;
  text: string;
  extra: Record<string, unknown>;
  /** Where it came from (a JSONL document also has its line), for error messages. */
  file?: string;
  line?: number;
  /** Size of its source in bytes (progress estimates). */
  bytes?: number;
  /** What decoding had to repair (a few invalid UTF-8 sequences), naming file and line. */
  warning?: string;
}

/** An input that could not become a document; it still yields one output record. */
export interface InputError {
  kind: 'error';
  id: string;
  error: { code: ErrorCode; message: string; file?: string; line?: number };
}

export type InputRecord = InputDocument | InputError;
