import type { KeywordExtractor } from '../keywords/extract.js';
import type { Stage, StageDeclaration } from './stage.js';

export const KEYWORDS: StageDeclaration = {
  name: 'keywords',
  requires: ['normalized', 'tokens', 'entities'],
  assigns: ['keywords'],
};

/**
 * Weighted keywords from the tokens and entities (src/keywords/), keyed by their normalized form:
 * 規劃 and 规划, 習近平 and 习近平 are one keyword, written simplified (the document keeps its text).
 */
export function keywordsStage(extractor: KeywordExtractor): Stage {
  return {
    ...KEYWORDS,
    run(doc) {
      const { text, normalized } = doc;
      if (normalized === text) {
        doc.keywords = extractor.extract(doc.tokens, doc.entities);
        return;
      }
      const keyed = <T extends { start: number; end: number; text: string }>(span: T): T => ({
        ...span,
        text: normalized.slice(span.start, span.end),
      });
      doc.keywords = extractor.extract(doc.tokens.map(keyed), doc.entities.map(keyed));
    },
  };
}
