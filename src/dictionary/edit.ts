import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ZhtagError } from '../errors.js';
import { createNormalizer } from '../normalize.js';
import { dictionariesDir, packageRoot } from '../paths.js';
import type { Label } from '../types.js';
import { type DictDiagnostic, Dictionary, type LoadSpec } from './dictionary.js';
import type { DictEntry, TermFields } from './entry.js';
import { type ManifestFileRef, manifestFiles } from './manifest.js';
import { parseDictionary } from './parse.js';
import { checkTermFields, labelOfPos } from './validate.js';

/**
 * Editing dictionary files in place: add, remove, import. Every edit keeps the file's comments, blank
 * lines and other entries byte for byte, and is validated by the loader itself before it is written.
 */

/** The dictionaries an edit is checked against: the shipped ones (or another manifest) and user files. */
export interface DictionarySet {
  /** Manifest of the shipped dictionaries, or `false` for none (default: `dictionaries/manifest.json`). */
  manifest?: string | false;
  /** User dictionary files, loaded after the manifest's. */
  dicts?: string[];
}

/** Default columns of a new TSV dictionary file. */
export const DEFAULT_COLUMNS = ['term', 'type', 'level', 'region', 'aliases', 'gloss', 'source'];

/** Failing diagnostics: the ones `dict check` reports as errors. */
const FAILING = new Set<DictDiagnostic['kind']>(['duplicate', 'conflict', 'alias-conflict']);

type FileRef = ManifestFileRef;

const manifestPathOf = (set: DictionarySet): string | false =>
  set.manifest === false ? false : (set.manifest ?? join(dictionariesDir(), 'manifest.json'));

/** Every file of a dictionary set in load order, with how the loader reads it. */
export function dictionaryFiles(set: DictionarySet = {}): FileRef[] {
  const manifestPath = manifestPathOf(set);
  const out: FileRef[] = manifestPath === false ? [] : manifestFiles(manifestPath, packageRoot());
  for (const file of set.dicts ?? []) {
    out.push({
      path: resolve(file),
      spec: { layer: 'user', label: 'POLICY', mode: 'frozen', displayPath: file },
    });
  }
  return out;
}

/**
 * Loads a dictionary set; `replace` gives the new content of one file (loaded in its place, or as a
 * user file after the others when it is not in the set). Returns the dictionary and the spec used.
 */
function loadSet(set: DictionarySet, replace?: { path: string; content: string; display: string }) {
  const dictionary = new Dictionary(createNormalizer());
  let replaced: LoadSpec | undefined;
  for (const ref of dictionaryFiles(set)) {
    if (replace && ref.path === resolve(replace.path)) {
      replaced = { ...ref.spec, displayPath: replace.display };
      dictionary.loadText(replace.content, replaced);
    } else if (existsSync(ref.path) || !replace) dictionary.loadFile(ref.path, ref.spec);
  }
  if (replace && !replaced) {
    replaced = { layer: 'user', label: 'POLICY', mode: 'frozen', displayPath: replace.display };
    dictionary.loadText(replace.content, replaced);
  }
  return { dictionary, spec: replaced };
}

/** Loads a dictionary set into a fresh `Dictionary` (no engine, no models: for tools and discovery). */
export function loadDictionarySet(set: DictionarySet = {}): Dictionary {
  return loadSet(set).dictionary;
}

/** The entries of a dictionary set, optionally only those of one type or matching a substring. */
export function listTerms(
  set: DictionarySet = {},
  filter: { type?: string; grep?: string } = {},
): DictEntry[] {
  const { dictionary } = loadSet(set);
  return dictionary.entries().filter((entry) => {
    if (filter.type !== undefined && entry.type !== filter.type) return false;
    if (filter.grep === undefined) return true;
    const needle = filter.grep;
    return [entry.term, ...entry.aliases, entry.gloss ?? ''].some((text) => text.includes(needle));
  });
}

/** Counts of a dictionary set: entries by file, layer, label, type and level. */
export interface DictionaryStats {
  entries: number;
  forms: number;
  byFile: Record<string, number>;
  byLayer: Record<string, number>;
  byLabel: Record<string, number>;
  byType: Record<string, number>;
  byLevel: Record<string, number>;
  diagnostics: Record<string, number>;
}

