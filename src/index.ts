/**
 * zhtag: annotate Chinese government and political news.
 *
 * The root export is the pipeline, the document types and the errors. Corpora, dictionaries,
 * discovery, evaluation, exporters, keywords, reports and the HTTP server are subpath exports:
 * `zhtag/corpus`, `zhtag/dictionary`, `zhtag/discover`, `zhtag/eval`, `zhtag/export`,
 * `zhtag/keywords`, `zhtag/report`, `zhtag/server`. Everything else is internal.
 */

export type { EntityGuidelines } from './entities/guidelines.js';
export type { ErrorCode, ErrorLocation } from './errors.js';
export { ERRORS, isZhtagError, ZhtagError } from './errors.js';
export type { KeywordMethod, KeywordOptions } from './keywords/extract.js';
export type { Pipeline, PipelineOptions } from './pipeline.js';
export { createPipeline } from './pipeline.js';
export type { EngineName } from './segment/engines.js';
export { ENGINES, engineAvailable } from './segment/engines.js';
export type { Stage, StageName } from './stages/stage.js';
export { STAGE_NAMES } from './stages/stage.js';
export type {
  DivisionLevel,
  Doc,
  DocInput,
  Entity,
  Jurisdiction,
  Keyword,
  Label,
  NamedSpan,
  Official,
  Position,
  PositionEvent,
  Span,
  Token,
} from './types.js';
