/**
 * zhtag: annotate Chinese government and political news.
 * This file is the whole public API; everything else is internal.
 */

export type { CleanOptions, CleanResult, OffsetSegment } from './clean/clean.js';
export { BOILERPLATE_PATTERNS, cleanText, toOriginalSpan } from './clean/clean.js';
export { NODE_FLAGS } from './corpus/node-flags.js';
export type { CorpusProgress } from './corpus/progress.js';
export { progressLine, summaryLine } from './corpus/progress.js';
export type { CorpusOptions, CorpusSummary } from './corpus/runner.js';
export { annotateCorpus } from './corpus/runner.js';
export type { CheckReport } from './dictionary/check.js';
export { checkDictionaries } from './dictionary/check.js';
export type { DictDiagnostic, DictMatch, LoadSpec } from './dictionary/dictionary.js';
export { Dictionary } from './dictionary/dictionary.js';
export type {
  AddResult,
  DictionarySet,
  DictionaryStats,
  ImportOptions,
  RemoveResult,
} from './dictionary/edit.js';
export {
  addTerm,
  addTerms,
  DEFAULT_COLUMNS,
  dictionaryFiles,
  dictionaryStats,
  importCandidates,
  listTerms,
  loadDictionarySet,
  removeTerm,
} from './dictionary/edit.js';
export type { DictEntry, LayerName, MatchMode, TermFields } from './dictionary/entry.js';
export { LAYERS, POLICY_LEVELS, POLICY_TYPES } from './dictionary/entry.js';
export type { ExtendedCheckReport, ForcedTerm } from './dictionary/forcing.js';
export { checkDictionariesWithForcing, findForcedTerms } from './dictionary/forcing.js';
export type { Manifest, ManifestFile, ManifestLayer } from './dictionary/manifest.js';
export { readManifest } from './dictionary/manifest.js';
export { parseDictionary } from './dictionary/parse.js';
export type { DictionaryWatch, WatchOptions } from './dictionary/watch.js';
export { watchDictionaries } from './dictionary/watch.js';
export type { DiscoverDocument } from './discover/corpus.js';
export type { Candidate, CandidateSignals, DiscoverOptions } from './discover/discover.js';
export { CANDIDATE_COLUMNS, candidatesToTsv, discoverTerms } from './discover/discover.js';
export type { EvaluateOptions, NerEvaluation } from './entities/evaluate.js';
export { evaluateNer, formatEvaluation, scoredNames } from './entities/evaluate.js';
export type { Jurisdiction, Official } from './entities/officials.js';
export type { EntityGuidelines } from './entities/recognize.js';
export type { ErrorCode, ErrorLocation } from './errors.js';
export { ERRORS, isZhtagError, ZhtagError } from './errors.js';
export { bratConf, bratName, toBratAnn } from './export/brat.js';
export type { ConllDoc, ConllToken } from './export/conll.js';
export { bioTags, readConll, toConll } from './export/conll.js';
export type { DoccanoRecord } from './export/doccano.js';
export { toDoccano } from './export/doccano.js';
export type {
  DirectoryExporter,
  Exporter,
  ExportFile,
  ExportFormat,
  ExportOptions,
  StreamExporter,
} from './export/exporter.js';
export { EXPORT_FORMATS } from './export/exporter.js';
export { highlight } from './export/html.js';
export { createExporter } from './export/index.js';
export type { LabelStudioResult, LabelStudioTask } from './export/label-studio.js';
export { labelStudioConfig, toLabelStudio } from './export/label-studio.js';
export type { OffsetUnit } from './export/offsets.js';
export { codePointOffsets, sliceCodePoints } from './export/offsets.js';
export type { DecodeResult } from './io/decode.js';
export { decodeBuffer } from './io/decode.js';
export type {
  InputDocument,
  InputError,
  InputFormat,
  InputRecord,
  InputSource,
  ReadOptions,
} from './io/input.js';
export { expandInputs, parseJsonlLine, readDocuments, readSources } from './io/input.js';
export type { CorpusEntity, CorpusKeywordSummary, CorpusTerm } from './keywords/corpus.js';
export { CorpusKeywords, idfWords } from './keywords/corpus.js';
export type { KeywordMethod, KeywordOptions, KeywordResources } from './keywords/extract.js';
export { DEFAULT_ALLOW_POS, KEYWORD_METHODS, KeywordExtractor } from './keywords/extract.js';
export type { BuildIdfOptions } from './keywords/idf.js';
export { buildIdf, bundledIdfPath, DocumentFrequencies, IdfTable } from './keywords/idf.js';
export { loadStopWords, shippedStopWordsPath } from './keywords/stopwords.js';
export type { PipelineOptions } from './pipeline.js';
export { createPipeline, Pipeline } from './pipeline.js';
export type { CorpusReport, OfficialTally, PlaceTally, ReportOptions, Tally } from './report/aggregate.js';
export { buildReport, ReportBuilder } from './report/aggregate.js';
export { renderReportHtml } from './report/html.js';
export { barChart } from './report/svg.js';
export type { EngineName } from './segment/engines.js';
export { ENGINES, engineAvailable } from './segment/engines.js';
export type { DictionariesReport } from './server/dictionaries.js';
export type { ServerOptions } from './server/server.js';
export { createServer } from './server/server.js';
export type { Doc, DocInput, Entity, Keyword, Label, Span, Token } from './types.js';
