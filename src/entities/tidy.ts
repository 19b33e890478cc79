/**
 * Edges of the statistical model's spans. The model labels characters one by one, so now and then a
 * span takes a bracket or a quote at its edge (王乐）, 【博宝) or stops inside a run of Latin letters
 * (michae|lbrand). A name never begins or ends with punctuation, and a Latin word is never half a
 * person's name: spans are trimmed to the first and last character that can belong to a name, and a
 * person is widened to whole Latin words (an organization's Latin prefix is often a word of its own:
 * vs|ac米兰). A person's name also ends before a bracket inside it (迈克.内维尔(MikeNewell)).
 */

/** Closing brackets by their opening one. */
const CLOSERS: Record<string, string> = {
  '(': ')',
  '（': '）',
  '[': ']',
  '【': '】',
  '〔': '〕',
  '《': '》',
  '〈': '〉',
  '「': '」',
  '『': '』',
  '“': '”',
  '‘': '’',
};
const OPENERS: Record<string, string> = Object.fromEntries(
  Object.entries(CLOSERS).map(([open, close]) => [close, open]),
);

/** Punctuation, symbols and spaces: never the first or last character of a name. */
const EDGE_JUNK = /^[\p{P}\p{S}\p{Z}\s]$/u;
/** Latin letters (not digits: WCG|2011 and 沙尔克|04 are two words as often as one). */
const LATIN = /^[A-Za-z\uff21-\uff3a\uff41-\uff5a]$/;

function isLatin(text: string, at: number): boolean {
  return at >= 0 && at < text.length && LATIN.test(text.charAt(at));
}

/**
 * Whether the bracket at `at` (an edge of `[start, end)`) is balanced inside the span: 韩亚（中国） keeps
 * its closing bracket, 王乐） does not.
 */
function balanced(text: string, start: number, end: number, at: number): boolean {
  const char = text.charAt(at);
  const open = OPENERS[char];
  if (open !== undefined) return text.lastIndexOf(open, at - 1) >= start;
  const close = CLOSERS[char];
  if (close !== undefined) {
    const found = text.indexOf(close, at + 1);
    return found >= 0 && found < end;
  }
  return false;
}

/**
 * The span's bounds with punctuation trimmed from its edges (a pair wrapping the whole span goes; one
 * closed inside it stays) and
 * widened to whole Latin words; undefined when nothing is left. Offsets are UTF-16 indices of `text`.
 */
export function tidySpan(
  text: string,
  start: number,
  end: number,
  label?: string,
): { start: number; end: number } | undefined {
  let from = start;
  let to = end;
  // A person's name holds no bracket: 迈克.内维尔(MikeNewell) is the name and its original spelling.
  if (label === 'PERSON') {
    for (let at = from + 1; at < to; at++) {
      const char = text.charAt(at);
      if (CLOSERS[char] !== undefined && char !== '“' && char !== '‘') {
        to = at;
        break;
      }
    }
  }
  // A span wrapped whole in a pair (“张艺谋”, 《人民日报》) is the name inside it.
  while (to - from > 2 && CLOSERS[text.charAt(from)] === text.charAt(to - 1)) {
    from++;
    to--;
  }
  while (from < to && EDGE_JUNK.test(text.charAt(from)) && !balanced(text, from, to, from)) from++;
  while (to > from && EDGE_JUNK.test(text.charAt(to - 1)) && !balanced(text, from, to, to - 1)) to--;
  if (from === to) return undefined;
  // Only names: an organization's Latin prefix is often a separate word (vs|ac米兰).
  if (label === 'PERSON') {
    if (isLatin(text, from) && isLatin(text, from - 1)) while (isLatin(text, from - 1)) from--;
    if (isLatin(text, to - 1) && isLatin(text, to)) while (isLatin(text, to)) to++;
  }
  return { start: from, end: to };
}
