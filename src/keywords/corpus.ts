import type { Doc, Token } from '../types.js';
import { hasHan, isFunctionTag, isNumberLike } from './stopwords.js';

/** A keyword over a corpus: summed per-document weight, documents it is a keyword of, occurrences. */
export interface CorpusTerm {
  term: string;
  weight: number;
  /** Documents where the term is among the keywords (document frequency). */
  docs: number;
  /** Occurrences in those documents. */
  count: number;
}

/** An entity over a corpus: mentions and documents mentioning it. */
export interface CorpusEntity {
  term: string;
  count: number;
  docs: number;
}

/** "What is this corpus about": top keywords, and top officials, organizations, places and policy terms. */
export interface CorpusKeywordSummary {
  documents: number;
  terms: CorpusTerm[];
  officials: CorpusEntity[];
  organizations: CorpusEntity[];
  places: CorpusEntity[];
  policies: CorpusEntity[];
}

const GROUP_OF_LABEL = {
  PERSON: 'officials',
  ORG: 'organizations',
  LOC: 'places',
  POLICY: 'policies',
} as const;
type Group = (typeof GROUP_OF_LABEL)[keyof typeof GROUP_OF_LABEL];

/**
 * Accumulates annotated documents one at a time (memory grows with distinct terms, not with the
 * corpus) and summarizes them. Keyword weights are per-document normalized, so they add up fairly.
 */
export class CorpusKeywords {
  private documents = 0;
  private readonly terms = new Map<string, CorpusTerm>();
  private readonly groups = new Map<Group, Map<string, CorpusEntity>>();

  add(doc: Pick<Doc, 'keywords' | 'entities'>): void {
    this.documents++;
    for (const keyword of doc.keywords) {
      const known = this.terms.get(keyword.term);
      const count = typeof keyword.count === 'number' ? keyword.count : 1;
      if (known) {
        known.weight += keyword.weight;
        known.docs++;
        known.count += count;
      } else {
        this.terms.set(keyword.term, { term: keyword.term, weight: keyword.weight, docs: 1, count });
      }
    }
    const seen = new Set<string>();
    for (const entity of doc.entities) {
      const group = GROUP_OF_LABEL[entity.label as keyof typeof GROUP_OF_LABEL];
      if (!group) continue;
      const term = typeof entity.term === 'string' ? entity.term : entity.text;
      let table = this.groups.get(group);
      if (!table) {
        table = new Map();
        this.groups.set(group, table);
      }
      const known = table.get(term) ?? { term, count: 0, docs: 0 };
      known.count++;
      const key = `${group}\t${term}`;
      if (!seen.has(key)) {
        seen.add(key);
        known.docs++;
      }
      table.set(term, known);
    }
  }

  /** The `top` terms by summed weight, and the `top` entities of each group by mentions. */
  summary(top = 20): CorpusKeywordSummary {
    const terms = [...this.terms.values()]
      .sort((a, b) => b.weight - a.weight || b.docs - a.docs || compare(a.term, b.term))
      .slice(0, top)
      .map((term) => ({ ...term, weight: Math.round(term.weight * 1e6) / 1e6 }));
    const group = (name: Group) =>
      [...(this.groups.get(name)?.values() ?? [])]
        .sort((a, b) => b.count - a.count || b.docs - a.docs || compare(a.term, b.term))
        .slice(0, top);
    return {
      documents: this.documents,
      terms,
      officials: group('officials'),
      organizations: group('organizations'),
      places: group('places'),
      policies: group('policies'),
    };
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The words of a document an IDF table should count: no punctuation, numbers or function words. */
export function idfWords(tokens: readonly Token[]): string[] {
  return tokens
    .filter((token) => !isFunctionTag(token.pos) && !isNumberLike(token.text))
    .map((token) => token.text)
    .filter((word) => hasHan(word) || /^[A-Za-z][A-Za-z0-9-]*$/.test(word));
}
