import { ambiguousPlace as ambiguous } from '../readings.js';
import { veto } from './veto.js';

/** A gazetteer place written as a word the core dictionary lists as something else (威信), unless the model reads it. */
export const ambiguousPlace = veto(
  'ambiguous-place',
  (e, context) => ambiguous(e, context.tokenAt) && !context.modelReadings.reads(e, 'LOC'),
);
