import type { KeywordExtractor } from '../keywords/extract.js';
import type { Stage, StageDeclaration } from './stage.js';

export const KEYWORDS: StageDeclaration = {
  name: 'keywords',
  requires: ['tokens', 'entities'],
  assigns: ['keywords'],
};

/** Weighted keywords from the tokens and entities (src/keywords/). */
export function keywordsStage(extractor: KeywordExtractor): Stage {
  return {
    ...KEYWORDS,
    run(doc) {
      doc.keywords = extractor.extract(doc.tokens, doc.entities);
    },
  };
}