export function dictionaryStats(set: DictionarySet = {}): DictionaryStats {
  const { dictionary } = loadSet(set);
  const count = (into: Record<string, number>, key: string) => {
    into[key] = (into[key] ?? 0) + 1;
  };
  const stats: DictionaryStats = {
    entries: 0,
    forms: dictionary.size.frozenForms + dictionary.size.softForms,
    byFile: {},
    byLayer: {},
    byLabel: {},
    byType: {},
    byLevel: {},
    diagnostics: {},
  };
  for (const entry of dictionary.entries()) {
    stats.entries++;
    count(stats.byFile, entry.file);
    count(stats.byLayer, entry.layer);
    count(stats.byLabel, entry.label);
    if (entry.label === 'POLICY') {
      count(stats.byType, entry.type);
      count(stats.byLevel, entry.level ?? '-');
    }
  }
  for (const d of dictionary.diagnostics) count(stats.diagnostics, d.kind);
  return stats;
}

/** What an add or import wrote. */
export interface AddResult {
  file: string;
  /** 1-based line numbers of the new lines. */
  lines: number[];
  created: boolean;
  /** Information the loader gave about the new lines (overrides of lower layers). */
  notes: string[];
  /** Terms left out (import): already listed, or known elsewhere. */
  skipped: string[];
}

function checkFields(fields: TermFields, label: Label): void {
  checkTermFields(fields, (label === 'POLICY' ? labelOfPos(fields.pos) : undefined) ?? label);
}

/** One entry as a line of a file with the given header (TSV) or as a jieba line. */
function formatLine(fields: TermFields, header: string[] | undefined, file: string): string {
  if (header === undefined) {
    return [fields.term, fields.freq, fields.pos].filter((x) => x !== undefined).join(' ');
  }
  const values: Record<string, string | undefined> = {
    term: fields.term,
    type: fields.type,
    level: fields.level,
    region: fields.region,
    aliases: fields.aliases && fields.aliases.length > 0 ? fields.aliases.join('|') : undefined,
    gloss: fields.gloss,
    source: fields.source,
    pos: fields.pos,
    freq: fields.freq === undefined ? undefined : String(fields.freq),
    ...fields.attrs,
  };
  for (const [name, value] of Object.entries(values)) {
    if (value !== undefined && value !== '' && !header.includes(name))
      throw new ZhtagError('E_INPUT', `${file}: has no column "${name}" (columns: ${header.join(', ')})`);
  }
  return header.map((name) => values[name] ?? '').join('\t');
}

/** The header of a dictionary file's content, or undefined for jieba-format files. */
function headerOf(content: string): string[] | undefined {
  const first = content
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .find((line) => line.trim() !== '' && !line.startsWith('#'));
  if (first === undefined) return undefined;
  const cells = first.split('\t').map((c) => c.trim());
  return cells[0] === 'term' ? cells : undefined;
}

/**
 * Appends entries to a dictionary file (created with `DEFAULT_COLUMNS` when missing) after checking the
 * result as the loader would: format errors name file:line, and a duplicate, a conflicting type/level
 * or an alias claimed by another term anywhere in the dictionary set refuses the edit (E_DICT_CONFLICT).
 */
export function addTerms(file: string, entries: TermFields[], set: DictionarySet = {}): AddResult {
  const exists = existsSync(file);
  const original = exists ? readFileSync(file, 'utf8') : '';
  const fresh = original.trim() === '';
  const header = fresh ? DEFAULT_COLUMNS : headerOf(original);
  const label = dictionaryFiles(set).find((ref) => ref.path === resolve(file))?.spec.label ?? 'POLICY';
  const lines: string[] = [];
  for (const fields of entries) {
    checkFields(fields, label);
    lines.push(formatLine(fields, header, file));
  }
  let prefix = fresh ? `${DEFAULT_COLUMNS.join('\t')}\n` : original;
  if (prefix !== '' && !prefix.endsWith('\n')) prefix += '\n';
  const content = `${prefix}${lines.join('\n')}\n`;
  const firstNew = prefix.split('\n').length;
  const newLines = lines.map((_, i) => firstNew + i);
  const display = file;
  // The loader's own parse: throws E_DICT_PARSE naming file:line on any bad line.
  parseDictionary(content, display);
  const { dictionary } = loadSet(set, { path: file, content, display });
  const mine = new Set(newLines.map((line) => `${display}:${line}`));
  const relevant = dictionary.diagnostics.filter((d) => d.locations.some((location) => mine.has(location)));
  const failing = relevant.filter((d) => FAILING.has(d.kind));
  if (failing.length > 0) {
    const first = failing[0] as DictDiagnostic;
    throw new ZhtagError(
      'E_DICT_CONFLICT',
      `${first.kind}: ${first.message} (${first.locations.join(', ')})${failing.length > 1 ? ` and ${failing.length - 1} more` : ''}`,
      { file, line: newLines[0] ?? 0 },
    );
  }
  writeFileSync(file, content);
  return {
    file,
    lines: newLines,
    created: !exists || fresh,
    notes: relevant.map((d) => `${d.kind}: ${d.message} (${d.locations.join(', ')})`),
    skipped: [],
  };
}

