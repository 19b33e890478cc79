/**
 * zhtag/keywords: keyword extraction on its own, corpus summaries and IDF tables.
 * Published as the `zhtag/keywords` subpath export (package.json "exports").
 */
export type { CorpusEntity, CorpusKeywordSummary, CorpusTerm } from './corpus.js';
export { CorpusKeywords, idfWords } from './corpus.js';
export type { KeywordMethod, KeywordOptions, KeywordResources } from './extract.js';
export { DEFAULT_ALLOW_POS, KEYWORD_METHODS, KeywordExtractor } from './extract.js';
export type { BuildIdfOptions } from './idf.js';
export { buildIdf, bundledIdfPath, DocumentFrequencies, IdfTable } from './idf.js';
export { loadStopWords, shippedStopWordsPath } from './stopwords.js';
