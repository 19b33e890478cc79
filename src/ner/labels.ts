import type { Label } from '../types.js';

/**
 * The labels the statistical model tags, in the order of its tag set (decode.ts: label k has tags
 * 1 + 4k .. 4 + 4k): a model file's weights depend on this order.
 */
export const NER_LABELS = ['PERSON', 'LOC', 'ORG'] as const satisfies readonly Label[];
export type NerLabel = (typeof NER_LABELS)[number];
