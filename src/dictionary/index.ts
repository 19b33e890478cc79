/**
 * zhtag/dictionary: load, check and edit dictionary files (`zhtag dict`), hot reload.
 * Published as the `zhtag/dictionary` subpath export (package.json "exports").
 */

export type { ExtendedCheckReport, ForcedTerm } from '../segment/forcing.js';
export { checkDictionariesWithForcing, findForcedTerms } from '../segment/forcing.js';
export type { CheckReport } from './check.js';
export { checkDictionaries } from './check.js';
export type { DictDiagnostic, DictMatch, LoadSpec } from './dictionary.js';
export { Dictionary } from './dictionary.js';
export type { AddResult, DictionarySet, DictionaryStats, ImportOptions, RemoveResult } from './edit.js';
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
} from './edit.js';
export type { DictEntry, LayerName, MatchMode, TermFields } from './entry.js';
export { LAYERS, POLICY_LEVELS, POLICY_TYPES } from './entry.js';
export type { Manifest, ManifestFile, ManifestLayer } from './manifest.js';
export { readManifest } from './manifest.js';
export { parseDictionary } from './parse.js';
export type { DictionaryWatch, WatchOptions } from './watch.js';
export { watchDictionaries } from './watch.js';
