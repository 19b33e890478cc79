import type { EntityRule } from '../context.js';
import { abbreviationInWord } from './abbreviation-in-word.js';
import { ambiguousPlace } from './ambiguous-place.js';
import { bodyInsideTitle } from './body-inside-title.js';
import { documentPlaces } from './document-places.js';
import { dropVetoed } from './drop-vetoed.js';
import { english } from './english.js';
import { gazetteer } from './gazetteer.js';
import { linkReference } from './link-reference.js';
import { model } from './model.js';
import { nameOrganization } from './name-organization.js';
import { namesOtherThanPlace } from './names-other-than-place.js';
import { officialTitles } from './official-titles.js';
import { overrunsSureName } from './overruns-sure-name.js';
import { placeAbbreviation } from './place-abbreviation.js';
import { placeBody } from './place-body.js';
import { placeBodyInside } from './place-body-inside.js';
import { placeRegion } from './place-region.js';
import { rejoinUnnamedBody } from './rejoin-unnamed-body.js';
import { sameName } from './same-name.js';
import { select } from './select.js';
import { titleAfterBody } from './title-after-body.js';
import { titleBody } from './title-body.js';
import { titleName } from './title-name.js';
import { township } from './township.js';
import { unsureOrganization } from './unsure-organization.js';
import { unsureRegion } from './unsure-region.js';

/**
 * The entity stage, in order: every step reads and writes the one `EntityContext` (context.ts). A new
 * rule is a file in this folder and a line here. Candidates are pushed in this order, and the order is
 * part of the output (the tie-break of `select` keeps the earliest of equals), so insert a rule where
 * its candidates belong.
 */
export const ENTITY_RULES: readonly EntityRule[] = [
  // Rules that add candidates.
  gazetteer,
  titleBody,
  township,
  placeBody,
  model,
  english,
  placeAbbreviation,
  abbreviationInWord,
  placeRegion,
  sameName,
  // Rules that replace candidates (drop some, add others), and the facts the vetoes read.
  titleAfterBody,
  officialTitles,
  bodyInsideTitle,
  // Vetoes: candidates the model's reading, a sure name or the guidelines rule out.
  overrunsSureName,
  ambiguousPlace,
  unsureOrganization,
  unsureRegion,
  namesOtherThanPlace,
  dropVetoed,
  // Rules over the kept candidates.
  rejoinUnnamedBody,
  titleName,
  // Settle overlaps, then complete the entities kept.
  select,
  documentPlaces,
  placeBodyInside,
  nameOrganization,
  linkReference,
];
