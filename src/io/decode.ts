import iconv from 'iconv-lite';

/** `auto`: UTF-8 (with or without BOM), then GB18030 (a superset of GBK and GB2312). Else any iconv-lite name. */
export type InputEncoding = string;

export type DecodeResult =
  | {
      ok: true;
      text: string;
      encoding: string;
      /** Set when a few invalid byte sequences were replaced by U+FFFD (said on stderr by the CLI). */
      warning?: string;
    }
  | { ok: false; reason: string };

/** At least this many good multi-byte characters per invalid sequence for UTF-8 with damage. */
const GOOD_PER_BAD = 50;

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/** True when `name` is `auto` or an encoding iconv-lite knows (checked before any file is read). */
export function isKnownEncoding(name: string): boolean {
  return name === 'auto' || iconv.encodingExists(name);
}

function startsWith(buffer: Uint8Array, prefix: number[]): boolean {
  return prefix.every((byte, i) => buffer[i] === byte);
}

/**
 * Control characters other than tab, newline, carriage return and form feed: text never holds many,
 * binary data does. NUL alone is decisive (no text encoding we accept writes it).
 */
function looksBinary(buffer: Uint8Array): boolean {
  const sample = buffer.subarray(0, 8192);
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) return true;
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) control++;
  }
  return control > sample.length / 100;
}

function strictUtf8(buffer: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(buffer);
  } catch {
    return undefined;
  }
}

/**
 * UTF-8 with a few damaged bytes (a cut download, one bad byte in an article): each invalid sequence
 * becomes U+FFFD and the rest is kept, when good multi-byte characters outnumber invalid sequences
 * `GOOD_PER_BAD` to one. Text in another encoding (GBK read as UTF-8) fails nearly every sequence.
 */
function damagedUtf8(buffer: Uint8Array): { text: string; invalid: number } | undefined {
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(buffer);
  let invalid = 0;
  let good = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0xfffd) invalid++;
    else if (code >= 0x80 && (code < 0xdc00 || code > 0xdfff)) good++;
  }
  return good >= GOOD_PER_BAD * invalid ? { text, invalid } : undefined;
}

const replacedWarning = (invalid: number) =>
  `${invalid} invalid UTF-8 byte sequence${invalid === 1 ? '' : 's'} replaced by U+FFFD`;

/** Code points that text does not hold but bytes misread as UTF-16 do: unassigned, private use, controls. */
const NOT_TEXT = /[\p{Cn}\p{Co}]|[^\P{Cc}\t\n\r\f]/gu;

/**
 * Whether text decoded after a UTF-16 byte-order mark really is UTF-16: no more than 1 in 100
 * characters unassigned, private-use or control, and not bytes that are plain UTF-8 without a single
 * NUL (UTF-16 writes one in every ASCII character; ASCII read as UTF-16 gives CJK-looking mojibake).
 */
function plausibleUtf16(text: string, body: Uint8Array): boolean {
  const odd = text.match(NOT_TEXT)?.length ?? 0;
  if (odd > text.length / 100) return false;
  return body.includes(0) || strictUtf8(body) === undefined;
}

/**
 * Decodes bytes into text. With `auto`, a UTF-16 BOM or a UTF-8 BOM decides; otherwise strict UTF-8 is
 * tried first (a GBK text is almost never valid UTF-8) and GB18030 second. A decode that needs the
 * replacement character, or bytes that look binary, fail with a reason instead of yielding mojibake.
 */
export function decodeBuffer(buffer: Uint8Array, encoding: InputEncoding = 'auto'): DecodeResult {
  if (buffer.length === 0) return { ok: true, text: '', encoding: encoding === 'auto' ? 'utf-8' : encoding };
  if (startsWith(buffer, [0xff, 0xfe]) || startsWith(buffer, [0xfe, 0xff])) {
    const label = buffer[0] === 0xff ? 'utf-16le' : 'utf-16be';
    if (encoding === 'auto' || iconv.encodingExists(encoding)) {
      let text: string;
      try {
        text = new TextDecoder(label, { fatal: true }).decode(buffer);
      } catch {
        return { ok: false, reason: `invalid ${label.toUpperCase()} text` };
      }
      if (encoding === 'auto' && !plausibleUtf16(text, buffer.subarray(2)))
        return {
          ok: false,
          reason: `starts with a ${label.toUpperCase()} byte-order mark, but the rest is not ${label.toUpperCase()} text (set option "encoding")`,
        };
      return { ok: true, text, encoding: label };
    }
  }
  if (looksBinary(buffer)) return { ok: false, reason: 'binary data (control bytes), not text' };
  const body = startsWith(buffer, UTF8_BOM) ? buffer.subarray(3) : buffer;
  const normalized = encoding.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (encoding === 'auto' || normalized === 'utf8') {
    const text = strictUtf8(body);
    if (text !== undefined) return { ok: true, text, encoding: 'utf-8' };
    const damaged = damagedUtf8(body);
    if (damaged)
      return { ok: true, text: damaged.text, encoding: 'utf-8', warning: replacedWarning(damaged.invalid) };
    if (encoding !== 'auto') {
      const gb = iconv.decode(Buffer.from(body.buffer, body.byteOffset, body.byteLength), 'gb18030');
      const hint = gb.includes('\uFFFD') ? '' : ' (it reads as GB18030: set option "encoding" to gb18030)';
      return { ok: false, reason: `invalid UTF-8${hint}` };
    }
    if (body !== buffer) return { ok: false, reason: 'UTF-8 BOM but invalid UTF-8' };
  }
  const label = encoding === 'auto' ? 'gb18030' : encoding;
  const text = iconv.decode(Buffer.from(body.buffer, body.byteOffset, body.byteLength), label);
  if (text.includes('\uFFFD')) {
    return {
      ok: false,
      reason:
        encoding === 'auto'
          ? 'undecodable: neither UTF-8 nor GB18030 (force one with option "encoding")'
          : `undecodable as ${encoding}`,
    };
  }
  return { ok: true, text: text.replace(/^\uFEFF/, ''), encoding: label };
}
