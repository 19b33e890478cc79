/**
 * zhtag/eval: score PERSON / LOC / ORG against gold files (`zhtag eval`), and modern political news
 * (spans and officials, `npm run eval:modern`).
 * Published as the `zhtag/eval` subpath export (package.json "exports").
 */

export type { JudgedRow, JudgedScore } from './discover.js';
export { parseJudgedList, scoreRanking } from './discover.js';
export type { EvaluateOptions, NerEvaluation } from './evaluate.js';
export { evaluateNer, formatEvaluation, scoredNames } from './evaluate.js';
export type { GoldDoc, OfficialsReport, PredictedDoc, Score } from './modern.js';
export { scoreLabelledSpans, scoreOfficials } from './modern.js';
