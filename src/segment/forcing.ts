import { join } from 'node:path';
import { type CheckReport, checkDictionaries } from '../dictionary/check.js';
import { Dictionary } from '../dictionary/dictionary.js';
import { dictionaryFiles } from '../dictionary/edit.js';
import { entryLocation } from '../dictionary/entry.js';
import { createNormalizer } from '../normalize.js';
import { dictionariesDir } from '../paths.js';
import { createEngine, type EngineName, type SegmentEngine } from './engines.js';

/** A frozen term the engine's core dictionary alone would cut into pieces. */
export interface ForcedTerm {
  term: string;
  /** The engine's pieces, e.g. ["怀川", "英才", "计划"]. */
  pieces: string[];
  location: string;
}

/**
 * The frozen terms (policy and user layers) that the engine's core dictionary would split. zhtag's own
 * matcher keeps them whole (policy-first segmentation), so they need no engine entry: this tells the
 * user which terms rely on that forcing.
 */
export function findForcedTerms(dictionary: Dictionary, engine: SegmentEngine): ForcedTerm[] {
  const normalizer = createNormalizer();
  const out: ForcedTerm[] = [];
  for (const entry of dictionary.entries()) {
    if (entry.mode !== 'frozen') continue;
    const pieces = engine.cut(normalizer.normalize(entry.term)).filter((piece) => piece.trim() !== '');
    if (pieces.length > 1) out.push({ term: entry.term, pieces, location: entryLocation(entry) });
  }
  return out;
}

/** `checkDictionaries` plus, as information, the terms that need forcing. */
export interface ExtendedCheckReport extends CheckReport {
  forced: ForcedTerm[];
}

/**
 * Checks dictionary files like `checkDictionaries` and lists, as `info: needs-forcing` lines, the
 * frozen terms of those files (or of the shipped ones when no file is given) that the engine splits.
 */
export function checkDictionariesWithForcing(
  files: string[],
  options: { manifest?: string; engine?: EngineName } = {},
): ExtendedCheckReport {
  const manifest = options.manifest ?? join(dictionariesDir(), 'manifest.json');
  const report = checkDictionaries(files, manifest);
  if (report.errors.length > 0) return { ...report, forced: [] };
  const dictionary = new Dictionary(createNormalizer());
  const refs =
    files.length > 0 ? dictionaryFiles({ manifest: false, dicts: files }) : dictionaryFiles({ manifest });
  for (const ref of refs) dictionary.loadFile(ref.path, ref.spec);
  const forced = findForcedTerms(dictionary, createEngine(options.engine ?? 'node-rs'));
  const lines = [
    ...report.lines,
    ...forced.map(
      (f) =>
        `info: needs-forcing: "${f.term}" would be cut by the engine as ${f.pieces.join(' / ')}; the loader keeps it whole (${f.location})`,
    ),
  ];
  const summary = `${report.summary}, ${forced.length} terms kept whole by forcing`;
  return { ...report, lines, summary, forced };
}
