import { readFileSync } from 'node:fs';
import { ZhtagError } from '../errors.js';
import type { Normalizer } from '../normalize.js';
import type { Label } from '../types.js';
import {
  type DictEntry,
  entryLocation,
  LAYERS,
  type LayerName,
  type MatchMode,
  type TermFields,
} from './entry.js';
import { parseDictionary } from './parse.js';
import { type FormMatch, Trie } from './trie.js';
import { checkTermFields, labelOfPos, termFieldsProblem } from './validate.js';

/** A problem found across entries: reported, never merged silently. */
export interface DictDiagnostic {
  kind: 'duplicate' | 'conflict' | 'alias-conflict' | 'override' | 'homonym';
  term: string;
  message: string;
  /** `file:line` of every entry involved, lowest layer first. */
  locations: string[];
}

/** How one file's entries are loaded. */
export interface LoadSpec {
  layer: LayerName;
  label: Label;
  mode: MatchMode;
  /** POS tag for entries that give none. */
  pos?: string;
  /** Type for entries that give none. */
  type?: string;
  /** The path to show in `source` and messages (default: the path read). */
  displayPath?: string;
}

/** A dictionary form found in a text, with the entry that wins it. */
export interface DictMatch extends FormMatch {
  entry: DictEntry;
}

interface Claim {
  entry: DictEntry;
  isAlias: boolean;
  order: number;
}

const layerRank = (layer: LayerName): number => LAYERS.indexOf(layer);

/**
 * The layered dictionary of one pipeline: every entry with its layer and `file:line`, a trie of the
 * normalized forms (terms and aliases), and the diagnostics found while loading.
 * Winner for a form: the highest layer, then a canonical term over an alias, then the first loaded.
 */
export class Dictionary {
  readonly diagnostics: DictDiagnostic[] = [];
  private readonly claims = new Map<string, Claim[]>();
  private readonly frozen = new Trie();
  private readonly soft = new Trie();
  /** Result buffer of `softJoins`. */
  private joinMarks = new Uint8Array(1024);
  private order = 0;
  private runtimeLine = 0;

  constructor(private readonly normalizer: Normalizer) {}

  /** Loads one file; throws `E_DICT_NOT_FOUND` or `E_DICT_PARSE` (naming file:line). Returns entries added. */
  loadFile(path: string, spec: LoadSpec): number {
    const display = spec.displayPath ?? path;
    let content: string;
    try {
      content = readFileSync(path, 'utf8');
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : String(error);
      throw new ZhtagError('E_DICT_NOT_FOUND', `${display}: ${reason}`, { file: display });
    }
    return this.loadText(content, { ...spec, displayPath: display });
  }

  /** Loads dictionary text (TSV with header, or jieba lines) as if read from `spec.displayPath`. */
  loadText(content: string, spec: LoadSpec): number {
    const file = spec.displayPath ?? 'inline';
    const { lines } = parseDictionary(content, file);
    const entries = lines.map(({ fields, line }) => {
      const entry = this.makeEntry(fields, spec, file, line);
      const problem = termFieldsProblem(fields, entry.label);
      if (problem)
        throw new ZhtagError('E_DICT_PARSE', `${file}:${line}: column ${problem.field}: ${problem.message}`, {
          file,
          line,
        });
      return entry;
    });
    // A file loads whole or not at all.
    for (const entry of entries) this.add(entry);
    return lines.length;
  }

  /** Adds a term in the runtime layer (frozen). Returns the entry; its `source` is `runtime:N`. */
  addRuntime(fields: TermFields, label: Label = 'POLICY'): DictEntry {
    checkTermFields(fields, label);
    this.runtimeLine++;
    const entry = this.makeEntry(
      fields,
      { layer: 'runtime', label, mode: 'frozen' },
      'runtime',
      this.runtimeLine,
    );
    this.add(entry);
    return entry;
  }

