/**
 * The document model shared by every stage, the CLI and the HTTP server.
 *
 * Offsets are JavaScript string indices (UTF-16 code units), half-open `[start, end)`:
 * `doc.text.slice(span.start, span.end) === span.text` for every token, entity and span.
 */

/** Entity labels used across zhtag. */
export type Label = 'PERSON' | 'TITLE' | 'ORG' | 'LOC' | 'POLICY';

/** A piece of text with exact offsets into `Doc.text`. */
export interface Span {
  text: string;
  start: number;
  end: number;
}

/** One token. Tokens are in order, never overlap, and cover every non-whitespace character. */
export interface Token extends Span {
  /** Part of speech (jieba / PKU tag set); dictionary terms carry their entry's tag (policy terms: `nz`). */
  pos: string;
}

/** A named entity. Extra attributes depend on the label (`term`, `type`, `level`, `code`, `kind`, ...). */
export interface Entity extends Span {
  label: Label;
  /** Why this entity exists: `dictionaries/policy/national.tsv:12`, `runtime`, a rule name or `model`. */
  source: string;
  [attribute: string]: unknown;
}

/** A weighted keyword. The shape never changes with options. */
export interface Keyword {
  term: string;
  weight: number;
  [attribute: string]: unknown;
}

import type { Official } from './entities/officials.js';

/** An annotated document. `spans` holds overlapping or losing candidates, by key. */
export interface Doc {
  id?: string;
  text: string;
  tokens: Token[];
  entities: Entity[];
  /** Officials (person + title + body + jurisdiction), when the NER stage runs. */
  officials?: Official[];
  spans?: Record<string, Entity[]>;
  keywords: Keyword[];
  [extra: string]: unknown;
}

/** Input accepted by `pipeline.annotate`. */
export type DocInput = string | { id?: string; text: string; [extra: string]: unknown };
