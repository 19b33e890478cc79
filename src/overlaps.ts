/**
 * The one rule zhtag uses wherever candidates overlap (dictionary matches, entities): the longest
 * wins, then the stronger (`strength`, higher first), then the earliest. Positions in `taken` are
 * already occupied (by winners of an earlier round). Returns winners and losers, each by position.
 */
export function settleOverlaps<T extends { start: number; end: number }>(
  candidates: readonly T[],
  strength: (candidate: T) => number,
  taken: Uint8Array,
): { kept: T[]; lost: T[] } {
  const ranked = candidates.map((candidate) => ({ candidate, strength: strength(candidate) }));
  ranked.sort(
    (a, b) =>
      b.candidate.end - b.candidate.start - (a.candidate.end - a.candidate.start) ||
      b.strength - a.strength ||
      a.candidate.start - b.candidate.start,
  );
  const kept: T[] = [];
  const lost: T[] = [];
  for (const { candidate } of ranked) {
    let free = true;
    for (let i = candidate.start; i < candidate.end && free; i++) free = taken[i] === 0;
    if (!free) {
      lost.push(candidate);
      continue;
    }
    taken.fill(1, candidate.start, candidate.end);
    kept.push(candidate);
  }
  return { kept: kept.sort(byPosition), lost: lost.sort(byPosition) };
}

export function byPosition(a: { start: number; end: number }, b: { start: number; end: number }): number {
  return a.start - b.start || a.end - b.end;
}
