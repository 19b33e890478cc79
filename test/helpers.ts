import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { type Doc, isZhtagError, type Span, type Token } from '../src/index.js';

export const ROOT = join(import.meta.dirname, '..');
export const SAMPLE_PATH = join(ROOT, 'corpus', 'jiaozuo-interview-2023.txt');
export const sampleText = (): string => readFileSync(SAMPLE_PATH, 'utf8');

/** The offset rule: `text.slice(start, end) === span.text`, half-open, inside the text. */
export function expectSpan(text: string, span: Span): void {
  // Plain checks first: `expect` per span is slow on documents with 100k spans.
  const ok =
    Number.isInteger(span.start) &&
    Number.isInteger(span.end) &&
    span.start >= 0 &&
    span.end > span.start &&
    span.end <= text.length &&
    text.slice(span.start, span.end) === span.text;
  if (!ok)
    expect({ ...span, actual: text.slice(span.start, span.end) }).toEqual({ ...span, actual: span.text });
  if (!ok) throw new Error(`bad span ${JSON.stringify(span)} in a text of length ${text.length}`);
}

/** Tokens in order, never overlapping, covering every non-whitespace character exactly once. */
export function expectTokens(text: string, tokens: Token[]): void {
  const owner = new Int32Array(text.length).fill(-1);
  tokens.forEach((token, i) => {
    expectSpan(text, token);
    if (typeof token.pos !== 'string' || token.pos === '') throw new Error(`token ${i} has no pos`);
    if (i > 0 && token.start < (tokens[i - 1]?.end ?? 0))
      throw new Error(`token ${i} overlaps the previous one`);
    owner.fill(i, token.start, token.end);
  });
  for (let k = 0; k < text.length; k++) {
    if (owner[k] === -1 && !/\s/.test(text[k] ?? '')) {
      throw new Error(`character ${k} (${JSON.stringify(text[k])}) belongs to no token`);
    }
  }
}

/** The whole offset contract of a Doc: tokens, flat entities that never overlap, and spans. */
export function expectDoc(doc: Doc): void {
  expectTokens(doc.text, doc.tokens);
  let lastEnd = 0;
  for (const entity of doc.entities) {
    expectSpan(doc.text, entity);
    if (entity.start < lastEnd) throw new Error(`entity ${JSON.stringify(entity)} overlaps the previous one`);
    if (typeof entity.source !== 'string' || entity.source === '') throw new Error(`entity without source`);
    lastEnd = entity.end;
  }
  for (const spans of Object.values(doc.spans ?? {})) for (const span of spans) expectSpan(doc.text, span);
  expect(Array.isArray(doc.keywords)).toBe(true);
}

/** Every `[start, end)` where `needle` occurs in `text`. */
export function occurrences(text: string, needle: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let i = text.indexOf(needle); i !== -1; i = text.indexOf(needle, i + 1))
    out.push([i, i + needle.length]);
  return out;
}

/** True when one token covers `[start, end)` whole (the term is not split). */
export function coveredByOneToken(tokens: Token[], start: number, end: number): boolean {
  return tokens.some((token) => token.start <= start && token.end >= end);
}

/** The code and message of the ZhtagError `run` throws (fails the test when it throws none). */
export function errorOf(run: () => unknown): { code: string; message: string } {
  try {
    run();
  } catch (error) {
    if (isZhtagError(error)) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('expected a ZhtagError');
}