  /**
   * Removes a term: runtime entries for it are dropped, and entries of lower layers stop matching
   * (the removal is itself a runtime decision). Returns the number of entries affected.
   */
  remove(term: string): number {
    const affected = new Set(
      (this.claims.get(this.normalizer.normalize(term)) ?? [])
        .map((claim) => claim.entry)
        .filter((entry) => entry.term === term || entry.aliases.includes(term)),
    );
    for (const entry of affected) {
      for (const form of this.formsOf(entry)) {
        this.claims.set(
          form,
          (this.claims.get(form) ?? []).filter((claim) => claim.entry !== entry),
        );
        this.reindex(form);
      }
    }
    return affected.size;
  }

  /** Every normalized form an entry claims: its term, its aliases and their variants. */
  private formsOf(entry: DictEntry): string[] {
    const forms = [entry.term, ...entry.aliases].map((written) => this.normalizer.normalize(written));
    return [...new Set(forms.flatMap((form) => this.normalizer.variants(form)))];
  }

  /** The winning entry for a written form (term or alias), if any. */
  lookup(form: string): DictEntry | undefined {
    return this.claims.get(this.normalizer.normalize(form))?.[0]?.entry;
  }

  /** Every entry that claims a written form, the winner first. */
  lookupAll(form: string): DictEntry[] {
    return (this.claims.get(this.normalizer.normalize(form)) ?? []).map((claim) => claim.entry);
  }

  /** Every entry currently loaded, in load order. */
  entries(): DictEntry[] {
    const seen = new Set<DictEntry>();
    const all: Claim[] = [];
    for (const claims of this.claims.values()) {
      for (const claim of claims) {
        if (!seen.has(claim.entry)) {
          seen.add(claim.entry);
          all.push(claim);
        }
      }
    }
    return all.sort((a, b) => a.order - b.order).map((claim) => claim.entry);
  }

  /** Every occurrence of a frozen form in normalized text `[from, to)`. */
  findFrozen(normalized: string, from = 0, to = normalized.length): DictMatch[] {
    return this.resolve(this.frozen.findAll(normalized, from, to));
  }

  /** Every occurrence of a soft (gazetteer) form in normalized text `[from, to)`. */
  findSoft(normalized: string, from = 0, to = normalized.length): DictMatch[] {
    return this.resolve(this.soft.findAll(normalized, from, to));
  }

  /**
   * Whether a soft form may start with each word of a piece and run on into the next (`Trie.markJoins`),
   * in one pass: a buffer whose `[i]` is 1 where
   * `softOverPieces(words, i)` may find a form, or undefined when no word of the piece may start one.
   * The buffer belongs to the dictionary and is reused by the next call (calls are synchronous).
   */
  softJoins(words: readonly string[]): Uint8Array | undefined {
    if (words.length > this.joinMarks.length) this.joinMarks = new Uint8Array(2 * words.length);
    return this.soft.markJoins(words, this.joinMarks) > 0 ? this.joinMarks : undefined;
  }

  /** The longest soft form made of two or more whole pieces from `first` (`Trie.longestOverPieces`). */
  softOverPieces(
    pieces: readonly string[],
    first: number,
  ): { endPiece: number; entry: DictEntry } | undefined {
    const hit = this.soft.longestOverPieces(pieces, first);
    const entry = hit && this.claims.get(hit.form)?.[0]?.entry;
    return hit && entry ? { endPiece: hit.endPiece, entry } : undefined;
  }

  get size(): { entries: number; frozenForms: number; softForms: number } {
    return { entries: this.entries().length, frozenForms: this.frozen.size, softForms: this.soft.size };
  }

  private resolve(matches: FormMatch[]): DictMatch[] {
    const out: DictMatch[] = [];
    for (const match of matches) {
      const entry = this.claims.get(match.form)?.[0]?.entry;
      if (entry) out.push({ start: match.start, end: match.end, form: match.form, entry });
    }
    return out;
  }

