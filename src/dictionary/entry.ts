import type { Label } from '../types.js';

/** Dictionary layers, lowest first. A higher layer overrides a lower one for the same term. */
export const LAYERS = ['gazetteer', 'policy', 'user', 'runtime'] as const;
export type LayerName = (typeof LAYERS)[number];

/**
 * How a layer's terms act on segmentation: `frozen` terms always come out whole; `soft` terms join
 * engine tokens only where the engine's boundaries line up with them.
 */
export type MatchMode = 'frozen' | 'soft';

export const POLICY_TYPES = [
  'strategy',
  'slogan',
  'program',
  'campaign',
  'platform',
  'spirit',
  'theory',
  'policy',
  'plan',
  'initiative',
  'concept',
  'mechanism',
  'zone',
  'event',
  'document',
  'other',
] as const;

export const POLICY_LEVELS = ['national', 'provincial', 'municipal', 'county'] as const;

/** The fields a dictionary file may give for a term (the TSV columns). */
export interface TermFields {
  term: string;
  type?: string;
  level?: string;
  region?: string;
  aliases?: string[];
  gloss?: string;
  /** Where the term comes from (a document, an article, public knowledge). */
  source?: string;
  pos?: string;
  freq?: number;
  /** Any further columns (`code`, `kind`, `parent`, ...). */
  attrs?: Record<string, string>;
}

/** A loaded entry: its fields plus where it was loaded from. */
export interface DictEntry {
  term: string;
  type: string;
  aliases: string[];
  level?: string;
  region?: string;
  gloss?: string;
  origin?: string;
  pos: string;
  freq?: number;
  attrs: Record<string, string>;
  label: Label;
  layer: LayerName;
  mode: MatchMode;
  /** File path as given (repository-relative for shipped dictionaries), or `runtime`. */
  file: string;
  line: number;
}

/** `file:line` of an entry: the `source` of every entity it yields. */
export function entryLocation(entry: DictEntry): string {
  return `${entry.file}:${entry.line}`;
}
