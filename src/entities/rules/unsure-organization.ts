import { unsureOrganization as unsure } from '../readings.js';
import { veto } from './veto.js';

/** A short name, alias, body named by its kind or newspaper the model does not read (readings.ts). */
export const unsureOrganization = veto(
  'unsure-organization',
  (e, context) =>
    context.model !== undefined &&
    unsure(e, context.modelReadings, context.officialTitleStarts, context.guidelines.onlyWhatGoldMarks),
);
