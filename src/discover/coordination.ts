import { type Corpus, isTermChar, QUOTE_PAIRS } from './corpus.js';

/** Longest item of a 、-list considered (longer chunks are clauses, not names). */
const MAX_ITEM = 8;
const QUOTE_CHARS = new Set([...QUOTE_PAIRS.keys(), ...QUOTE_PAIRS.values()]);
const QUOTE_MARKS = /[“”‘’「」『』"]/g;
/**
 * Between two quoted items, 和, 与 and 及 join a list as 、 does (“菜篮子”和“米袋子”), and so does nothing
 * at all (“两重”“两新”).
 */
const QUOTED_CONJUNCTION = /([”’」』"])[和与及]?([“‘「『"])/g;

/** A quoted item at the end of the first chunk or at the start of the last one. */
const QUOTED_AT_END = /[“‘「『"]([^“”‘’「」『』"]+)[”’」』"]$/;
const QUOTED_AT_START = /^[“‘「『"]([^“”‘’「」『』"]+)[”’」』"]/;

/**
 * The forms an item of a 、-list may take. An inner item is exactly the text between two 、; the first
 * and last items run into the clause around the list (实施|下岗分流、减员增效|和再就业工程), so every
 * suffix of the first and every prefix of the last chunk is a possible item, unless quotes mark the
 * item exactly (实施“米袋子”、“菜篮子”工程).
 */
function itemForms(chunk: string, position: 'first' | 'inner' | 'last'): string[] {
  if (position !== 'inner') {
    const exact = (position === 'first' ? QUOTED_AT_END : QUOTED_AT_START).exec(chunk)?.[1];
    if (exact !== undefined) return exact.length >= 2 && exact.length <= MAX_ITEM ? [exact] : [];
  }
  return unquotedForms(chunk.replace(QUOTE_MARKS, ''), position);
}

function unquotedForms(chunk: string, position: 'first' | 'inner' | 'last'): string[] {
  if (position === 'inner') return chunk.length >= 2 && chunk.length <= MAX_ITEM ? [chunk] : [];
  const forms: string[] = [];
  for (let length = 2; length <= Math.min(MAX_ITEM, chunk.length); length++)
    forms.push(position === 'first' ? chunk.slice(chunk.length - length) : chunk.slice(0, length));
  return forms;
}

/**
 * Co-ordination: things listed with 、 next to a policy term are usually policy terms of the same kind
 * (兼并破产、下岗分流、减员增效). Counts, for every string `counted` accepts, the occurrences in which it
 * is an item of a 、-list that also holds an anchor (a known term or a strong candidate) other than
 * itself.
 */
export function coordinatedWithAnchors(
  corpus: Corpus,
  isAnchor: (form: string) => boolean,
  counted: (form: string) => boolean,
): Map<string, number> {
  const { text } = corpus;
  const out = new Map<string, number>();
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : 0;
    // Quotes stay inside a clause: “一国两制”、“港人治港” is one list.
    if (i < text.length && (isTermChar(code) || text[i] === '、' || QUOTE_CHARS.has(text[i] ?? ''))) continue;
    if (i > start) visitClause(text.slice(start, i), isAnchor, counted, out);
    start = i + 1;
  }
  return out;
}

function visitClause(
  clause: string,
  isAnchor: (form: string) => boolean,
  counted: (form: string) => boolean,
  out: Map<string, number>,
): void {
  const chunks = clause.replace(QUOTED_CONJUNCTION, '$1、$2').split('、');
  if (chunks.length < 2) return;
  const items = chunks.map((chunk, k) =>
    itemForms(chunk, k === 0 ? 'first' : k === chunks.length - 1 ? 'last' : 'inner'),
  );
  const anchored = items.map((forms) => forms.some(isAnchor));
  const anchors = anchored.filter(Boolean).length;
  items.forEach((forms, k) => {
    // The anchor must be another item: a known term is not evidence for itself.
    if (anchors - (anchored[k] ? 1 : 0) === 0) return;
    for (const form of forms) if (counted(form)) out.set(form, (out.get(form) ?? 0) + 1);
  });
}
