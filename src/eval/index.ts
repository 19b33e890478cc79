/**
 * zhtag/eval: score PERSON / LOC / ORG against gold files (`zhtag eval`).
 * Published as the `zhtag/eval` subpath export (package.json "exports").
 */
export type { EvaluateOptions, NerEvaluation } from '../entities/evaluate.js';
export { evaluateNer, formatEvaluation, scoredNames } from '../entities/evaluate.js';
