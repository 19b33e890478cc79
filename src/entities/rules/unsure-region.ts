import { unsureRegion as unsure } from '../readings.js';
import { veto } from './veto.js';

/** Under the gold sets' guidelines: a region without a division code the model does not read (readings.ts). */
export const unsureRegion = veto(
  'unsure-region',
  (e, context) =>
    context.model !== undefined && context.guidelines.onlyWhatGoldMarks && unsure(e, context.modelReadings),
);
