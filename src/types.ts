/**
 * The document model shared by every stage, the CLI and the HTTP server.
 *
 * Offsets are JavaScript string indices (UTF-16 code units), half-open `[start, end)`:
 * `doc.text.slice(span.start, span.end) === span.text` for every token, entity and span.
 */

/** Entity labels used across zhtag (the statistical model tags three of them: ner/labels.ts). */
export const LABELS = ['PERSON', 'TITLE', 'ORG', 'LOC', 'POLICY'] as const;
export type Label = (typeof LABELS)[number];

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

/** Administrative levels of GB/T 2260 divisions (and townships). */
export type DivisionLevel = 'province' | 'prefecture' | 'county' | 'township';

/** The division whose body a position belongs to. */
export interface Jurisdiction {
  name: string;
  code: string;
  level: DivisionLevel;
  /** `explicit`: named with the body or title (焦作市委, 郑州市市长); `document`: the document's dominant division. */
  basis: 'explicit' | 'document';
  /** 1 when explicit; else the dominant division's share of the place mentions at that level. */
  confidence: number;
}

/** A span with its normalized name (the full title, the full name of a body or person). */
export interface NamedSpan extends Span {
  name: string;
}

/** What a position's mention says happened: an appointment notice, a removal, a nomination, an election. */
export type PositionEvent = 'appoint' | 'remove' | 'nominate' | 'elect';

/**
 * One position a person holds (or held, or is given) in a document: the title, and the body it belongs
 * to with the body's division. The title's `name` is the title itself (书记, 市长, 常委), never with its
 * body: the body is the `organization` (河南省委书记 → 书记 @ 河南省委). `organization` has offsets when
 * the text writes the body, and only a name when it is implied (市长 of 焦作市 → 焦作市人民政府).
 */
export interface Position {
  title: NamedSpan;
  organization?: { name: string; kind?: string } & Partial<Span>;
  jurisdiction?: Jurisdiction;
  /** A foreign position: the country (俄罗斯总统普京 → 俄罗斯). */
  country?: string;
  /** 原 / 前: a position held before. */
  former?: boolean;
  /** 代 / 代理: acting. */
  acting?: boolean;
  event?: PositionEvent;
  /** The rule that read it (`rule:title-person`, `rule:person-title`, `rule:name-list`, `rule:appointment`, ...). */
  source: string;
}

/** One person the document gives a position, with every position it states for them. */
export interface Official {
  /** The first full mention; `name` is the full name (a short form 习主席 links to it). */
  person: NamedSpan;
  /** Every mention of the person that states a position or refers to them, in text order. */
  mentions: Span[];
  positions: Position[];
}

/** An annotated document. `spans` holds overlapping or losing candidates, by key. */
export interface Doc {
  id?: string;
  text: string;
  tokens: Token[];
  entities: Entity[];
  /** Officials: one per person, with every position the document states, when the NER stage runs. */
  officials?: Official[];
  spans?: Record<string, Entity[]>;
  keywords: Keyword[];
  [extra: string]: unknown;
}

/** Input accepted by `pipeline.annotate`. */
export type DocInput = string | { id?: string; text: string; [extra: string]: unknown };
