import { join, resolve } from 'node:path';
import { isZhtagError } from '../errors.js';
import { createNormalizer } from '../normalize.js';
import { dictionariesDir, packageRoot } from '../paths.js';
import { type DictDiagnostic, Dictionary } from './dictionary.js';
import { loadManifest } from './manifest.js';

/** The result of `checkDictionaries`: printable lines, a summary, and whether everything passed. */
export interface CheckReport {
  ok: boolean;
  errors: string[];
  diagnostics: DictDiagnostic[];
  lines: string[];
  summary: string;
}

/** Diagnostics that make a check fail; overrides and homonyms (same place name, two codes) are information. */
const FAILING: ReadonlySet<DictDiagnostic['kind']> = new Set(['duplicate', 'conflict', 'alias-conflict']);

/**
 * Validates dictionary files as user dictionaries on top of the shipped ones (or, with no files,
 * the shipped ones). Every file is read even when an earlier one fails, so one run lists all problems.
 */
export function checkDictionaries(
  files: string[],
  manifest = join(dictionariesDir(), 'manifest.json'),
): CheckReport {
  const dictionary = new Dictionary(createNormalizer());
  const errors: string[] = [];
  const attempt = (load: () => void) => {
    try {
      load();
    } catch (error) {
      if (!isZhtagError(error)) throw error;
      errors.push(`${error.code} ${error.message}`);
    }
  };
  attempt(() => loadManifest(dictionary, manifest, packageRoot()));
  const shipped = dictionary.diagnostics.length;
  for (const file of files) {
    attempt(() =>
      dictionary.loadFile(resolve(file), {
        layer: 'user',
        label: 'POLICY',
        mode: 'frozen',
        displayPath: file,
      }),
    );
  }
  const diagnostics = files.length > 0 ? dictionary.diagnostics.slice(shipped) : [...dictionary.diagnostics];
  const failing = diagnostics.filter((d) => FAILING.has(d.kind));
  const lines = [
    ...errors.map((e) => `error: ${e}`),
    ...diagnostics.map(
      (d) => `${FAILING.has(d.kind) ? 'error' : 'info'}: ${d.kind}: ${d.message} (${d.locations.join(', ')})`,
    ),
  ];
  const ok = errors.length === 0 && failing.length === 0;
  const { entries } = dictionary.size;
  const summary = `${ok ? 'ok' : 'FAILED'}: ${entries} entries, ${errors.length} errors, ${failing.length} duplicates/conflicts, ${diagnostics.length - failing.length} notes`;
  return { ok, errors, diagnostics, lines, summary };
}
