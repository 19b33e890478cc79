import type { DictMatch } from './dictionary.js';

/**
 * The span a policy term's entity takes, from the dictionary match that found it. A policy term is
 * marked as itself: an alias that wraps the term in a governing verb, a generic tail or quotes is how
 * the term is found, not its extent. So the entity of
 *   构建|人类命运共同体, 守住|不发生规模性返贫|底线, “|一带一路|”倡议, “|三农|”问题
 * is the term alone, while aliases that are other names of the term (双循环 / 新发展格局) keep their span.
 * Two shapes widen the span: a strategy named without its suffix and followed by it (京津冀协同发展 +
 * 战略), and a bilateral community with a shared future (新时代|中越|命运共同体), written with two
 * one-character abbreviations of the two countries, one of them 中.
 */

/** Verbs that govern a term inside some of its aliases (构建人类命运共同体, 守住…底线). */
const GOVERNING = new Set([
  '构建',
  '推动',
  '推进',
  '实施',
  '守住',
  '坚持',
  '实现',
  '加快',
  '全面推进',
  '深入实施',
  '一体推进',
]);
/**
 * Generic tails of some aliases: the term as a bottom line (守住…底线). Not 建设: it is as often part
 * of the formulation (生态文明建设, 精神文明建设) as not.
 */
const TAILS = new Set(['底线']);
const QUOTES: Record<string, string> = { '“': '”', '"': '"', '‘': '’', '「': '」', '『': '』' };
const COMMUNITY = '命运共同体';
const NEW_ERA = '新时代';
/** Characters that do not abbreviate a country before 命运共同体 (人类命运共同体 is its own term). */
const NOT_A_COUNTRY = new Set('国人心的和与及是为类'.split(''));

function isHan(char: string | undefined): boolean {
  return char !== undefined && /\p{Script=Han}/u.test(char);
}

/** The term's own bounds inside the matched alias, or the match's when the alias is another name. */
function narrowed(normalized: string, match: DictMatch): { start: number; end: number } {
  const { start, end, entry } = match;
  const form = normalized.slice(start, end);
  if (form === entry.term) return { start, end };
  const at = form.indexOf(entry.term);
  if (at < 0) return { start, end };
  const before = form.slice(0, at);
  const after = form.slice(at + entry.term.length);
  const quoted = before.length === 1 && QUOTES[before] !== undefined && after.startsWith(QUOTES[before]);
  const governed = (before === '' || GOVERNING.has(before)) && (after === '' || TAILS.has(after));
  return quoted || governed ? { start: start + at, end: start + at + entry.term.length } : { start, end };
}

/** How far left a bilateral community (新时代中越命运共同体) reaches from its 命运共同体. */
function communityStart(normalized: string, start: number): number {
  const first = normalized[start - 2];
  const second = normalized[start - 1];
  if (!isHan(first) || !isHan(second) || first === second) return start;
  const pair =
    (first === '中' && !NOT_A_COUNTRY.has(second ?? '')) ||
    (second === '中' && !NOT_A_COUNTRY.has(first ?? ''));
  if (!pair) return start;
  return normalized.startsWith(NEW_ERA, start - 2 - NEW_ERA.length) ? start - 2 - NEW_ERA.length : start - 2;
}

/**
 * The policy matches of one text (sorted, not overlapping) with their entity bounds; other matches
 * as they are. A widened span never reaches into a neighbouring match.
 */
export function policySpans(normalized: string, matches: readonly DictMatch[]): DictMatch[] {
  const out: DictMatch[] = [];
  matches.forEach((match, i) => {
    if (match.entry.label !== 'POLICY') {
      out.push(match);
      return;
    }
    let { start, end } = narrowed(normalized, match);
    const previousEnd = out[out.length - 1]?.end ?? 0;
    const nextStart = matches[i + 1]?.start ?? normalized.length;
    const form = normalized.slice(match.start, match.end);
    if (match.entry.type === 'strategy' && !form.endsWith('战略') && normalized.startsWith('战略', end)) {
      if (end + 2 <= nextStart) end += 2;
    }
    if (normalized.slice(start, end) === COMMUNITY)
      start = Math.max(previousEnd, communityStart(normalized, start));
    out.push(start === match.start && end === match.end ? match : { ...match, start, end });
  });
  return out;
}
