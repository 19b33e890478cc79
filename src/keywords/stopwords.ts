import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ZhtagError } from '../errors.js';
import { dictionariesDir } from '../paths.js';

/** The shipped stop-word list (see dictionaries/keywords/README.md for how it was built). */
export function shippedStopWordsPath(): string {
  return join(dictionariesDir(), 'keywords', 'stopwords.txt');
}

/** Reads a stop-word list: one word per line, blank lines and `#` comments skipped. */
export function loadStopWords(path: string, displayPath = path): Set<string> {
  const content = readResource(path, displayPath, 'stop words');
  const words = new Set<string>();
  for (const raw of content.split('\n')) {
    const word = raw.trim();
    if (word !== '' && !word.startsWith('#')) words.add(word);
  }
  return words;
}

/**
 * Tags whose words are never keywords alone nor inside a phrase: numerals and measure words (m, mq, q),
 * times (t), pronouns (r), function words (c, p, u*, e, y, o, d), punctuation and symbols (x, w).
 */
const FUNCTION_TAG = /^(m|mq|q|t|tg|r|rr|rz|c|p|u|u[a-z]+|e|y|o|d|x|w|zg|uj|ul|uv|ud|ug|uz)$/;

export function isFunctionTag(pos: string): boolean {
  return FUNCTION_TAG.test(pos);
}

const NUMBER_LIKE = /^[\d０-９.,%％:：\-/+年月日号时分秒万亿千百十零〇一二三四五六七八九两第余多几个]+$/;
/** True for numbers, dates and counts written with digits or numerals (２０２３年, 三十余, 60%). */
export function isNumberLike(word: string): boolean {
  return NUMBER_LIKE.test(word);
}

/**
 * True when the word holds at least one Chinese character (CJK unified ideographs, extension A,
 * compatibility ideographs, or a high surrogate of the supplementary ideographic plane). A loop over
 * code units: it runs on every token.
 */
export function hasHan(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    if (
      (code >= 0x3400 && code <= 0x9fff) ||
      (code >= 0xf900 && code <= 0xfaff) ||
      (code >= 0xd840 && code <= 0xd87f)
    ) {
      return true;
    }
  }
  return false;
}

/** Reads a keyword resource file; a missing or unreadable file is `E_DICT_NOT_FOUND` naming it. */
export function readResource(path: string, displayPath: string, what: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new ZhtagError(
      'E_DICT_NOT_FOUND',
      `${displayPath}: cannot read ${what} (${(error as Error).message})`,
      {
        file: displayPath,
      },
    );
  }
}
