import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { TermFields } from '../dictionary/entry.js';
import { parseDictionary } from '../dictionary/parse.js';
import { termFieldsProblem } from '../dictionary/validate.js';
import { ZhtagError } from '../errors.js';
import type { AppendedRow } from './protocol.js';

/** Columns of the user dictionary file, in this order; further columns kept from the file follow. */
export const USER_DICT_COLUMNS = ['term', 'type', 'level', 'region', 'aliases', 'gloss', 'source'] as const;

/** A term as the API accepts it (`POST /v1/dictionaries/terms`). */
export type TermInput = Pick<
  TermFields,
  'term' | 'type' | 'level' | 'region' | 'aliases' | 'gloss' | 'source'
>;

function cell(fields: TermFields, column: string): string {
  switch (column) {
    case 'aliases':
      return (fields.aliases ?? []).join('|');
    case 'freq':
      return fields.freq === undefined ? '' : String(fields.freq);
    case 'term':
    case 'type':
    case 'level':
    case 'region':
    case 'gloss':
    case 'source':
    case 'pos':
      return fields[column] ?? '';
    default:
      return fields.attrs?.[column] ?? '';
  }
}

interface State {
  text: string;
  columns: string[];
  terms: Map<string, TermFields>;
}

const isContent = (line: string) => line.trim() !== '' && !line.startsWith('#');

/**
 * The user dictionary the server adds terms to: a TSV file (`--user-dict`) loaded at start as the
 * `user` layer. A new term is appended as one line (earlier lines keep their numbers, so every
 * `file:line` source stays true); replacing or removing a term rewrites the file (temporary file, then
 * rename). Either way the file matches what the server applies, so a restart loads the same terms.
 * Without a file the terms live in memory only. The path comes from the server's options, never
 * from a request.
 */
export class UserDictionary {
  private state: State;

  private constructor(
    readonly path: string | undefined,
    readonly displayPath: string,
  ) {
    this.state = {
      text: `${USER_DICT_COLUMNS.join('\t')}\n`,
      columns: [...USER_DICT_COLUMNS],
      terms: new Map(),
    };
  }

  /** Opens (or prepares to create) the file; a bad line throws `E_DICT_PARSE` naming file:line. */
  static open(path: string | undefined): UserDictionary {
    const dict = new UserDictionary(path ? resolve(path) : undefined, path ?? 'runtime-user-dict');
    if (!dict.path || !existsSync(dict.path)) return dict;
    const text = readFileSync(dict.path, 'utf8');
    const header = text
      .replace(/^\uFEFF/, '')
      .split(/\r?\n/)
      .find(isContent);
    if (header === undefined) return dict;
    const { format, lines } = parseDictionary(text, dict.displayPath);
    if (format !== 'tsv') {
      throw new ZhtagError(
        'E_DICT_PARSE',
        `${dict.displayPath}: a user dictionary the server writes to must be TSV with a header (${USER_DICT_COLUMNS.join(' ')})`,
        { file: dict.displayPath },
      );
    }
    const terms = new Map<string, TermFields>();
    for (const { fields } of lines) terms.set(fields.term, fields);
    dict.state = { text, columns: header.split('\t').map((name) => name.trim()), terms };
    return dict;
  }

  get size(): number {
    return this.state.terms.size;
  }

  has(term: string): boolean {
    return this.state.terms.has(term);
  }

  /** The file's exact text (what workers load as the user layer). */
  get text(): string {
    return this.state.text;
  }

  /** The header line rows are read under. */
  get header(): string {
    return this.state.columns.join('\t');
  }

