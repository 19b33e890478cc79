import type { Candidate } from './phrases.js';

/** What scoring needs to know about IDF. */
export interface IdfSource {
  known(word: string): number | undefined;
  of(word: string): number;
  combine(parts: readonly number[]): number;
  readonly ceiling: number;
}

/**
 * IDF of a candidate. Dictionary and user terms were put there by someone because they are specific:
 * when the table has never seen one, it counts as a word seen in a single document (the ceiling).
 */
export function candidateIdf(
  candidate: Candidate,
  idf: IdfSource,
  partIdf: (word: string) => number,
): number {
  if (candidate.kind === 'phrase') {
    return idf.known(candidate.term) ?? idf.combine(candidate.parts.map(partIdf));
  }
  if (candidate.kind === 'entity' && candidate.label === 'POLICY') {
    return idf.known(candidate.term) ?? idf.ceiling;
  }
  return partIdf(candidate.term);
}

/**
 * Absolute discount of a phrase's count (as in Kneser-Ney smoothing): a run of words seen once gives
 * little evidence that it is a unit, one seen several times gives much more.
 */
const PHRASE_DISCOUNT = 0.5;

/**
 * TF-IDF weights: occurrences times IDF, divided by the document's number of word and entity
 * occurrences so weights compare across documents. A phrase counts its own occurrences, discounted.
 */
export function scoreTfIdf(candidates: Map<string, Candidate>, idf: IdfSource): Map<string, number> {
  let total = 0;
  for (const candidate of candidates.values()) if (candidate.kind !== 'phrase') total += candidate.count;
  // A word recurs in many phrases of one document: look each up in the big table once.
  const memo = new Map<string, number>();
  const partIdf = (word: string): number => {
    let value = memo.get(word);
    if (value === undefined) {
      value = idf.of(word);
      memo.set(word, value);
    }
    return value;
  };
  const scores = new Map<string, number>();
  for (const candidate of candidates.values()) {
    const tf = candidate.kind === 'phrase' ? candidate.count - PHRASE_DISCOUNT : candidate.count;
    scores.set(candidate.term, (tf * candidateIdf(candidate, idf, partIdf)) / Math.max(1, total));
  }
  return scores;
}
