/** What one pass over the corpus learns about a candidate string. */
export interface CandidateStats {
  term: string;
  count: number;
  /** Documents it occurs in. */
  df: number;
  /** Occurrences inside matching quotes. */
  quoted: number;
  /** Occurrences with a trigger verb before or a policy noun after (weak triggers count half). */
  inContext: number;
  /** Occurrences that are an item of a 、-separated list (减员增效、下岗分流). */
  listed: number;
  left: Map<string, number>;
  right: Map<string, number>;
  /** Occurrences next to punctuation or a line edge: each counts as a distinct neighbour. */
  leftEdges: number;
  rightEdges: number;
  /** Counts of the context features of every occurrence (see context.ts). */
  contexts: Map<number, number>;
  /** Start offsets of up to a few occurrences, from different documents. */
  examples: number[];
  lastDoc: number;
}
