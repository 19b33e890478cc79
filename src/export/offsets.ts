/**
 * Offset units. zhtag's own offsets are UTF-16 code units (JavaScript string indices). Tools written in
 * Python count code points (brat; Label Studio also stores code points), so an emoji or a CJK
 * Extension B character, one code point but two UTF-16 units, shifts every later offset by one.
 */
export type OffsetUnit = 'utf16' | 'codepoint';

/** Converts UTF-16 offsets of `text` to code point offsets (identity when the text has no surrogates). */
export function codePointOffsets(text: string): (utf16Offset: number) => number {
  if (!/[\uD800-\uDFFF]/.test(text)) return (offset) => offset;
  const table = new Uint32Array(text.length + 1);
  let codePoints = 0;
  for (let i = 0; i < text.length; i++) {
    table[i] = codePoints;
    const unit = text.charCodeAt(i);
    // A low surrogate after a high one belongs to the same code point.
    const continues = unit >= 0xdc00 && unit <= 0xdfff && i > 0 && isHighSurrogate(text.charCodeAt(i - 1));
    if (continues) table[i] = codePoints - 1;
    else codePoints++;
  }
  table[text.length] = codePoints;
  return (offset) => table[offset] ?? codePoints;
}

function isHighSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}

/** The substring between code point offsets (how Python's `text[start:end]` reads an export). */
export function sliceCodePoints(text: string, start: number, end: number): string {
  return Array.from(text).slice(start, end).join('');
}
