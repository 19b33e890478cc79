import { ZhtagError } from '../errors.js';
import type { Label } from '../types.js';
import { POLICY_LEVELS, POLICY_TYPES, type TermFields } from './entry.js';

/**
 * The one validation of a dictionary term, used by the file loader (TSV and jieba lines), `zhtag dict
 * add`, the library's `addTerm` and the HTTP API alike: whatever one accepts, all accept.
 */
export const TERM_LIMITS = {
  /** Shortest policy term, in characters: a single character (的) would tag every occurrence. */
  minPolicyLength: 2,
  /** Longest term or alias, in UTF-16 code units. */
  maxLength: 200,
  maxAliases: 100,
  /** Longest gloss, region or source. */
  maxTextLength: 1000,
} as const;

/** A field and what is wrong with it: `field "aliases[1]": ...`. */
export interface FieldProblem {
  field: string;
  message: string;
}

/**
 * jieba's part-of-speech tags of proper names, as user dictionaries give them (`楼阳生 100 nr`), and
 * the label they mean. Any other tag (nz, n, v, ...) keeps the file's label (POLICY for `--dict`).
 */
const POS_LABELS: Record<string, Label> = {
  nr: 'PERSON',
  nrt: 'PERSON',
  nrf: 'PERSON',
  nrfg: 'PERSON',
  nr1: 'PERSON',
  nr2: 'PERSON',
  ns: 'LOC',
  nsf: 'LOC',
  nt: 'ORG',
  nz: 'POLICY',
};

/** The label a jieba POS tag stands for, or undefined for tags that name no kind of entity. */
export function labelOfPos(pos: string | undefined): Label | undefined {
  return pos === undefined ? undefined : POS_LABELS[pos];
}

const characters = (text: string) => [...text].length;

/** Checks a term or alias: non-empty, no tab or line break, no leading or trailing space. */
export function termProblem(term: string): string | undefined {
  if (term.length === 0) return 'empty term';
  if (/[\t\r\n]/.test(term)) return 'term contains a tab or line break';
  if (term.trim() !== term) return 'term has leading or trailing spaces';
  return undefined;
}

function formProblem(form: unknown, label: Label): string | undefined {
  if (typeof form !== 'string') return 'must be a string';
  const basic = termProblem(form);
  if (basic) return basic;
  if (form.length > TERM_LIMITS.maxLength) return `is longer than ${TERM_LIMITS.maxLength} characters`;
  if (label === 'POLICY' && characters(form) < TERM_LIMITS.minPolicyLength)
    return `a policy term has at least ${TERM_LIMITS.minPolicyLength} characters, got "${form}"`;
  return undefined;
}

/** The first problem of a term's fields for a layer of `label`, or undefined when they are valid. */
export function termFieldsProblem(fields: TermFields, label: Label): FieldProblem | undefined {
  if (typeof fields !== 'object' || fields === null)
    return { field: 'term', message: 'expected an object {term, type?, aliases?, ...}' };
  const termIssue = formProblem(fields.term, label);
  if (termIssue) return { field: 'term', message: termIssue };
  if (fields.term.startsWith('#'))
    return { field: 'term', message: 'must not start with "#" (a comment line)' };
  const aliases = fields.aliases ?? [];
  if (!Array.isArray(aliases)) return { field: 'aliases', message: 'must be a list of strings' };
  if (aliases.length > TERM_LIMITS.maxAliases)
    return { field: 'aliases', message: `more than ${TERM_LIMITS.maxAliases} aliases` };
  for (const [i, alias] of aliases.entries()) {
    const field = `aliases[${i}]`;
    const issue = formProblem(alias, label);
    if (issue) return { field, message: issue };
    if (alias.includes('|')) return { field, message: 'must not contain "|"' };
    if (alias === fields.term) return { field, message: `alias "${alias}" repeats the term` };
  }
  for (const name of ['gloss', 'region', 'source', 'type', 'level'] as const) {
    const value = fields[name];
    if (value === undefined) continue;
    if (typeof value !== 'string') return { field: name, message: 'must be a string' };
    if (/[\t\r\n]/.test(value)) return { field: name, message: 'must not contain a tab or line break' };
    if (value.length > TERM_LIMITS.maxTextLength)
      return { field: name, message: `is longer than ${TERM_LIMITS.maxTextLength} characters` };
  }
  if (label !== 'POLICY') return undefined;
  if (fields.type !== undefined && !(POLICY_TYPES as readonly string[]).includes(fields.type))
    return { field: 'type', message: `must be one of ${POLICY_TYPES.join(', ')}, got "${fields.type}"` };
  if (fields.level !== undefined && !(POLICY_LEVELS as readonly string[]).includes(fields.level))
    return { field: 'level', message: `must be one of ${POLICY_LEVELS.join(', ')}, got "${fields.level}"` };
  return undefined;
}

/** `termFieldsProblem` as a `ZhtagError` (E_INPUT) naming the field, for edits from code and requests. */
export function checkTermFields(fields: TermFields, label: Label): void {
  const problem = termFieldsProblem(fields, label);
  if (problem) throw new ZhtagError('E_INPUT', `field "${problem.field}": ${problem.message}`);
}
