import { namesOtherThanPlace as other } from '../readings.js';
import { veto } from './veto.js';

/** A place without a division code the model reads as an organization or a person (巴塞罗那 the club). */
export const namesOtherThanPlace = veto(
  'names-other-than-place',
  (e, context) => context.model !== undefined && other(e, context.modelReadings),
);
