import { byPosition, settleOverlaps } from '../overlaps.js';
import type { Entity } from '../types.js';

/** Sources, strongest first, for the tie-break after length. */
const PRIORITY: Record<string, number> = { rule: 3, dictionary: 2, model: 1 };

/** Statistical sources: the NER model and compromise (English). */
const MODELS = new Set(['model', 'compromise']);

function priorityOf(entity: Entity): number {
  if (entity.source.startsWith('rule:')) return PRIORITY.rule ?? 0;
  return MODELS.has(entity.source) ? (PRIORITY.model ?? 0) : (PRIORITY.dictionary ?? 0);
}

/**
 * The one rule that settles overlapping entities: the longest wins, then the stronger source
 * (rule > dictionary > model), then the earliest. Frozen dictionary entities (policy and user
 * terms) are placed first and always win. Losers go to `nested`.
 */
export function selectEntities(frozen: Entity[], candidates: Entity[], length: number) {
  const taken = new Uint8Array(length);
  for (const entity of frozen) taken.fill(1, entity.start, entity.end);
  // The same span and label from two sources is one candidate (the stronger one is kept).
  const unique = new Map<string, Entity>();
  for (const entity of candidates) {
    const key = `${entity.start}:${entity.end}:${entity.label}`;
    const seen = unique.get(key);
    if (!seen || priorityOf(entity) > priorityOf(seen)) unique.set(key, entity);
  }
  const { kept, lost } = settleOverlaps([...unique.values()], priorityOf, taken);
  return { entities: [...frozen, ...kept].sort(byPosition), nested: lost };
}