  private makeEntry(fields: TermFields, spec: LoadSpec, file: string, line: number): DictEntry {
    const entry: DictEntry = {
      term: fields.term,
      type: fields.type ?? spec.type ?? 'other',
      aliases: fields.aliases ?? [],
      pos: fields.pos ?? spec.pos ?? 'nz',
      attrs: fields.attrs ?? {},
      // In a user dictionary, jieba's name tags say what a line is: `楼阳生 100 nr` is a PERSON.
      label: (spec.layer === 'user' ? labelOfPos(fields.pos) : undefined) ?? spec.label,
      layer: spec.layer,
      mode: spec.mode,
      file,
      line,
    };
    if (fields.level !== undefined) entry.level = fields.level;
    if (fields.region !== undefined) entry.region = fields.region;
    if (fields.gloss !== undefined) entry.gloss = fields.gloss;
    if (fields.source !== undefined) entry.origin = fields.source;
    if (fields.freq !== undefined) entry.freq = fields.freq;
    return entry;
  }

  private add(entry: DictEntry): void {
    const order = this.order++;
    const forms = [entry.term, ...entry.aliases].map((written, i) => ({
      written,
      form: this.normalizer.normalize(written),
      isAlias: i > 0,
    }));
    const done = new Set<string>();
    for (const { written, form, isAlias } of forms) {
      if (done.has(form)) continue;
      done.add(form);
      for (const other of this.claims.get(form) ?? []) this.diagnose(entry, written, isAlias, other);
      this.claim(form, { entry, isAlias, order });
      // Traditional spellings the normalizer must leave alone (著 for 着) match the same entry.
      for (const variant of this.normalizer.variants(form).slice(1)) {
        if (done.has(variant)) continue;
        done.add(variant);
        this.claim(variant, { entry, isAlias: true, order });
      }
    }
  }

  private claim(form: string, claim: Claim): void {
    const claims = this.claims.get(form) ?? [];
    claims.push(claim);
    claims.sort(
      (a, b) =>
        layerRank(b.entry.layer) - layerRank(a.entry.layer) ||
        Number(a.isAlias) - Number(b.isAlias) ||
        a.order - b.order,
    );
    this.claims.set(form, claims);
    this.reindex(form);
  }

  /** Puts a form in the trie its winning entry's mode asks for (or in none when nobody claims it). */
  private reindex(form: string): void {
    const winner = this.claims.get(form)?.[0]?.entry;
    this.frozen.delete(form);
    this.soft.delete(form);
    if (!winner) {
      this.claims.delete(form);
      return;
    }
    (winner.mode === 'frozen' ? this.frozen : this.soft).insert(form);
  }

  private diagnose(entry: DictEntry, written: string, isAlias: boolean, other: Claim): void {
    const locations = [entryLocation(other.entry), entryLocation(entry)];
    const term = written;
    if (other.entry.term === entry.term && !isAlias && !other.isAlias) {
      const otherCode = other.entry.attrs.code;
      if (otherCode !== undefined && entry.attrs.code !== undefined && otherCode !== entry.attrs.code) {
        this.diagnostics.push({
          kind: 'homonym',
          term,
          message: `"${term}" names two places or bodies (${otherCode}, ${entry.attrs.code})`,
          locations,
        });
        return;
      }
      const sameMeta = other.entry.type === entry.type && other.entry.level === entry.level;
      if (other.entry.layer !== entry.layer) {
        this.diagnostics.push({
          kind: 'override',
          term: entry.term,
          message: `"${entry.term}" in layer ${entry.layer} overrides layer ${other.entry.layer}`,
          locations,
        });
      } else if (sameMeta) {
        this.diagnostics.push({
          kind: 'duplicate',
          term: entry.term,
          message: `"${entry.term}" is listed twice`,
          locations,
        });
      } else {
        this.diagnostics.push({
          kind: 'conflict',
          term: entry.term,
          message: `"${entry.term}" is listed twice with different type/level (${other.entry.type}/${other.entry.level ?? '-'} vs ${entry.type}/${entry.level ?? '-'})`,
          locations,
        });
      }
      return;
    }
    if (other.entry.term === entry.term) return;
    this.diagnostics.push({
      kind: 'alias-conflict',
      term,
      message: `"${term}" is claimed by both "${other.entry.term}" and "${entry.term}"`,
      locations,
    });
  }
}
