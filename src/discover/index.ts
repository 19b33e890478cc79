/**
 * zhtag/discover: propose new policy terms from a corpus (`zhtag dict discover`).
 * Published as the `zhtag/discover` subpath export (package.json "exports").
 */
export type { DiscoverDocument } from './corpus.js';
export type { Candidate, CandidateSignals, DiscoverOptions, RecognizedSpan } from './discover.js';
export { CANDIDATE_COLUMNS, candidatesToTsv, defaultMinCount, discoverTerms } from './discover.js';
