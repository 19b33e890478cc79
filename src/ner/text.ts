/**
 * Character handling for the NER model: code-point iteration with exact UTF-16 offsets,
 * width normalization and coarse character classes.
 */

/** Character classes used as features. */
export enum CharClass {
  Boundary = 0,
  Han = 1,
  Digit = 2,
  HanNumeral = 3,
  Latin = 4,
  Punct = 5,
  Space = 6,
  Control = 7,
  Other = 8,
}

const HAN_NUMERALS = new Set([...'〇零一二三四五六七八九十百千万亿两'].map((c) => c.codePointAt(0) ?? 0));

/** Full-width ASCII → half-width, ideographic space → space, Latin → lower case. */
export function normalizeCodePoint(cp: number): number {
  let c = cp;
  if (c >= 0xff01 && c <= 0xff5e) c -= 0xfee0;
  else if (c === 0x3000) c = 0x20;
  if (c >= 0x41 && c <= 0x5a) c += 0x20;
  return c;
}

export function charClass(cp: number): CharClass {
  if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) return CharClass.Control;
  if (cp === 0x20 || cp === 0xa0 || cp === 0x3000 || (cp >= 0x2000 && cp <= 0x200b)) return CharClass.Space;
  if (cp >= 0x30 && cp <= 0x39) return CharClass.Digit;
  if ((cp >= 0x61 && cp <= 0x7a) || (cp >= 0x41 && cp <= 0x5a)) return CharClass.Latin;
  if (HAN_NUMERALS.has(cp)) return CharClass.HanNumeral;
  if (
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x20000 && cp <= 0x3134f) ||
    (cp >= 0xf900 && cp <= 0xfaff)
  ) {
    return CharClass.Han;
  }
  if (
    cp < 0x80 ||
    (cp >= 0x3000 && cp <= 0x303f) ||
    (cp >= 0xff00 && cp <= 0xffef) ||
    (cp >= 0x2010 && cp <= 0x206f)
  ) {
    return CharClass.Punct;
  }
  return CharClass.Other;
}

/** Normalize a whole string to half-width (same UTF-16 length, so offsets are unchanged). */
export function toHalfWidth(text: string): string {
  let out = '';
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0xff01 && c <= 0xff5e) || c === 0x3000) {
      out += text.slice(start, i) + String.fromCharCode(c === 0x3000 ? 0x20 : c - 0xfee0);
      start = i + 1;
    }
  }
  return start === 0 ? text : out + text.slice(start);
}

/** FNV-1a over UTF-16 code units, 32-bit. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}

/** `hashString` of the UTF-16 form of `cps[s, e)` (no string is built). */
export function hashCodePoints(cps: Int32Array, s: number, e: number): number {
  let h = 0x811c9dc5;
  for (let i = s; i < e; i++) {
    const c = cps[i] as number;
    if (c > 0xffff) {
      const v = c - 0x10000;
      h ^= 0xd800 + (v >> 10);
      h = Math.imul(h, 0x01000193);
      h ^= 0xdc00 + (v & 0x3ff);
    } else h ^= c;
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}
