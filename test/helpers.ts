import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { Doc, Span, Token } from '../src/index.js';

export const ROOT = join(import.meta.dirname, '..');
export const SAMPLE_PATH = join(ROOT, 'corpus', 'jiaozuo-interview-2023.txt');
export const sampleText = (): string => readFileSync(SAMPLE_PATH, 'utf8');

/** The offset rule: `text.slice(start, end) === span.text`, half-open, inside the text. */
export function expectSpan(text: string, span: Span): void {
  expect(span.start).toBeGreaterThanOrEqual(0);
  expect(span.end).toBeGreaterThan(span.start);
  expect(span.end).toBeLessThanOrEqual(text.length);
  expect(text.slice(span.start, span.end)).toBe(span.text);
}

/** Tokens in order, never overlapping, covering every non-whitespace character exactly once. */
export function expectTokens(text: string, tokens: Token[]): void {
  const owner = new Int32Array(text.length).fill(-1);
  tokens.forEach((token, i) => {
    expectSpan(text, token);
    expect(typeof token.pos).toBe('string');
    if (i > 0) expect(token.start).toBeGreaterThanOrEqual(tokens[i - 1]?.end ?? 0);
    for (let k = token.start; k < token.end; k++) owner[k] = i;
  });
  for (let k = 0; k < text.length; k++) {
    if (!/\s/.test(text[k] ?? '') && owner[k] === -1) {
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
    expect(entity.start).toBeGreaterThanOrEqual(lastEnd);
    expect(typeof entity.source).toBe('string');
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