/** Adds one term; see `addTerms`. */
export function addTerm(file: string, fields: TermFields, set: DictionarySet = {}): AddResult {
  return addTerms(file, [fields], set);
}

/** Where a removal took lines out. */
export interface RemoveResult {
  file: string;
  lines: number[];
}

/**
 * Removes the lines whose term is `term` from one file, or (no file) from every file of the set that
 * lists it, except the package's own dictionaries, edited only when named as `file` (E_USAGE
 * otherwise). Other lines, comments included, stay as they are. Throws E_INPUT when no file lists it.
 */
export function removeTerm(term: string, options: DictionarySet & { file?: string } = {}): RemoveResult[] {
  // Without a file, the files of the set are searched, but the package's own dictionaries are never
  // edited unless named: an update of zhtag would silently restore them, or a typo lose a shipped term.
  const shippedDir = `${resolve(dictionariesDir())}/`;
  const isShipped = (path: string) => resolve(path).startsWith(shippedDir);
  const files =
    options.file !== undefined
      ? [options.file]
      : dictionaryFiles(options)
          .map((ref) => ref.path)
          .filter((path) => !isShipped(path));
  const results: RemoveResult[] = [];
  for (const file of files) {
    if (!existsSync(file)) {
      if (options.file !== undefined)
        throw new ZhtagError('E_DICT_NOT_FOUND', `${file}: no such file`, { file });
      continue;
    }
    const content = readFileSync(file, 'utf8');
    const { lines: parsed } = parseDictionary(content, file);
    const drop = new Set(parsed.filter((p) => p.fields.term === term).map((p) => p.line));
    if (drop.size === 0) continue;
    const kept = content.split('\n').filter((_, i) => !drop.has(i + 1));
    writeFileSync(file, kept.join('\n'));
    results.push({ file, lines: [...drop] });
  }
  if (results.length === 0) {
    if (options.file !== undefined)
      throw new ZhtagError('E_INPUT', `"${term}" is not a term of ${options.file}`);
    const shipped = dictionaryFiles(options)
      .filter((ref) => isShipped(ref.path) && existsSync(ref.path))
      .filter((ref) =>
        parseDictionary(readFileSync(ref.path, 'utf8'), ref.path).lines.some((p) => p.fields.term === term),
      )
      .map((ref) => ref.spec.displayPath ?? ref.path);
    if (shipped.length > 0)
      throw new ZhtagError(
        'E_USAGE',
        `"${term}" is in the shipped ${shipped.join(', ')}: zhtag edits a shipped dictionary only when it is named with --file`,
      );
    throw new ZhtagError('E_INPUT', `"${term}" is not a term of the dictionaries`);
  }
  return results;
}

/** Options of `importCandidates`: defaults for fields the candidates file does not give. */
export interface ImportOptions extends DictionarySet {
  level?: string;
  region?: string;
  source?: string;
}

/**
 * Appends the rows of a candidates file (`zhtag dict discover` output, after review) to a dictionary
 * file. Rows marked `known` = yes, and terms the dictionary set or the file already has, are skipped.
 */
export function importCandidates(
  candidatesFile: string,
  file: string,
  options: ImportOptions = {},
): AddResult {
  const { lines } = parseDictionary(readFileSync(candidatesFile, 'utf8'), candidatesFile);
  const existing = loadSet({
    ...options,
    dicts: [...(options.dicts ?? []), ...(existsSync(file) ? [file] : [])],
  }).dictionary;
  const skipped: string[] = [];
  const entries: TermFields[] = [];
  const seen = new Set<string>();
  for (const { fields } of lines) {
    if (
      fields.attrs?.known === 'yes' ||
      existing.lookup(fields.term) !== undefined ||
      seen.has(fields.term)
    ) {
      skipped.push(fields.term);
      continue;
    }
    seen.add(fields.term);
    const entry: TermFields = { term: fields.term, type: fields.type ?? 'other' };
    const level = fields.level ?? options.level;
    const region = fields.region ?? options.region;
    const source = fields.source ?? options.source;
    if (level !== undefined) entry.level = level;
    if (region !== undefined) entry.region = region;
    if (source !== undefined) entry.source = source;
    if (fields.gloss !== undefined) entry.gloss = fields.gloss;
    if (fields.aliases !== undefined) entry.aliases = fields.aliases;
    entries.push(entry);
  }
  if (entries.length === 0) {
    return { file, lines: [], created: false, notes: [], skipped };
  }
  return { ...addTerms(file, entries, options), skipped };
}