  /**
   * Checks a term the way a dictionary line is checked: the fields are written as a TSV line and read
   * back with `parseDictionary`. Throws `E_DICT_PARSE` with a message naming the field.
   */
  validate(input: TermInput): TermFields {
    const problem = termFieldsProblem(input, 'POLICY');
    if (problem) throw termError(problem.field, problem.message);
    const given: Array<[string, string]> = [
      ...USER_DICT_COLUMNS.filter((name) => name !== 'aliases').map((name): [string, string] => [
        name,
        (input[name] as string | undefined) ?? '',
      ]),
      ...(input.aliases ?? []).map((alias, i): [string, string] => [`aliases[${i}]`, alias]),
    ];
    for (const [name, value] of given) {
      if (/[\t\r\n]/.test(value)) throw termError(name, 'must not contain a tab or line break');
      // A file cell would be trimmed silently; a request that means something else is told instead.
      if (value.trim() !== value) throw termError(name, 'has leading or trailing spaces');
      if (name.startsWith('aliases') && value.includes('|')) throw termError(name, 'must not contain "|"');
      if (name.startsWith('aliases') && value.trim() === '') throw termError(name, 'must not be empty');
    }
    if (input.term.startsWith('#')) throw termError('term', 'must not start with "#" (a comment line)');
    const line = USER_DICT_COLUMNS.map((column) => cell(input, column)).join('\t');
    try {
      const parsed = parseDictionary(`${USER_DICT_COLUMNS.join('\t')}\n${line}\n`, 'term');
      const fields = parsed.lines[0]?.fields;
      if (!fields) throw termError('term', 'must not be empty');
      return fields;
    } catch (error) {
      if (!(error instanceof ZhtagError) || error.code !== 'E_DICT_PARSE') throw error;
      // "term:2: column term: empty term" → name the field, not the synthetic file and line.
      throw new ZhtagError('E_DICT_PARSE', `field ${error.message.replace(/^term:\d+: (column )?/, '')}`);
    }
  }

  /**
   * Appends a new term as the file's next line. Returns undefined, changing nothing, when the term is
   * already there or uses a column the file lacks: then `put` (a rewrite) is the way.
   */
  async append(fields: TermFields): Promise<AppendedRow | undefined> {
    const { text, columns, terms } = this.state;
    if (terms.has(fields.term)) return undefined;
    const used = USER_DICT_COLUMNS.filter((column) => cell(fields, column) !== '');
    if (used.some((column) => !columns.includes(column))) return undefined;
    const base = text.endsWith('\n') ? text : `${text}\n`;
    const row = columns.map((column) => cell(fields, column)).join('\t');
    const line = base.split('\n').length;
    await this.save({ text: `${base}${row}\n`, columns, terms: new Map(terms).set(fields.term, fields) });
    return { line, row };
  }

  /** Adds or replaces a term by rewriting the file; returns whether it replaced one. */
  async put(fields: TermFields): Promise<boolean> {
    const replaced = this.state.terms.has(fields.term);
    await this.rewrite(new Map(this.state.terms).set(fields.term, fields));
    return replaced;
  }

  /** Removes a term by rewriting the file; false when the term is not in the user dictionary. */
  async delete(term: string): Promise<boolean> {
    if (!this.state.terms.has(term)) return false;
    const next = new Map(this.state.terms);
    next.delete(term);
    await this.rewrite(next);
    return true;
  }

  /** The current state, to `restore` if a change cannot be applied. */
  snapshot(): State {
    return this.state;
  }

  /**
   * Reads the file again (edited outside the server). A bad line throws `E_DICT_PARSE` and keeps the
   * current state; returns the state it replaced, for `adopt` if the reload fails later on.
   */
  reread(): State {
    const previous = this.state;
    if (this.path) this.state = UserDictionary.open(this.path).state;
    return previous;
  }

  /** Takes a state back in memory only (the file is not written). */
  adopt(state: State): void {
    this.state = state;
  }

  async restore(snapshot: State): Promise<void> {
    await this.save(snapshot);
  }

  /** Writes the terms under the standard columns plus any further ones the entries use. Comments go. */
  private async rewrite(terms: Map<string, TermFields>): Promise<void> {
    const columns: string[] = [...USER_DICT_COLUMNS];
    for (const fields of terms.values()) {
      const extra = [
        ...(fields.pos !== undefined ? ['pos'] : []),
        ...(fields.freq !== undefined ? ['freq'] : []),
        ...Object.keys(fields.attrs ?? {}),
      ];
      for (const column of extra) if (!columns.includes(column)) columns.push(column);
    }
    const rows = [...terms.values()].map((fields) =>
      columns.map((column) => cell(fields, column)).join('\t'),
    );
    await this.save({ text: `${[columns.join('\t'), ...rows].join('\n')}\n`, columns, terms });
  }

  /** Writes first, then updates memory: a failed write leaves both as they were. */
  private async save(next: State): Promise<void> {
    if (this.path) {
      const temporary = join(
        dirname(this.path),
        `.${basename(this.path)}.${randomBytes(4).toString('hex')}.tmp`,
      );
      await writeFile(temporary, next.text, 'utf8');
      await rename(temporary, this.path);
    }
    this.state = next;
  }
}

function termError(field: string, reason: string): ZhtagError {
  return new ZhtagError('E_DICT_PARSE', `field ${field}: ${reason}`);
}
