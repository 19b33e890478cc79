import { createRequire } from 'node:module';
import type { Entity, Label } from '../types.js';

/** The part of compromise's JSON output zhtag reads: terms with tags and UTF-16 offsets. */
interface CompromiseTerm {
  text: string;
  tags: string[];
  offset: { start: number; length: number };
}
interface CompromiseMatch {
  terms: CompromiseTerm[];
}
interface CompromiseView {
  json(options: object): CompromiseMatch[];
}
type Compromise = (text: string) => Record<'people' | 'places' | 'organizations', () => CompromiseView>;

const require = createRequire(import.meta.url);

/** compromise is loaded (once, by Node's module cache) on the first text with English in it. */
function load(): Compromise {
  return require('compromise') as Compromise;
}

/** Runs of Latin text worth reading as English: at least two letters, words joined by spaces and punctuation. */
const LATIN_RUN = /[A-Za-z][A-Za-z0-9'’.,&\- ]*[A-Za-z0-9.]/g;
const VIEWS: Array<['people' | 'places' | 'organizations', Label]> = [
  ['people', 'PERSON'],
  ['places', 'LOC'],
  ['organizations', 'ORG'],
];

/**
 * English names, places and organizations (inside Chinese text, or whole English documents) from
 * compromise, mapped to zhtag's labels with exact UTF-16 offsets. A leading honorific (President,
 * Mr) becomes a TITLE. Source `compromise`.
 */
export function englishEntities(text: string): Entity[] {
  const out: Entity[] = [];
  LATIN_RUN.lastIndex = 0;
  for (let run = LATIN_RUN.exec(text); run !== null; run = LATIN_RUN.exec(text)) {
    if (!/[A-Za-z]{2}/.test(run[0])) continue;
    const base = run.index;
    const doc = load()(run[0]);
    for (const [view, label] of VIEWS) {
      for (const match of doc[view]().json({ offset: true, terms: { offset: true } })) {
        let terms = match.terms;
        const first = terms[0];
        if (label === 'PERSON' && first?.tags.includes('Honorific') && terms.length > 1) {
          out.push(
            span(text, base + first.offset.start, base + first.offset.start + first.offset.length, 'TITLE'),
          );
          terms = terms.slice(1);
        }
        const head = terms[0];
        const tail = terms[terms.length - 1];
        if (!head || !tail) continue;
        out.push(span(text, base + head.offset.start, base + tail.offset.start + tail.offset.length, label));
      }
    }
  }
  return out.filter((entity) => entity.end > entity.start);
}

/** An entity over `[start, end)` with punctuation trimmed from both edges (Moscow. → Moscow). */
function span(text: string, start: number, end: number, label: Label): Entity {
  const raw = text.slice(start, end);
  const lead = raw.length - raw.replace(/^[^A-Za-z0-9]+/, '').length;
  const trail = raw.length - raw.replace(/[^A-Za-z0-9]+$/, '').length;
  const s = start + lead;
  const e = Math.max(s, end - trail);
  return { text: text.slice(s, e), start: s, end: e, label, source: 'compromise' };
}
