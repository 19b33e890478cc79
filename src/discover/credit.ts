import type { Measurements } from './measure.js';
import { GENERIC_SUFFIXES, isNumeral, numeralShape, POLICY_SUFFIXES } from './signals.js';

/**
 * Credits for the shape of a candidate, a numbered slogan or a policy suffix, each scaled by how much
 * more often its parts go together than chance: the shape alone does not make a name.
 */

/** PMI (bits) of cutting `term` into `[0, at)` and `[at, end)`, from the measured counts. */
function cutPmi(term: string, at: number, count: number, m: Measurements): number {
  const countOf = (part: string) =>
    part.length === 1 ? (m.chars[part.charCodeAt(0)] ?? 0) : (m.parts.get(part) ?? 0);
  const head = countOf(term.slice(0, at));
  const tail = countOf(term.slice(at));
  return head === 0 || tail === 0 ? 0 : Math.log2((count * m.total) / (head * tail));
}

/**
 * Credit for a numbered-slogan shape, scaled by how tightly the number and what it counts go together:
 * 两个|根本性转变 is a set phrase, 两个|方面 and 两个|市场 are ordinary counting. A numeral and one
 * character (三讲, 双拥, 四荒, 两基, 三通) is the shape of the numbered abbreviations of policy language and
 * earns the weak credit, the same PMI scale deciding (两国, 双方 and 三峡 are also general vocabulary,
 * which the caller discounts); a numeral, 个 and one character (两个人) earns nothing.
 */
export function numeralCredit(term: string, count: number, m: Measurements): number {
  const shape = numeralShape(term);
  if (shape === undefined) return 0;
  let cut = 0;
  while (cut < term.length && isNumeral(term[cut])) cut++;
  if ('个大项'.includes(term[cut] ?? '-')) cut++;
  if (term.length - cut <= 1 && term.length > 2) return 0;
  const base = shape === 'strong' ? 1.2 : 0.6;
  return base * Math.min(1, Math.max(0, (cutPmi(term, cut, count, m) - 3) / 4));
}

/**
 * Credit for a policy suffix, scaled by how much more often the name and its suffix go together than
 * chance (PMI of that cut): 菜篮子|工程 is a name, 体育|活动 and 发展|战略 are ordinary compounds.
 */
export function suffixCredit(term: string, count: number, m: Measurements): number {
  // X+ (人工智能+, 互联网+): the plus sign is the suffix of the name.
  if (term.endsWith('+') && term.length >= 3) {
    const pmi = cutPmi(term, term.length - 1, count, m);
    return Math.min(1, Math.max(0, (pmi - 2) / 4));
  }
  const suffix = POLICY_SUFFIXES.find(([s]) => term.endsWith(s) && term.length >= s.length + 2)?.[0];
  if (suffix === undefined) return 0;
  if (GENERIC_SUFFIXES.has(suffix) && term.length - suffix.length < 3) return 0;
  // A numbered phase or part (一期工程, 二期工程) is a stage of any project, not a name.
  if (isNumeral(term[0]) && numeralShape(term.slice(0, term.length - suffix.length)) === undefined) return 0;
  const pmi = cutPmi(term, term.length - suffix.length, count, m);
  return Math.min(1, Math.max(0, (pmi - 4) / 4));
}
