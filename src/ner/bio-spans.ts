/**
 * Where the character-BIO convention (pd1998-ner) differs from People's Daily in a way the model's
 * convention copies (features.ts) cannot learn from a thousand sentences against People's Daily's
 * hundreds of examples, a fixed mapping of the predicted spans.
 *
 * 政府: People's Daily brackets a place and 政府 as one organization (`[中国/ns 政府/n]nt`, 245 times
 * in Jan 1–20); the BIO convention tags the place only. In the training half of `example.dev` (its
 * even sentences) 21 of the 52 occurrences of 政府 follow a place tagged LOC, and none lies inside an
 * organization (the other 31 are untagged: 当地政府, 各级政府). The copies alone still gave 挪威政府,
 * 埃及政府 as ORG. So in the BIO convention, an organization ending in 政府 becomes its place, or
 * nothing when what is left is only an administrative level (市政府, 县政府). Same for places
 * ending in 地区 (below).
 */
const LEVEL_ONLY = new Set(['市', '省', '县', '区', '乡', '镇', '州', '自治区', '特区']);

/**
 * 地区: People's Daily writes 亚太地区, 那曲地区 as one place (154 LOC end in 地区 in Jan 1–20); in the
 * even sentences of `example.dev` no LOC ends in it and 7 are followed by it (西北 | 地区, 南亚 | 地区).
 */
const SPLIT_SUFFIX: Record<string, string> = { ORG: '政府', LOC: '地区' };

/** The span in the BIO convention (same span if nothing differs), or undefined to drop it. */
export function bioConventionSpan<S extends { start: number; end: number; label: string }>(
  text: string,
  span: S,
): S | undefined {
  const suffix = SPLIT_SUFFIX[span.label];
  if (!suffix || span.end - span.start < 2 || text.slice(span.end - 2, span.end) !== suffix) return span;
  const rest = text.slice(span.start, span.end - 2);
  if (rest.length === 0 || LEVEL_ONLY.has(rest)) return undefined;
  return { ...span, end: span.end - 2, label: 'LOC' };
}
