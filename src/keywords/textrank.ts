import type { Candidate, Unit } from './phrases.js';

const DAMPING = 0.85;
const ITERATIONS = 20;
/** As in TF-IDF: a phrase seen once is weak evidence of a unit. */
const PHRASE_DISCOUNT = 0.5;

/**
 * TextRank (Mihalcea & Tarau 2004) over the document's content units: an undirected graph whose
 * edges join units at most `window` content units apart, ranked by weighted PageRank. A phrase
 * scores the mean rank of its parts times the share of its rarest part's occurrences that fall
 * inside the phrase (discounted; words that always come together make a strong phrase), and a
 * length bonus.
 */
export function scoreTextRank(
  units: readonly Unit[],
  isContent: readonly boolean[],
  candidates: Iterable<Candidate>,
  window = 5,
): Map<string, number> {
  const ids = new Map<string, number>();
  const sequence: number[] = [];
  units.forEach((unit, i) => {
    if (!isContent[i]) return;
    let id = ids.get(unit.text);
    if (id === undefined) {
      id = ids.size;
      ids.set(unit.text, id);
    }
    sequence.push(id);
  });
  const size = ids.size;
  const edges = new Map<number, Map<number, number>>();
  const link = (a: number, b: number) => {
    let row = edges.get(a);
    if (!row) {
      row = new Map();
      edges.set(a, row);
    }
    row.set(b, (row.get(b) ?? 0) + 1);
  };
  for (let i = 0; i < sequence.length; i++) {
    for (let j = i + 1; j < Math.min(sequence.length, i + window); j++) {
      const a = sequence[i] as number;
      const b = sequence[j] as number;
      if (a === b) continue;
      link(a, b);
      link(b, a);
    }
  }
  const outWeight = new Float64Array(size);
  for (const [a, row] of edges)
    for (const weight of row.values()) outWeight[a] = (outWeight[a] ?? 0) + weight;
  let rank = new Float64Array(size).fill(1);
  for (let iteration = 0; iteration < ITERATIONS; iteration++) {
    const next = new Float64Array(size).fill(1 - DAMPING);
    for (const [a, row] of edges) {
      const share = (rank[a] ?? 0) / (outWeight[a] || 1);
      for (const [b, weight] of row) next[b] = (next[b] ?? 0) + DAMPING * share * weight;
    }
    rank = next;
  }
  let max = 0;
  for (const value of rank) if (value > max) max = value;
  const rankOf = (text: string) => (rank[ids.get(text) ?? -1] ?? 0) / (max || 1);

  const counts = new Map<string, number>();
  for (const unit of units) counts.set(unit.text, (counts.get(unit.text) ?? 0) + 1);
  const scores = new Map<string, number>();
  for (const candidate of candidates) {
    if (candidate.kind !== 'phrase') {
      scores.set(candidate.term, rankOf(candidate.entity?.text ?? candidate.term));
      continue;
    }
    let sum = 0;
    let rarest = Number.POSITIVE_INFINITY;
    for (const part of candidate.parts) {
      sum += rankOf(part);
      rarest = Math.min(rarest, counts.get(part) ?? 1);
    }
    const cohesion = Math.min(1, (candidate.count - PHRASE_DISCOUNT) / rarest);
    scores.set(candidate.term, (sum / candidate.parts.length) * cohesion * Math.sqrt(candidate.parts.length));
  }
  return scores;
}
