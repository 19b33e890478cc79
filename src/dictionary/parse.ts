import { ZhtagError } from '../errors.js';
import type { TermFields } from './entry.js';
import { termProblem } from './validate.js';

export { termProblem };

/** A parsed line: the fields and the 1-based line number it came from. */
export interface ParsedLine {
  fields: TermFields;
  line: number;
}

export type DictFormat = 'tsv' | 'jieba';

const KNOWN_COLUMNS = new Set([
  'term',
  'type',
  'level',
  'region',
  'aliases',
  'gloss',
  'source',
  'pos',
  'freq',
]);
const POS_PATTERN = /^[A-Za-z]{1,8}$/;

function parseError(file: string, line: number, reason: string): ZhtagError {
  return new ZhtagError('E_DICT_PARSE', `${file}:${line}: ${reason}`, { file, line });
}

function parseFreq(raw: string, file: string, line: number): number {
  if (!/^\d+(\.\d+)?$/.test(raw))
    throw parseError(file, line, `freq must be a non-negative number, got "${raw}"`);
  return Number(raw);
}

function parseTsv(lines: string[], headerIndex: number, file: string): ParsedLine[] {
  const header = (lines[headerIndex] ?? '').split('\t').map((name) => name.trim());
  const seen = new Set<string>();
  for (const name of header) {
    if (name === '') throw parseError(file, headerIndex + 1, 'empty column name in header');
    if (seen.has(name)) throw parseError(file, headerIndex + 1, `column "${name}" appears twice in header`);
    seen.add(name);
  }
  const out: ParsedLine[] = [];
  for (let i = headerIndex + 1; i < lines.length; i++) {
    const raw = lines[i] ?? '';
    if (raw.trim() === '' || raw.startsWith('#')) continue;
    const lineNo = i + 1;
    const cells = raw.split('\t');
    if (cells.length > header.length) {
      throw parseError(file, lineNo, `${cells.length} columns, header has ${header.length}`);
    }
    const fields: TermFields = { term: '' };
    const attrs: Record<string, string> = {};
    header.forEach((name, col) => {
      const value = (cells[col] ?? '').trim();
      if (value === '') return;
      switch (name) {
        case 'term':
          fields.term = value;
          break;
        case 'aliases':
          fields.aliases = value
            .split('|')
            .map((alias) => alias.trim())
            .filter((alias) => alias !== '');
          break;
        case 'freq':
          fields.freq = parseFreq(value, file, lineNo);
          break;
        case 'pos':
          if (!POS_PATTERN.test(value))
            throw parseError(file, lineNo, `pos must be a tag like nz or ns, got "${value}"`);
          fields.pos = value;
          break;
        case 'type':
        case 'level':
        case 'region':
        case 'gloss':
        case 'source':
          fields[name] = value;
          break;
        default:
          if (!KNOWN_COLUMNS.has(name)) attrs[name] = value;
      }
    });
    const problem = termProblem(fields.term);
    if (problem) throw parseError(file, lineNo, `column term: ${problem}`);
    for (const alias of fields.aliases ?? []) {
      if (alias === fields.term) throw parseError(file, lineNo, `alias "${alias}" repeats the term`);
    }
    if (Object.keys(attrs).length > 0) fields.attrs = attrs;
    out.push({ fields, line: lineNo });
  }
  return out;
}

function parseJieba(lines: string[], file: string): ParsedLine[] {
  const out: ParsedLine[] = [];
  lines.forEach((raw, i) => {
    const text = raw.trim();
    if (text === '' || text.startsWith('#')) return;
    const lineNo = i + 1;
    const parts = text.split(/\s+/);
    if (parts.length > 3)
      throw parseError(file, lineNo, `expected "word [freq] [pos]", got ${parts.length} fields`);
    const [term = '', second, third] = parts;
    const fields: TermFields = { term };
    if (second !== undefined) {
      if (/^\d+(\.\d+)?$/.test(second)) fields.freq = Number(second);
      else if (third === undefined && POS_PATTERN.test(second)) fields.pos = second;
      else throw parseError(file, lineNo, `freq must be a number, got "${second}"`);
    }
    if (third !== undefined) {
      if (!POS_PATTERN.test(third))
        throw parseError(file, lineNo, `pos must be a tag like nz or ns, got "${third}"`);
      fields.pos = third;
    }
    out.push({ fields, line: lineNo });
  });
  return out;
}

/**
 * Parses a dictionary file's text. A file whose first non-comment line starts with `term` is TSV
 * with a header; anything else is read as jieba user-dictionary lines (`word [freq] [pos]`).
 * Throws `E_DICT_PARSE` naming `file:line` on the first bad line.
 */
export function parseDictionary(content: string, file: string): { format: DictFormat; lines: ParsedLine[] } {
  const lines = content.replace(/^\uFEFF/, '').split(/\r?\n/);
  const headerIndex = lines.findIndex((line) => line.trim() !== '' && !line.startsWith('#'));
  if (headerIndex === -1) return { format: 'tsv', lines: [] };
  const first = lines[headerIndex] ?? '';
  if (first.split('\t')[0]?.trim() === 'term')
    return { format: 'tsv', lines: parseTsv(lines, headerIndex, file) };
  if (first.includes('\t'))
    throw parseError(
      file,
      headerIndex + 1,
      'TSV file must start with a header row whose first column is "term"',
    );
  return { format: 'jieba', lines: parseJieba(lines, file) };
}
