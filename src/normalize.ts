import iconv from 'iconv-lite';
import { Converter } from 'opencc-js';

/**
 * Maps text to a form that matches the simplified, half-width dictionaries while keeping every
 * UTF-16 index in place: each code unit maps to exactly one code unit, so offsets found in the
 * normalized text point into the original text unchanged.
 */
export interface Normalizer {
  normalize(text: string): string;
  /**
   * Written variants of a normalized dictionary form for the traditional characters the table leaves
   * alone (著 for 着 in 带着, 乾 for 干): matched as the same entry. At most `limit` forms, the form first.
   */
  variants(form: string, limit?: number): string[];
}

const FULLWIDTH_FIRST = 0xff01;
const FULLWIDTH_LAST = 0xff5e;
const FULLWIDTH_OFFSET = 0xfee0;
const IDEOGRAPHIC_SPACE = 0x3000;
const CJK_FIRST = 0x3400;
const CJK_LAST = 0x9fff;
const MIDDLE_DOT = 0xb7;
/** Bullet, katakana middle dot (full and half width), hyphenation point, bullet operator, dot operator. */
const NAME_DOTS = [0x2022, 0x30fb, 0xff65, 0x2027, 0x2219, 0x22c5];
const QUOTES: ReadonlyArray<[number, number]> = [
  [0x300c, 0x201c],
  [0x300d, 0x201d],
  [0x300e, 0x2018],
  [0x300f, 0x2019],
  [0xfe41, 0x201c],
  [0xfe42, 0x201d],
  [0xfe43, 0x2018],
  [0xfe44, 0x2019],
];
/** Texts up to this many UTF-16 units are normalized in a reused buffer (128 KB). */
const SCRATCH_UNITS = 1 << 16;

/**
 * True for characters of the GB 2312 hanzi rows: simplified text uses them as they are, even where
 * OpenCC lists them as traditional (著名, 乾隆, 於 as a surname), so they are never rewritten.
 */
function isGb2312Hanzi(char: string): boolean {
  const bytes = iconv.encode(char, 'gbk');
  const lead = bytes[0] ?? 0;
  const trail = bytes[1] ?? 0;
  return bytes.length === 2 && lead >= 0xb0 && lead <= 0xf7 && trail >= 0xa1 && trail <= 0xfe;
}

/**
 * Builds the character table once: every traditional (Taiwan, Hong Kong and OpenCC standard) CJK
 * character of the BMP whose simplified form is a single BMP character. Characters are converted
 * one per line so that phrase rules cannot change the length.
 */
function buildTraditionalTable(): { table: Map<number, number>; kept: Map<number, number[]> } {
  const chars: string[] = [];
  for (let code = CJK_FIRST; code <= CJK_LAST; code++) chars.push(String.fromCharCode(code));
  const source = chars.join('\n');
  const table = new Map<number, number>();
  const kept = new Map<number, number[]>();
  for (const from of ['t', 'tw', 'hk'] as const) {
    const converted = Converter({ from, to: 'cn' })(source).split('\n');
    if (converted.length !== chars.length) continue;
    for (let i = 0; i < chars.length; i++) {
      const out = converted[i];
      const code = CJK_FIRST + i;
      if (out === undefined || out.length !== 1 || out.charCodeAt(0) === code || table.has(code)) continue;
      const simplified = out.charCodeAt(0);
      if (isGb2312Hanzi(chars[i] ?? '')) {
        const list = kept.get(simplified) ?? [];
        if (!list.includes(code)) list.push(code);
        kept.set(simplified, list);
        continue;
      }
      table.set(code, simplified);
    }
  }
  return { table, kept };
}

/** Creates a normalizer. `traditional: false` skips the traditional-to-simplified table. */
export function createNormalizer(options: { traditional?: boolean } = {}): Normalizer {
  // One code unit in, one code unit out: a flat table over the BMP is the fastest lookup there is.
  const table = new Uint16Array(0x10000);
  for (let code = 0; code < table.length; code++) table[code] = code;
  for (let code = FULLWIDTH_FIRST; code <= FULLWIDTH_LAST; code++) table[code] = code - FULLWIDTH_OFFSET;
  table[IDEOGRAPHIC_SPACE] = 0x20;
  // The separators of transliterated names (休•芒罗, 凯特・温斯莱特) all become the middle dot that
  // People's Daily writes (U+00B7), so names and dictionary forms match whichever one a text uses.
  for (const dot of NAME_DOTS) table[dot] = MIDDLE_DOT;
  // Corner brackets, the quotation marks of traditional text (「十四五」規劃), are the curly quotes the
  // dictionaries write (“十四五”规划): 「」 as “”, 『』 as ‘’.
  for (const [from, to] of QUOTES) table[from] = to;
  const traditional = options.traditional === false ? undefined : buildTraditionalTable();
  for (const [from, to] of traditional?.table ?? []) table[from] = to;
  const kept = traditional?.kept ?? new Map<number, number[]>();
  // Scratch space of this normalizer for one text at a time (normalize runs synchronously).
  const scratch = new Uint16Array(SCRATCH_UNITS);
  return {
    variants(form: string, limit = 8): string[] {
      let forms = [form];
      for (let i = 0; i < form.length && forms.length < limit; i++) {
        const alternatives = kept.get(form.charCodeAt(i));
        if (!alternatives) continue;
        const next = [...forms];
        for (const written of forms) {
          for (const code of alternatives) {
            if (next.length >= limit) break;
            next.push(written.slice(0, i) + String.fromCharCode(code) + written.slice(i + 1));
          }
        }
        forms = next;
      }
      return forms;
    },
    normalize(text: string): string {
      const length = text.length;
      let i = 0;
      while (i < length && table[text.charCodeAt(i)] === text.charCodeAt(i)) i++;
      if (i === length) return text;
      // Most news text changes in a few places (full-width digits, ％): map every unit into a buffer
      // and decode once, which costs far less than building the string piece by piece.
      // utf16le decoding keeps lone surrogates as they are, so the length never changes.
      const units = length <= SCRATCH_UNITS ? scratch : new Uint16Array(length);
      for (let k = 0; k < length; k++) units[k] = table[text.charCodeAt(k)] as number;
      return Buffer.from(units.buffer, units.byteOffset, length * 2).toString('utf16le');
    },
  };
}
