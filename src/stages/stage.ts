import type { DocumentPlaces } from '../entities/places.js';
import { ZhtagError } from '../errors.js';
import type { Entity, Keyword, Official, Token } from '../types.js';

/** The stages of a pipeline, in the order they run. */
export const STAGE_NAMES = ['normalize', 'segment', 'entities', 'officials', 'keywords'] as const;
export type StageName = (typeof STAGE_NAMES)[number];

/** What a stage reads from or writes to the document being annotated. */
export type StageField = 'normalized' | 'tokens' | 'entities' | 'spans' | 'places' | 'officials' | 'keywords';

/** A document while the stages annotate it: each field is filled by the stage that assigns it. */
export interface Annotation {
  readonly text: string;
  /** The text mapped to the dictionaries' simplified, half-width form, same offsets (`normalize`). */
  normalized: string;
  tokens: Token[];
  entities: Entity[];
  spans: Record<string, Entity[]> | undefined;
  /** The document's dominant places, read by the officials (`entities`). */
  places: DocumentPlaces | undefined;
  officials: Official[] | undefined;
  keywords: Keyword[];
}

/**
 * One stage of the pipeline. A stage is built with the resources it needs (dictionary, engine, model)
 * when the pipeline is built, and then only reads and writes the document: `requires` are the fields
 * it reads, `assigns` those it writes.
 */
export interface Stage {
  readonly name: StageName;
  readonly requires: readonly StageField[];
  readonly assigns: readonly StageField[];
  run(doc: Annotation): void;
}

/** What a stage declares before it is built: its name, what it reads and what it writes. */
export type StageDeclaration = Pick<Stage, 'name' | 'requires' | 'assigns'>;

/** A fresh document for the stages to fill. */
export function newAnnotation(text: string): Annotation {
  return {
    text,
    normalized: '',
    tokens: [],
    entities: [],
    spans: undefined,
    places: undefined,
    officials: undefined,
    keywords: [],
  };
}

/** The stages to leave out, checked: every name must be a stage. */
export function disabledStages(disable: readonly string[]): Set<StageName> {
  const names: readonly string[] = STAGE_NAMES;
  for (const name of disable) {
    if (!names.includes(name)) {
      throw new ZhtagError(
        'E_USAGE',
        `option "disable": no stage named "${name}" (stages: ${STAGE_NAMES.join(', ')})`,
      );
    }
  }
  return new Set(disable as StageName[]);
}

/**
 * Checks that every stage finds what it requires assigned by a stage before it, else throws a
 * ZhtagError naming the stage, the missing field and the disabled stage that assigns it.
 * `all` are every stage the pipeline knows, to say which one would have assigned the field.
 */
export function checkRequirements(
  stages: readonly StageDeclaration[],
  all: readonly StageDeclaration[],
): void {
  const assigned = new Set<StageField>();
  for (const stage of stages) {
    for (const field of stage.requires) {
      if (assigned.has(field)) continue;
      const by = all.filter((other) => other.assigns.includes(field) && other.name !== stage.name);
      const hint =
        by.length > 0
          ? `, which stage ${by.map((other) => `"${other.name}"`).join(' or ')} assigns: enable it or disable "${stage.name}" too`
          : '';
      throw new ZhtagError('E_USAGE', `option "disable": stage "${stage.name}" requires "${field}"${hint}`);
    }
    for (const field of stage.assigns) assigned.add(field);
  }
}
