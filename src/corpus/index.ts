/**
 * zhtag/corpus: annotate whole corpora (`zhtag annotate`), read inputs (files, directories, globs,
 * JSONL, GB18030), clean scraped text.
 * Published as the `zhtag/corpus` subpath export (package.json "exports").
 */
export type { CleanOptions, CleanResult, OffsetSegment } from '../clean/clean.js';
export { BOILERPLATE_PATTERNS, cleanText, toOriginalSpan } from '../clean/clean.js';
export type { DecodeResult } from '../io/decode.js';
export { decodeBuffer } from '../io/decode.js';
export type {
  InputDocument,
  InputError,
  InputFormat,
  InputRecord,
  InputSource,
  ReadOptions,
} from '../io/input.js';
export { expandInputs, parseJsonlLine, readDocuments, readSources } from '../io/input.js';
export { NODE_FLAGS } from './node-flags.js';
export type { CorpusProgress } from './progress.js';
export { progressLine, summaryLine } from './progress.js';
export type { CorpusOptions, CorpusSummary } from './runner.js';
export { annotateCorpus } from './runner.js';
