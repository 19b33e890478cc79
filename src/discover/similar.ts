// natural's distance functions only: the package root prints to stdout and reads .env.
import { DiceCoefficient, JaroWinklerDistance } from 'natural/lib/natural/distance/index.js';

/** Forms of known terms a candidate may be a variant of. */
export interface KnownForm {
  form: string;
  term: string;
}

/**
 * The known term a candidate most likely is another spelling of: one contains the other with at most
 * three characters more (科教兴国 / 科教兴国战略), or the strings are close by Jaro–Winkler or Dice.
 */
export function nearestKnown(candidate: string, known: readonly KnownForm[]): string | undefined {
  let best: { term: string; similarity: number } | undefined;
  for (const { form, term } of known) {
    if (form === candidate) return undefined;
    const lengthGap = Math.abs(form.length - candidate.length);
    let similarity = 0;
    if (lengthGap <= 3 && Math.min(form.length, candidate.length) >= 2) {
      if (form.includes(candidate) || candidate.includes(form)) similarity = 1 - lengthGap / 10;
    }
    if (similarity === 0 && lengthGap <= 2 && candidate.length >= 3) {
      const jaroWinkler = JaroWinklerDistance(candidate, form);
      const dice = DiceCoefficient(candidate, form);
      if (jaroWinkler >= 0.9 || dice >= 0.7) similarity = Math.max(jaroWinkler, dice) * 0.9;
    }
    if (similarity > 0 && (best === undefined || similarity > best.similarity)) best = { term, similarity };
  }
  return best?.term;
}
