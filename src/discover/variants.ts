import { type Corpus, QUOTE_PAIRS } from './corpus.js';
import { isNumeral } from './signals.js';

/**
 * How the proposed terms relate to each other and to the known ones, for the reviewer: a term that is
 * part of a longer one (篮子 in 菜篮子工程), an abbreviation of a longer one (百千万工程 /
 * 百县千镇万村高质量发展工程), terms named together (碳达峰 / 碳中和), and a numbered abbreviation of
 * such a pair (双碳 = 碳达峰 + 碳中和, 两新 = 设备更新 + 以旧换新).
 */

/** The longest form among `longer` that holds `term` inside it (not `term` itself). */
export function partOf(term: string, longer: Iterable<string>): string | undefined {
  let best: string | undefined;
  for (const form of longer)
    if (form.length > term.length && form.includes(term) && (best === undefined || form.length > best.length))
      best = form;
  return best;
}

/**
 * Whether `short` abbreviates `long`: the same first and last character and every character of
 * `short` found in `long` in order, `long` at least two characters longer (百千万工程 /
 * 百县千镇万村高质量发展工程, 两免一补 is not one: it ends elsewhere).
 */
export function abbreviates(short: string, long: string): boolean {
  if (short.length < 2 || long.length < short.length + 2 || long.includes(short)) return false;
  if (short[0] !== long[0] || short[short.length - 1] !== long[long.length - 1]) return false;
  let at = 0;
  for (const char of short) {
    at = long.indexOf(char, at);
    if (at === -1) return false;
    at++;
  }
  return true;
}

/** What may stand between two terms named together: list marks, conjunctions, quotes, nothing. */
const JOINERS = new Set(['、', '和', '与', '及', '同', ...QUOTE_PAIRS.keys(), ...QUOTE_PAIRS.values()]);
/** Times two terms must be named together to be grouped. */
const MIN_TOGETHER = 2;

/**
 * Pairs of `terms` named next to each other at least twice (碳达峰碳中和, “两重”“两新”, 港人治港、
 * 澳人治澳), each pair once, with how often.
 */
export function namedTogether(corpus: Corpus, terms: readonly string[]): Map<string, Map<string, number>> {
  const { text } = corpus;
  const byHead = new Map<string, string[]>();
  for (const term of terms) {
    const list = byHead.get(term[0] ?? '') ?? [];
    list.push(term);
    byHead.set(term[0] ?? '', list);
  }
  const counts = new Map<string, Map<string, number>>();
  for (const first of terms) {
    for (let at = text.indexOf(first); at !== -1; at = text.indexOf(first, at + 1)) {
      let next = at + first.length;
      // At most two marks between the terms (”、“ / 和).
      for (let skipped = 0; skipped < 3 && JOINERS.has(text[next] ?? ''); skipped++) next++;
      for (const second of byHead.get(text[next] ?? '') ?? []) {
        if (second === first || !text.startsWith(second, next)) continue;
        const row = counts.get(first) ?? new Map<string, number>();
        row.set(second, (row.get(second) ?? 0) + 1);
        counts.set(first, row);
      }
    }
  }
  for (const row of counts.values()) for (const [second, n] of row) if (n < MIN_TOGETHER) row.delete(second);
  return counts;
}

/** A candidate's relations to others, as short notes for the `variants` column. */
export function variantNotes(
  terms: readonly string[],
  known: readonly string[],
  together: Map<string, Map<string, number>>,
): Map<string, string[]> {
  const notes = new Map<string, string[]>(terms.map((t) => [t, []]));
  const add = (term: string, note: string) => {
    const list = notes.get(term);
    if (list && !list.includes(note)) list.push(note);
  };
  const pool = [...new Set([...terms, ...known])];
  for (const term of terms)
    for (const other of pool) {
      if (abbreviates(term, other)) add(term, `abbreviation of ${other}`);
      if (abbreviates(other, term)) add(term, `abbreviated ${other}`);
    }
  const pairs: Array<[string, string]> = [];
  for (const [first, row] of together)
    for (const second of row.keys()) {
      pairs.push([first, second]);
      add(first, `with ${second}`);
      add(second, `with ${first}`);
    }
  // A numeral and one character (双碳, 两新, 两重) naming a pair whose members both hold that character.
  for (const term of terms) {
    if (term.length !== 2 || !isNumeral(term[0])) continue;
    const char = term[1] ?? '';
    for (const [first, second] of pairs)
      if (first.includes(char) && second.includes(char)) add(term, `= ${first} + ${second}`);
  }
  return notes;
}
