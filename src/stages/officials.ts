import { linkOfficials } from '../entities/officials.js';
import type { Stage, StageDeclaration } from './stage.js';

export const OFFICIALS: StageDeclaration = {
  name: 'officials',
  requires: ['entities', 'places'],
  assigns: ['officials'],
};

/** Officials: a person linked to a title, a body and a jurisdiction (src/entities/officials.ts). */
export function officialsStage(): Stage {
  return {
    ...OFFICIALS,
    run(doc) {
      if (doc.places) doc.officials = linkOfficials(doc.text, doc.entities, doc.places);
    },
  };
}
