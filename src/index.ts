/**
 * zhtag: annotate Chinese government and political news.
 * This file is the whole public API; everything else is internal.
 */

export type { CheckReport } from './dictionary/check.js';
export { checkDictionaries } from './dictionary/check.js';
export type { DictDiagnostic, DictMatch, LoadSpec } from './dictionary/dictionary.js';
export { Dictionary } from './dictionary/dictionary.js';
export type { DictEntry, LayerName, MatchMode, TermFields } from './dictionary/entry.js';
export { LAYERS, POLICY_LEVELS, POLICY_TYPES } from './dictionary/entry.js';
export type { Manifest, ManifestFile, ManifestLayer } from './dictionary/manifest.js';
export { readManifest } from './dictionary/manifest.js';
export { parseDictionary } from './dictionary/parse.js';
export type { ErrorCode } from './errors.js';
export { isZhtagError, ZhtagError } from './errors.js';
export type { InputDocument, InputError, InputFormat, InputRecord, ReadOptions } from './io/input.js';
export { parseJsonlLine, readDocuments } from './io/input.js';
export type { PipelineOptions } from './pipeline.js';
export { createPipeline, Pipeline } from './pipeline.js';
export type { EngineName } from './segment/engines.js';
export { ENGINES, engineAvailable } from './segment/engines.js';
export type { Doc, DocInput, Entity, Keyword, Label, Span, Token } from './types.js';
